/** Minimum probability used wherever this folder takes a log, so one zero cannot veto a class outright. */
export const MIN_PROBABILITY = 1e-12;

/**
 * The class prior implied by the current posteriors: the mean posterior over answered items, plus
 * `smoothing` pseudo-counts per class. Writes probabilities into `prior` and their logs into `logPrior`.
 */
export function estimateClassPrior(
  posteriors: Float64Array,
  answered: Uint8Array,
  smoothing: number,
  prior: Float64Array,
  logPrior: Float64Array,
): void {
  const K = prior.length;
  prior.fill(smoothing);
  let mass = K * smoothing;
  for (let i = 0, row = 0; i < answered.length; i++, row += K) {
    if (!answered[i]) continue;
    for (let c = 0; c < K; c++) prior[c]! += posteriors[row + c]!;
    mass += 1;
  }
  for (let c = 0; c < K; c++) {
    const p = mass > 0 ? prior[c]! / mass : 1 / K;
    prior[c] = p;
    logPrior[c] = Math.log(Math.max(p, MIN_PROBABILITY));
  }
}
