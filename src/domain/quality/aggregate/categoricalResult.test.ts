import { describe, expect, it } from 'vitest';
import { categoricalResult } from './categoricalResult.ts';

describe('categoricalResult', () => {
  it('picks the most probable class of each row, ties to the lowest index', () => {
    const posteriors = Float64Array.of(0.2, 0.8, 0.5, 0.5, 0, 0);
    const result = categoricalResult(posteriors, 3, 2);
    expect(Array.from(result.labels)).toEqual([1, 0, -1]);
    expect(Array.from(result.confidence)).toEqual([0.8, 0.5, 0]);
    expect(result.posteriors).toBe(posteriors);
  });
});
