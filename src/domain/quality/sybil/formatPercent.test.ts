import { describe, expect, it } from 'vitest';
import { formatPercent } from './formatPercent.ts';

describe('formatPercent', () => {
  it('rounds to whole percents', () => {
    expect(formatPercent(0.52)).toBe('52%');
    expect(formatPercent(1 / 3)).toBe('33%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('keeps one decimal near the ends, never rounding to 0% or 100%', () => {
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0.000001)).toBe('0.1%');
    expect(formatPercent(0.9974)).toBe('99.7%');
    expect(formatPercent(0.999999)).toBe('99.9%');
  });
});
