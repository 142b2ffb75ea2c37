import { describe, expect, it } from 'vitest';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { tallyPairs } from './tallyPairs.ts';

/** A seeded crowd where workers answer random items, sometimes twice, and some items have no reference. */
function randomCrowd(seed: number) {
  let state = seed;
  const random = () => {
    state = (state * 16807) % 2147483647;
    return state / 2147483647;
  };
  const nItems = 60;
  const nWorkers = 12;
  const nClasses = 3;
  const n = 500;
  const answers: CategoricalAnswers = {
    items: Int32Array.from({ length: n }, () => Math.floor(random() * nItems)),
    workers: Int32Array.from({ length: n }, () => Math.floor(random() * nWorkers)),
    labels: Int32Array.from({ length: n }, () => Math.floor(random() * nClasses)),
    nItems,
    nWorkers,
    nClasses,
  };
  const reference = Int32Array.from({ length: nItems }, () => Math.floor(random() * (nClasses + 1)) - 1);
  const judged = Uint8Array.from({ length: n }, (_, a) =>
    reference[answers.items[a]!]! >= 0 && random() < 0.9 ? 1 : 0,
  );
  return { answers, reference, judged };
}

/** The same counts the slow way: every pair of judged answers on one item by two different workers. */
function bruteForce({ answers, reference, judged }: ReturnType<typeof randomCrowd>) {
  const counts = new Map<string, number[]>();
  let sameWrong = 0;
  let bothWrong = 0;
  for (let x = 0; x < answers.items.length; x++) {
    for (let y = x + 1; y < answers.items.length; y++) {
      const i = answers.items[x]!;
      if (!judged[x] || !judged[y] || answers.items[y] !== i || answers.workers[x] === answers.workers[y])
        continue;
      const a = Math.min(answers.workers[x]!, answers.workers[y]!);
      const b = Math.max(answers.workers[x]!, answers.workers[y]!);
      const c = counts.get(`${a},${b}`) ?? [a, b, 0, 0, 0, 0];
      const r = reference[i]!;
      const isSame = answers.labels[x] === answers.labels[y];
      const isBothWrong = answers.labels[x] !== r && answers.labels[y] !== r;
      c[2]!++;
      if (isSame) c[3]!++;
      if (isSame && isBothWrong) c[4]!++;
      if (isBothWrong) c[5]!++;
      counts.set(`${a},${b}`, c);
      if (isSame && isBothWrong) sameWrong++;
      if (isBothWrong) bothWrong++;
    }
  }
  return { rows: [...counts.values()], sameWrong, bothWrong };
}

const rowsOf = (pairs: ReturnType<typeof tallyPairs>['pairs']) =>
  pairs.a.map((a, k) => [
    a,
    pairs.b[k]!,
    pairs.shared[k]!,
    pairs.same[k]!,
    pairs.sameWrong[k]!,
    pairs.bothWrong[k]!,
  ]);
const sorted = (rows: number[][]) => [...rows].sort((x, y) => x[0]! - y[0]! || x[1]! - y[1]!);

describe('tallyPairs', () => {
  it('counts what a pair-by-pair count finds, repeat answers and unjudged answers included', () => {
    for (const seed of [1, 2, 3]) {
      const crowd = randomCrowd(seed);
      const expected = bruteForce(crowd);
      const tally = tallyPairs(crowd.answers, crowd.reference, crowd.judged, {
        minShared: 1,
        minSharedWrong: 0,
        maxPairRecords: 1 << 20,
      });
      expect(sorted(rowsOf(tally.pairs))).toEqual(sorted(expected.rows));
      expect(tally.tested).toBe(expected.rows.length);
      expect(tally.sameWrong).toBe(expected.sameWrong);
      expect(tally.bothWrong).toBe(expected.bothWrong);
    }
  });

  it('tests pairs with minShared items in common and lists those with minSharedWrong shared errors', () => {
    const crowd = randomCrowd(4);
    const expected = bruteForce(crowd).rows;
    const tally = tallyPairs(crowd.answers, crowd.reference, crowd.judged, {
      minShared: 4,
      minSharedWrong: 2,
      maxPairRecords: 1 << 20,
    });
    expect(tally.tested).toBe(expected.filter((r) => r[2]! >= 4).length);
    expect(sorted(rowsOf(tally.pairs))).toEqual(sorted(expected.filter((r) => r[2]! >= 4 && r[4]! >= 2)));
  });

  it('gives the same counts when records are tallied in many small passes', () => {
    const crowd = randomCrowd(5);
    const options = { minShared: 1, minSharedWrong: 0 };
    const whole = tallyPairs(crowd.answers, crowd.reference, crowd.judged, {
      ...options,
      maxPairRecords: 1 << 20,
    });
    const pieces = tallyPairs(crowd.answers, crowd.reference, crowd.judged, {
      ...options,
      maxPairRecords: 7,
    });
    expect(pieces).toEqual(whole);
  });
});
