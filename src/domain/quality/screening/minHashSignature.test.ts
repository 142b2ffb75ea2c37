import { describe, expect, it } from 'vitest';
import { estimateJaccard } from './estimateJaccard.ts';
import { MINHASH_SIZE, minHashSignature } from './minHashSignature.ts';
import { textShingles } from './textShingles.ts';

function exactJaccard(a: string, b: string): number {
  const x = textShingles(a);
  const y = textShingles(b);
  const shared = [...x].filter((s) => y.has(s)).length;
  return shared / (x.size + y.size - shared);
}
const estimate = (a: string, b: string) => estimateJaccard(minHashSignature(a), minHashSignature(b));

const sentence =
  'The quick brown fox jumps over the lazy dog while the farmer watches from the porch and drinks his morning coffee slowly.';

describe('minHashSignature', () => {
  it('is deterministic: the same text always gives the same signature', () => {
    const a = minHashSignature(sentence);
    expect(a).toHaveLength(MINHASH_SIZE);
    expect(minHashSignature(sentence)).toEqual(a);
    // Pinned values: a change here means stored signatures no longer compare with new ones.
    expect([...minHashSignature('hello world').slice(0, 4)]).toEqual([
      907789176, 201704133, 918515202, 191504096,
    ]);
  });

  it('estimates 1 for identical texts and for texts equal after normalizing', () => {
    expect(estimate(sentence, sentence)).toBe(1);
    expect(estimate(sentence, sentence.toUpperCase().replace(/ /g, '   '))).toBe(1);
  });

  it('estimates near 0 for texts with no shingle in common', () => {
    const other = 'Zebras graze quietly; giraffes nibble acacia leaves under a hazy sky, far away.';
    expect(exactJaccard(sentence, other)).toBeLessThan(0.02);
    expect(estimate(sentence, other)).toBeLessThan(0.05);
  });

  it('estimates a one-word change in a long sentence as highly similar, close to the exact value', () => {
    const changed = sentence.replace('lazy', 'sleepy');
    const exact = exactJaccard(sentence, changed);
    expect(exact).toBeGreaterThan(0.85);
    expect(Math.abs(estimate(sentence, changed) - exact)).toBeLessThan(0.1);
  });

  it('tracks the exact Jaccard similarity on a range of overlaps', () => {
    const words = sentence.split(' ');
    for (const keep of [4, 8, 12, 16]) {
      const partial = words.slice(0, keep).join(' ');
      const exact = exactJaccard(sentence, partial);
      expect(Math.abs(estimate(sentence, partial) - exact), `keeping ${keep} words`).toBeLessThan(0.12);
    }
  });

  it('gives an empty text the empty-set signature', () => {
    expect(minHashSignature('').every((h) => h === 0xffffffff)).toBe(true);
  });
});
