import { describe, expect, it } from 'vitest';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { judgedAnswers } from './judgedAnswers.ts';
import { sybilCrowd } from './sybilCrowd.ts';

/** One item per row of labels, worker k giving the k-th label of each row. */
function crowd(rows: readonly (readonly number[])[], nClasses: number): CategoricalAnswers {
  const items = rows.flatMap((row, i) => row.map(() => i));
  const workers = rows.flatMap((row) => row.map((_, k) => k));
  return {
    items: Int32Array.from(items),
    workers: Int32Array.from(workers),
    labels: Int32Array.from(rows.flat()),
    nItems: rows.length,
    nWorkers: Math.max(...rows.map((r) => r.length)),
    nClasses,
  };
}

describe('judgedAnswers', () => {
  it('keeps answers whose item the other answers put at least minLead votes behind the reference', () => {
    // Item 0 (reference 0): without a 0 the others are 0,0,1, a lead of 1; without the 1 it is 3.
    // Item 1 (reference 0): without a 0 the 1s lead; without a 1 the 0s lead by 1; without the 2 it is a tie.
    // Item 2 (reference 2): without a 2 the others tie; without the 0 the 2s lead by 2.
    const answers = crowd(
      [
        [0, 0, 0, 1],
        [0, 0, 1, 1, 2],
        [2, 2, 0],
      ],
      3,
    );
    const reference = Int32Array.from([0, 0, 2]);
    expect(Array.from(judgedAnswers(answers, reference, 2))).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]);
    expect(Array.from(judgedAnswers(answers, reference, 1))).toEqual([1, 1, 1, 1, 0, 0, 1, 1, 0, 0, 0, 1]);
  });

  it('sees a rival that shares the top count with another label', () => {
    // Reference 0 with 3 votes, rivals 1 and 2 with 2 each: without a 1, label 2 still has 2.
    const answers = crowd([[0, 0, 0, 1, 1, 2, 2]], 3);
    expect(Array.from(judgedAnswers(answers, Int32Array.from([0]), 1))).toEqual([0, 0, 0, 1, 1, 1, 1]);
  });

  it('skips items without a reference and, with minLead 0, keeps every other answer', () => {
    const answers = crowd([[1], [0, 1]], 2);
    expect(Array.from(judgedAnswers(answers, Int32Array.from([1, -1]), 0))).toEqual([1, 0, 0]);
    expect(Array.from(judgedAnswers(answers, Int32Array.from([1, -1]), 2))).toEqual([0, 0, 0]);
  });

  it('lets a guesser agree with a majority reference only at chance rate', () => {
    // Without the filter, a guesser's own vote lifts its agreement with the majority well above 1/4.
    const { answers, roles } = sybilCrowd({
      nItems: 20_000,
      nClasses: 4,
      answersPerItem: 5,
      honest: 20,
      randomClickers: 5,
      seed: 8,
    });
    const tally = new Int32Array(answers.nItems * 4);
    for (let a = 0; a < answers.items.length; a++) tally[answers.items[a]! * 4 + answers.labels[a]!]!++;
    const majority = Int32Array.from({ length: answers.nItems }, (_, i) => {
      let best = 0;
      for (let c = 1; c < 4; c++) if (tally[i * 4 + c]! > tally[i * 4 + best]!) best = c;
      return best;
    });
    const judged = judgedAnswers(answers, majority, 2);
    const rate = (filter: boolean) => {
      let agreed = 0;
      let total = 0;
      for (let a = 0; a < answers.items.length; a++) {
        if (roles[answers.workers[a]!] !== 'random_clicker' || (filter && !judged[a])) continue;
        total++;
        if (answers.labels[a] === majority[answers.items[a]!]) agreed++;
      }
      return agreed / total;
    };
    expect(rate(false)).toBeGreaterThan(0.3);
    expect(Math.abs(rate(true) - 0.25)).toBeLessThan(0.01);
  });
});
