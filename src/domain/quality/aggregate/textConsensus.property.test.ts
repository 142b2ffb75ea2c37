import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.ts';
import { textConsensus } from './textConsensus.ts';

// Spaces to collapse and trim, and "é" both precomposed and as e + combining accent, which NFC makes equal.
const text = fc.string({ unit: fc.constantFrom('a', 'b', ' ', '  ', 'é', 'e\u0301', '😀'), maxLength: 10 });
const normalize = (t: string) => t.normalize('NFC').trim().replace(/\s+/g, ' ');

/** Edit distance (checked against the textbook table in editDistance.property.test.ts) over the longer normalised text's length in code points, as the consensus measures it. */
function distance(a: string, b: string): number {
  const x = normalize(a);
  const y = normalize(b);
  const longest = Math.max(Array.from(x).length, Array.from(y).length);
  return longest === 0 ? 0 : editDistance(x, y) / longest;
}

describe('textConsensus, over arbitrary texts', () => {
  it('returns one of the answers, the earliest closest to all the others, with confidence in [0, 1]', () => {
    fc.assert(
      fc.property(fc.array(text, { minLength: 1, maxLength: 7 }), (texts) => {
        const result = textConsensus(texts)!;
        expect(result.answerCount).toBe(texts.length);
        expect(Number.isInteger(result.index)).toBe(true);
        expect(result.text).toBe(texts[result.index]);
        const total = texts.map((t) => texts.reduce((sum, u) => sum + distance(t, u), 0));
        const best = total[result.index]!;
        total.forEach((sum, i) => {
          if (i < result.index) expect(sum).toBeGreaterThan(best + 1e-12);
          else expect(sum).toBeGreaterThanOrEqual(best - 1e-12);
        });
        expect(result.confidence).toBeGreaterThanOrEqual(0);
        expect(result.confidence).toBeLessThanOrEqual(1);
        expect(result.confidence).toBeCloseTo(texts.length === 1 ? 1 : 1 - best / (texts.length - 1), 12);
      }),
      { numRuns: 300 },
    );
  });
});
