/** What one E-step's normalisation reports. */
export type NormalizeLogPosteriorsResult = {
  /** Largest change of any class probability against `previous`. */
  readonly delta: number;
  /** Σ over answered items of log Σ_c exp(row[c]): the log-likelihood when rows hold log joint probabilities. */
  readonly logLikelihood: number;
};

/**
 * Turns row-major log scores (`K` per item) into probabilities in place, with a stable log-sum-exp. Rows
 * of items without answers are set to zero. Compares with `previous` to report how far EM moved.
 */
export function normalizeLogPosteriors(
  rows: Float64Array,
  previous: Float64Array,
  answered: Uint8Array,
  K: number,
): NormalizeLogPosteriorsResult {
  let delta = 0;
  let logLikelihood = 0;
  for (let i = 0, row = 0; i < answered.length; i++, row += K) {
    if (!answered[i]) {
      rows.fill(0, row, row + K);
      continue;
    }
    let max = Number.NEGATIVE_INFINITY;
    for (let c = 0; c < K; c++) if (rows[row + c]! > max) max = rows[row + c]!;
    let sum = 0;
    for (let c = 0; c < K; c++) {
      const e = Math.exp(rows[row + c]! - max);
      rows[row + c] = e;
      sum += e;
    }
    logLikelihood += max + Math.log(sum);
    for (let c = 0; c < K; c++) {
      const p = rows[row + c]! / sum;
      rows[row + c] = p;
      const d = Math.abs(p - previous[row + c]!);
      if (d > delta) delta = d;
    }
  }
  return { delta, logLikelihood };
}
