import type { CategoricalAnswers } from './encodeAnswers.ts';

/**
 * Each item's (weighted) vote shares, row-major `nItems × nClasses`. Without weights every answer counts
 * one. A row whose answers carry no weight at all stays zero.
 */
export function tallyVotes(answers: CategoricalAnswers, weights?: Float64Array): Float64Array {
  const { items, workers, labels, nItems, nClasses } = answers;
  const votes = new Float64Array(nItems * nClasses);
  const n = items.length;
  if (weights) {
    for (let a = 0; a < n; a++) votes[items[a]! * nClasses + labels[a]!]! += weights[workers[a]!]!;
  } else {
    for (let a = 0; a < n; a++) votes[items[a]! * nClasses + labels[a]!]! += 1;
  }
  for (let row = 0; row < votes.length; row += nClasses) {
    let total = 0;
    for (let c = 0; c < nClasses; c++) total += votes[row + c]!;
    if (total > 0) for (let c = 0; c < nClasses; c++) votes[row + c]! /= total;
  }
  return votes;
}
