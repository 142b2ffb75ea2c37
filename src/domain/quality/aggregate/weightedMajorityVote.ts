import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { tallyVotes } from './tallyVotes.ts';

export type WeightedMajorityVoteResult = CategoricalResult & {
  /** Per worker, the share of their answers that agree with the plain majority (their vote weight). */
  readonly workerSkill: Float64Array;
};

/**
 * Wawa ("worker agreement with aggregate"): each worker's weight is how often they agree with the plain
 * majority vote, then every item is re-voted with those weights. Confidence is the chosen class's share
 * of the weighted vote; ties go to the lowest class index.
 */
export function weightedMajorityVote(answers: CategoricalAnswers): WeightedMajorityVoteResult {
  assertAnswers(answers);
  const { items, workers, labels, nWorkers } = answers;
  const plain = categoricalResult(tallyVotes(answers), answers);
  const agree = new Float64Array(nWorkers);
  const total = new Float64Array(nWorkers);
  for (let a = 0; a < items.length; a++) {
    const w = workers[a]!;
    total[w]! += 1;
    if (plain.labels[items[a]!] === labels[a]) agree[w]! += 1;
  }
  const workerSkill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) workerSkill[w] = total[w]! > 0 ? agree[w]! / total[w]! : 0;

  // Every answered item has at least one answer that agrees with its majority, and that worker's weight is
  // above zero, so no answered item loses all its weight.
  return { ...categoricalResult(tallyVotes(answers, workerSkill), answers), workerSkill };
}
