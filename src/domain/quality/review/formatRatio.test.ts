import { describe, expect, it } from 'vitest';
import { formatRatio } from './formatRatio.ts';

describe('formatRatio', () => {
  it('prints two decimals', () => {
    expect(formatRatio(0.4234, 0.5)).toBe('0.42');
    expect(formatRatio(1, 0.5)).toBe('1.00');
    expect(formatRatio(0.5, 0.5)).toBe('0.50');
  });

  it('adds decimals rather than print a value on the other side of the bar as the bar', () => {
    expect(formatRatio(0.4999, 0.5)).toBe('0.4999');
    expect(formatRatio(0.796, 0.8)).toBe('0.796');
    expect(formatRatio(0.8004, 0.8)).toBe('0.8004');
  });
});
