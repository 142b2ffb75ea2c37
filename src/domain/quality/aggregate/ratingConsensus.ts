import { DomainError } from '../../errors.ts';

export type RatingConsensusOptions = {
  /** The rating scale's ends, which set how large a disagreement can be. */
  readonly min: number;
  readonly max: number;
  /** `median` (default) or `trimmedMean`: the mean after dropping `trim` of the ratings at each end. */
  readonly method?: 'median' | 'trimmedMean';
  /** Share dropped at each end for `trimmedMean`, in [0, 0.5). Default 0.2. */
  readonly trim?: number;
};

export type RatingConsensusResult = {
  readonly value: number;
  /**
   * 1 − (mean absolute deviation of the ratings from `value`) / (half the scale's width): 1 when all agree,
   * 0 when they split between the two ends.
   */
  readonly confidence: number;
  readonly answerCount: number;
};

/** A robust central rating (median, or trimmed mean) and a confidence from how spread the ratings are. */
export function ratingConsensus(
  ratings: readonly number[],
  options: RatingConsensusOptions,
): RatingConsensusResult | null {
  const { min, max } = options;
  const method = options.method ?? 'median';
  const trim = options.trim ?? 0.2;
  if (!(Number.isFinite(min) && Number.isFinite(max) && max > min)) {
    throw new DomainError('VALIDATION_FAILED', `the rating scale needs max > min, got ${min}..${max}`);
  }
  if (!(trim >= 0 && trim < 0.5))
    throw new DomainError('VALIDATION_FAILED', `trim must be in [0, 0.5), got ${trim}`);
  const n = ratings.length;
  if (n === 0) return null;
  for (const r of ratings) {
    if (!(Number.isFinite(r) && r >= min && r <= max)) {
      throw new DomainError('VALIDATION_FAILED', `rating ${r} lies outside the scale ${min}..${max}`);
    }
  }
  const sorted = Float64Array.from(ratings).sort();
  let value: number;
  if (method === 'median') {
    const mid = n >> 1;
    value = n % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  } else {
    const drop = Math.floor(trim * n);
    let sum = 0;
    for (let i = drop; i < n - drop; i++) sum += sorted[i]!;
    value = sum / (n - 2 * drop);
  }
  let deviation = 0;
  for (const r of ratings) deviation += Math.abs(r - value);
  const confidence = 1 - deviation / n / ((max - min) / 2);
  return { value, confidence: Math.max(0, Math.min(1, confidence)), answerCount: n };
}
