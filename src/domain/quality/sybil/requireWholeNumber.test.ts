import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { requireWholeNumber } from './requireWholeNumber.ts';

describe('requireWholeNumber', () => {
  it('returns a whole number at or above the minimum', () => {
    expect(requireWholeNumber('minJudged', 1, 1)).toBe(1);
    expect(requireWholeNumber('minJudged', 40, 1)).toBe(40);
  });

  it('refuses fractions, smaller numbers and NaN, naming the option', () => {
    expect(() => requireWholeNumber('minJudged', 2.5, 1)).toThrow(DomainError);
    expect(() => requireWholeNumber('minJudged', 0, 1)).toThrow(
      'minJudged must be a whole number ≥ 1, got 0',
    );
    expect(() => requireWholeNumber('minShared', Number.NaN, 1)).toThrow(/minShared/);
  });
});
