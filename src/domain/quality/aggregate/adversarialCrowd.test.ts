import { describe, expect, it } from 'vitest';
import { adversarialCrowd } from './adversarialCrowd.ts';
import { majorityVote } from './majorityVote.ts';

describe('adversarialCrowd', () => {
  it('fools majority vote on exactly the eight items where a reliable worker errs', () => {
    const { encoded, truth } = adversarialCrowd();
    expect(encoded.answers).toMatchObject({ nItems: 20, nWorkers: 3, nClasses: 2 });
    const { labels } = majorityVote(encoded.answers);
    const wrong = truth.flatMap((t, i) => (encoded.classIds[labels[i]!] === t ? [] : [i]));
    expect(wrong).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });
});
