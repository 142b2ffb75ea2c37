import { DomainError } from '../../errors.ts';

/** One worker's vote: a class index and the worker's estimated accuracy. */
export type AccuracyVote = { readonly vote: number; readonly accuracy: number };

export type OneCoinPosterior = {
  /** The most probable class; ties go to the lowest index. */
  readonly winner: number;
  /** Probability of each class given the votes, summing to 1. */
  readonly posterior: readonly number[];
};

// A worker no better than chance tells nothing (weight 0) rather than pointing away from their answer, and
// one whose record is perfect still cannot make the label certain alone.
const MAX_ACCURACY = 0.99;

/**
 * The posterior over `classCount` classes from votes of workers of known accuracy, under the one-coin model:
 * a worker gives the true class with probability `accuracy`, any other class with equal probability. With a
 * uniform prior each vote for class c multiplies its odds by accuracy × (K − 1) / (1 − accuracy), so
 * accurate workers weigh more than a share of the vote would give them and several agreeing workers add up.
 * Accuracies are clamped to [1/K, 0.99].
 */
export function oneCoinPosterior(votes: readonly AccuracyVote[], classCount: number): OneCoinPosterior {
  if (!(Number.isInteger(classCount) && classCount >= 2)) {
    throw new DomainError('VALIDATION_FAILED', `a vote needs at least 2 classes, got ${classCount}`);
  }
  const logOdds = new Float64Array(classCount);
  for (const { vote, accuracy } of votes) {
    if (!(Number.isInteger(vote) && vote >= 0 && vote < classCount)) {
      throw new DomainError('VALIDATION_FAILED', `vote ${vote} is not one of the ${classCount} classes`);
    }
    if (!(accuracy >= 0 && accuracy <= 1)) {
      throw new DomainError('VALIDATION_FAILED', `an accuracy must be in [0, 1], got ${accuracy}`);
    }
    const p = Math.min(MAX_ACCURACY, Math.max(1 / classCount, accuracy));
    logOdds[vote]! += Math.log((p * (classCount - 1)) / (1 - p));
  }
  let winner = 0;
  for (let c = 1; c < classCount; c++) if (logOdds[c]! > logOdds[winner]!) winner = c;
  const top = logOdds[winner]!;
  let sum = 0;
  const posterior = Array.from(logOdds, (l) => {
    const e = Math.exp(l - top);
    sum += e;
    return e;
  });
  return { winner, posterior: posterior.map((e) => e / sum) };
}
