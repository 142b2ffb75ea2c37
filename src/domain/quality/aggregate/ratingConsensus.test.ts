import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { ratingConsensus } from './ratingConsensus.ts';

const scale = { min: 1, max: 5 };

describe('ratingConsensus', () => {
  it('takes the median, robust to one outlier', () => {
    // Median 4; mean absolute deviation (0 + 0 + 1 + 3 + 0) / 5 = 0.8 over half-width 2.
    expect(ratingConsensus([4, 4, 5, 1, 4], scale)).toEqual({
      value: 4,
      confidence: expect.closeTo(0.6, 12),
      answerCount: 5,
    });
  });

  it('averages the two middle ratings of an even count', () => {
    expect(ratingConsensus([2, 3, 4, 5], scale)!.value).toBe(3.5);
  });

  it('takes a trimmed mean when asked', () => {
    // 20% of 5 is one rating dropped at each end: mean of 2, 3, 4.
    expect(ratingConsensus([1, 2, 3, 4, 5], { ...scale, method: 'trimmedMean' })!.value).toBe(3);
    // Nothing dropped with trim 0: a plain mean.
    expect(ratingConsensus([1, 1, 4], { ...scale, method: 'trimmedMean', trim: 0 })!.value).toBe(2);
  });

  it('is fully confident when all agree and not at all when split between the ends', () => {
    expect(ratingConsensus([3, 3, 3], scale)!.confidence).toBe(1);
    expect(ratingConsensus([1, 5], scale)!.confidence).toBe(0);
  });

  it('returns null for no ratings', () => {
    expect(ratingConsensus([], scale)).toBeNull();
  });

  it('refuses a rating off the scale, a bad scale or a bad trim', () => {
    expect(() => ratingConsensus([6], scale)).toThrow(DomainError);
    expect(() => ratingConsensus([6], scale)).toThrow(/outside the scale 1..5/);
    expect(() => ratingConsensus([1], { min: 5, max: 1 })).toThrow(/max > min/);
    expect(() => ratingConsensus([1], { ...scale, trim: 0.5 })).toThrow(/trim/);
  });
});
