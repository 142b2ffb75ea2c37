import { describe, expect, it } from 'vitest';
import { formatPercent } from './formatPercent.ts';

describe('formatPercent', () => {
  it('writes whole percentages without a decimal', () => {
    expect(formatPercent(0.6)).toBe('60%');
    expect(formatPercent(0.58)).toBe('58%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
  });

  it('keeps one decimal', () => {
    expect(formatPercent(0.925)).toBe('92.5%');
  });

  it('rounds down, so a value below a threshold never reads as the threshold', () => {
    expect(formatPercent(0.59999)).toBe('59.9%');
    expect(formatPercent(0.5449)).toBe('54.4%');
  });
});
