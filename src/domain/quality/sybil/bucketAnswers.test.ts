import { describe, expect, it } from 'vitest';
import { bucketAnswers } from './bucketAnswers.ts';

describe('bucketAnswers', () => {
  it('groups answers by key, keeping their order inside each bucket', () => {
    const { start, order } = bucketAnswers(Int32Array.from([2, 0, 2, 1, 0, 2]), 4);
    expect(Array.from(start)).toEqual([0, 2, 3, 6, 6]);
    expect(Array.from(order)).toEqual([1, 4, 3, 0, 2, 5]);
  });

  it('handles no answers', () => {
    const { start, order } = bucketAnswers(new Int32Array(0), 2);
    expect(Array.from(start)).toEqual([0, 0, 0]);
    expect(order).toHaveLength(0);
  });
});
