import { describe, expect, it } from 'vitest';
import { LSH_BANDS, lshBuckets } from './lshBuckets.ts';
import { minHashSignature } from './minHashSignature.ts';

const shared = (a: Int32Array, b: Int32Array) => a.filter((x, i) => x === b[i]).length;

describe('lshBuckets', () => {
  it('gives one bucket per band, the same for the same text', () => {
    const a = lshBuckets(minHashSignature('the quick brown fox jumps over the lazy dog'));
    expect(a).toHaveLength(LSH_BANDS);
    expect(lshBuckets(minHashSignature('the quick brown fox jumps over the lazy dog'))).toEqual(a);
  });

  it('puts near-copies in a shared bucket and unrelated texts in none', () => {
    const base = 'Caravan pays contributors fairly for careful labels on every task they take.';
    const copy = 'Caravan pays contributors fairly for careful labels on every task they took.';
    const other = 'An entirely different sentence about weather in the mountains this winter.';
    const b = lshBuckets(minHashSignature(base));
    expect(shared(b, lshBuckets(minHashSignature(copy)))).toBeGreaterThan(0);
    expect(shared(b, lshBuckets(minHashSignature(other)))).toBe(0);
  });

  it('refuses a signature of the wrong length', () => {
    expect(() => lshBuckets(new Uint32Array(10))).toThrow(/bands of equal rows/);
  });
});
