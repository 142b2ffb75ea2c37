import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ratingConsensus } from './ratingConsensus.ts';

/** A scale and ratings on it (whole steps, as the rating method answers, or any value in between). */
const rated = fc
  .record({
    min: fc.integer({ min: -5, max: 5 }),
    width: fc.integer({ min: 1, max: 10 }),
    whole: fc.boolean(),
  })
  .chain(({ min, width, whole }) =>
    fc.record({
      min: fc.constant(min),
      max: fc.constant(min + width),
      ratings: fc.array(
        whole ? fc.integer({ min, max: min + width }) : fc.double({ min, max: min + width, noNaN: true }),
        { minLength: 1, maxLength: 12, size: 'max' },
      ),
    }),
  );

describe('ratingConsensus, over arbitrary ratings', () => {
  it('lands between the lowest and the highest rating, with confidence in [0, 1]', () => {
    fc.assert(
      fc.property(
        rated,
        fc.constantFrom('median', 'trimmedMean'),
        fc.double({ min: 0, max: 0.49, noNaN: true }),
        ({ min, max, ratings }, method, trim) => {
          const result = ratingConsensus(ratings, { min, max, method, trim })!;
          expect(result.answerCount).toBe(ratings.length);
          expect(result.value).toBeGreaterThanOrEqual(Math.min(...ratings));
          expect(result.value).toBeLessThanOrEqual(Math.max(...ratings));
          expect(Number.isFinite(result.confidence)).toBe(true);
          expect(result.confidence).toBeGreaterThanOrEqual(0);
          expect(result.confidence).toBeLessThanOrEqual(1);
          if (ratings.every((r) => r === ratings[0])) {
            expect(result.value).toBe(ratings[0]);
            expect(result.confidence).toBe(1);
          }
          if (method === 'median') {
            // As many ratings on either side of it.
            const below = ratings.filter((r) => r < result.value).length;
            const above = ratings.filter((r) => r > result.value).length;
            expect(below).toBeLessThanOrEqual(ratings.length / 2);
            expect(above).toBeLessThanOrEqual(ratings.length / 2);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
