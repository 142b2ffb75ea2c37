import { describe, expect, it } from 'vitest';
import { sizeCategory } from './sizeCategory.ts';

describe('sizeCategory', () => {
  it('puts counts in the Hub buckets, a power of ten starting the next bucket', () => {
    expect(sizeCategory(0)).toBe('n<1K');
    expect(sizeCategory(999)).toBe('n<1K');
    expect(sizeCategory(1000)).toBe('1K<n<10K');
    expect(sizeCategory(99_999)).toBe('10K<n<100K');
    expect(sizeCategory(100_000)).toBe('100K<n<1M');
    expect(sizeCategory(1_000_000)).toBe('1M<n<10M');
    expect(sizeCategory(5e12)).toBe('n>1T');
  });
});
