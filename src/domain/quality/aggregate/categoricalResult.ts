import type { CategoricalAnswers } from './encodeAnswers.ts';

/**
 * What every categorical aggregation returns. `posteriors` is row-major, `nItems × nClasses`; the row of
 * an item with no answers is all zeros, and that item gets label -1 and confidence 0.
 */
export type CategoricalResult = {
  /**
   * Chosen class index per item: the most probable of the classes the item's answers gave (ties to the
   * lowest class index); -1 for an item without answers.
   */
  readonly labels: Int32Array;
  /** Per item, the probability (or vote share) of the chosen class, in [0, 1]. */
  readonly confidence: Float64Array;
  readonly posteriors: Float64Array;
};

/**
 * Picks each item's label from a row-major posterior matrix: the most probable class among those some
 * answer gave the item (ties to the lowest index). A model can put more mass on a class nobody gave (a
 * learned prior outweighing one weak answer, or a tie that would go to class 0), but a label no answer
 * gave would reject every answer of a settled item; choosing among the answers instead leaves such an item
 * with a low confidence, so it asks for more answers or a person.
 */
export function categoricalResult(posteriors: Float64Array, answers: CategoricalAnswers): CategoricalResult {
  const { items, labels: given, nItems, nClasses } = answers;
  const answered = new Uint8Array(nItems * nClasses);
  for (let a = 0; a < items.length; a++) answered[items[a]! * nClasses + given[a]!] = 1;
  const labels = new Int32Array(nItems);
  const confidence = new Float64Array(nItems);
  for (let i = 0, row = 0; i < nItems; i++, row += nClasses) {
    let best = -1;
    let bestP = -1;
    for (let c = 0; c < nClasses; c++) {
      const p = posteriors[row + c]!;
      if (answered[row + c] && p > bestP) {
        bestP = p;
        best = c;
      }
    }
    labels[i] = best;
    // Rounding can push a normalised probability a hair past 1.
    confidence[i] = best < 0 ? 0 : Math.min(bestP, 1);
  }
  return { labels, confidence, posteriors };
}
