import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { requireInRange } from './requireInRange.ts';

describe('requireInRange', () => {
  it('returns a value inside the range, ends included or not as asked', () => {
    expect(requireInRange('margin', 0, 0, 1)).toBe(0);
    expect(requireInRange('margin', 1, 0, 1)).toBe(1);
    expect(requireInRange('confidence', 0.5, 0, 1, '()')).toBe(0.5);
  });

  it('refuses values outside, excluded ends and NaN, naming the option', () => {
    expect(() => requireInRange('confidence', 1, 0, 1, '()')).toThrow(DomainError);
    expect(() => requireInRange('confidence', 0, 0, 1, '(]')).toThrow(
      'confidence must be a number in (0, 1], got 0',
    );
    expect(() => requireInRange('margin', 1, 0, 1, '[)')).toThrow(/margin/);
    expect(() => requireInRange('margin', Number.NaN, 0, 1)).toThrow(/got NaN/);
  });
});
