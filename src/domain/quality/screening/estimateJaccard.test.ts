import { describe, expect, it } from 'vitest';
import { estimateJaccard } from './estimateJaccard.ts';

describe('estimateJaccard', () => {
  it('is the share of equal positions', () => {
    expect(estimateJaccard([1, 2, 3, 4], [1, 2, 3, 4])).toBe(1);
    expect(estimateJaccard([1, 2, 3, 4], [1, 9, 3, 9])).toBe(0.5);
    expect(estimateJaccard(Uint32Array.of(1, 2), Uint32Array.of(3, 4))).toBe(0);
  });

  it('refuses signatures of different or zero length', () => {
    expect(() => estimateJaccard([1, 2], [1])).toThrow(RangeError);
    expect(() => estimateJaccard([], [])).toThrow(RangeError);
  });
});
