/**
 * What every categorical aggregation returns. `posteriors` is row-major, `nItems × nClasses`; the row of
 * an item with no answers is all zeros, and that item gets label -1 and confidence 0.
 */
export type CategoricalResult = {
  /** Chosen class index per item; ties go to the lowest class index; -1 for an item without answers. */
  readonly labels: Int32Array;
  /** Per item, the probability (or vote share) of the chosen class, in [0, 1]. */
  readonly confidence: Float64Array;
  readonly posteriors: Float64Array;
};

/** Picks each item's most probable class from a row-major posterior matrix (ties to the lowest index). */
export function categoricalResult(
  posteriors: Float64Array,
  nItems: number,
  nClasses: number,
): CategoricalResult {
  const labels = new Int32Array(nItems);
  const confidence = new Float64Array(nItems);
  for (let i = 0, row = 0; i < nItems; i++, row += nClasses) {
    let best = -1;
    let bestP = 0;
    for (let c = 0; c < nClasses; c++) {
      const p = posteriors[row + c]!;
      if (p > bestP) {
        bestP = p;
        best = c;
      }
    }
    labels[i] = best;
    // Rounding can push a normalised probability a hair past 1.
    confidence[i] = Math.min(bestP, 1);
  }
  return { labels, confidence, posteriors };
}
