import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { tallyVotes } from './tallyVotes.ts';

/**
 * Plain majority vote. Confidence is the chosen class's share of the item's answers. A tie goes to the
 * lowest class index (with `encodeAnswers`' default order: the numerically or alphabetically first label),
 * the same rule as crowd-kit's MajorityVote.
 */
export function majorityVote(answers: CategoricalAnswers): CategoricalResult {
  assertAnswers(answers);
  return categoricalResult(tallyVotes(answers), answers);
}
