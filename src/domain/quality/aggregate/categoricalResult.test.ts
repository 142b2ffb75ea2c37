import { describe, expect, it } from 'vitest';
import { categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';

/** Answers of one worker: `given[i]` lists the classes item i received. */
function answersOf(given: number[][], nClasses: number): CategoricalAnswers {
  const pairs = given.flatMap((classes, item) => classes.map((label) => ({ item, label })));
  return {
    items: Int32Array.from(pairs, (p) => p.item),
    workers: new Int32Array(pairs.length),
    labels: Int32Array.from(pairs, (p) => p.label),
    nItems: given.length,
    nWorkers: 1,
    nClasses,
  };
}

describe('categoricalResult', () => {
  it('picks the most probable class of each row, ties to the lowest index', () => {
    const posteriors = Float64Array.of(0.2, 0.8, 0.5, 0.5, 0, 0);
    const result = categoricalResult(posteriors, answersOf([[0, 1], [0, 1], []], 2));
    expect(Array.from(result.labels)).toEqual([1, 0, -1]);
    expect(Array.from(result.confidence)).toEqual([0.8, 0.5, 0]);
    expect(result.posteriors).toBe(posteriors);
  });

  it('chooses only among the classes the item was given, however probable another is', () => {
    const result = categoricalResult(Float64Array.of(0.7, 0.3, 0.5, 0.5), answersOf([[1], [1]], 2));
    expect(Array.from(result.labels)).toEqual([1, 1]);
    expect(Array.from(result.confidence)).toEqual([0.3, 0.5]);
    const three = categoricalResult(Float64Array.of(0, 0, 1), answersOf([[0, 1]], 3));
    expect(Array.from(three.labels)).toEqual([0]);
    expect(Array.from(three.confidence)).toEqual([0]);
  });
});
