import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { requireNonNegative } from './requireNonNegative.ts';

describe('requireNonNegative', () => {
  it('returns a finite number ≥ 0', () => {
    expect(requireNonNegative('smoothing', 0)).toBe(0);
    expect(requireNonNegative('smoothing', 2.5)).toBe(2.5);
  });

  it('refuses negatives, NaN and infinity, naming the option', () => {
    expect(() => requireNonNegative('smoothing', -0.1)).toThrow(DomainError);
    expect(() => requireNonNegative('smoothing', Number.NaN)).toThrow(/smoothing/);
    expect(() => requireNonNegative('smoothing', Number.POSITIVE_INFINITY)).toThrow(/smoothing/);
  });
});
