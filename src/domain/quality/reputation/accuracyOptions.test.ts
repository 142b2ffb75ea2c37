import { describe, expect, it } from 'vitest';
import { accuracyOptions } from './accuracyOptions.ts';

describe('accuracyOptions', () => {
  it('fills every default from an empty object', () => {
    expect(accuracyOptions.parse({})).toEqual({
      weights: { gold: 1, review: 1, consensus: 0.5 },
      prior: { mean: 0.7, strength: 5 },
      lowerBoundZ: 1.645,
    });
  });

  it('keeps the defaults beside a partial override', () => {
    const options = accuracyOptions.parse({ weights: { consensus: 0 }, prior: { mean: 0.5 } });
    expect(options.weights).toEqual({ gold: 1, review: 1, consensus: 0 });
    expect(options.prior).toEqual({ mean: 0.5, strength: 5 });
  });

  it('refuses a prior that is certain or empty, and negative weights', () => {
    expect(accuracyOptions.safeParse({ prior: { mean: 1 } }).success).toBe(false);
    expect(accuracyOptions.safeParse({ prior: { mean: 0 } }).success).toBe(false);
    expect(accuracyOptions.safeParse({ prior: { strength: 0 } }).success).toBe(false);
    expect(accuracyOptions.safeParse({ weights: { gold: -1 } }).success).toBe(false);
    expect(accuracyOptions.safeParse({ lowerBoundZ: -1 }).success).toBe(false);
  });
});
