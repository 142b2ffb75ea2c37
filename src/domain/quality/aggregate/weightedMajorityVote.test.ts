import { describe, expect, it } from 'vitest';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { encodeAnswers } from './encodeAnswers.ts';
import { majorityVote } from './majorityVote.ts';
import { weightedMajorityVote } from './weightedMajorityVote.ts';

describe('weightedMajorityVote', () => {
  categoricalAggregatorSuite(weightedMajorityVote);

  // Workers a and b agree on three items where c dissents; on item "x" only a and c answer and disagree.
  const encoded = encodeAnswers([
    ...['i1', 'i2', 'i3'].flatMap((item) => [
      { item, worker: 'a', label: '1' },
      { item, worker: 'b', label: '1' },
      { item, worker: 'c', label: '0' },
    ]),
    { item: 'x', worker: 'a', label: '1' },
    { item: 'x', worker: 'c', label: '0' },
  ]);

  it('weighs each worker by agreement with the plain majority', () => {
    const { workerSkill } = weightedMajorityVote(encoded.answers);
    // Plain MV breaks the tie on x towards "0", so a agrees 3 of 4 times, b 3 of 3, c 1 of 4.
    expect(Array.from(workerSkill)).toEqual([0.75, 1, 0.25]);
  });

  it('re-votes with those weights, which can overturn a plain-vote tie', () => {
    const x = encoded.itemIndex.get('x')!;
    expect(majorityVote(encoded.answers).labels[x]).toBe(0);
    const result = weightedMajorityVote(encoded.answers);
    expect(result.labels[x]).toBe(1);
    expect(result.confidence[x]).toBe(0.75);
    // i1: (0.75 + 1) for "1" against 0.25 for "0".
    expect(result.confidence[encoded.itemIndex.get('i1')!]).toBe(0.875);
  });
});
