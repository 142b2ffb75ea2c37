import { expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { CategoricalResult } from './categoricalResult.ts';
import { type CategoricalAnswers, encodeAnswers } from './encodeAnswers.ts';
import { simulateCrowd } from './simulateCrowd.ts';

/**
 * Checks every categorical aggregation must pass; each method's test file runs it inside its `describe`
 * (one suite, several implementations).
 */
export function categoricalAggregatorSuite(
  aggregate: (answers: CategoricalAnswers) => CategoricalResult,
): void {
  it('returns the unanimous label with full-width outputs', () => {
    const { answers } = encodeAnswers([
      { item: 'i1', worker: 'a', label: 'cat' },
      { item: 'i1', worker: 'b', label: 'cat' },
      { item: 'i2', worker: 'a', label: 'dog' },
      { item: 'i2', worker: 'b', label: 'dog' },
      { item: 'i3', worker: 'a', label: 'cat' },
      { item: 'i3', worker: 'b', label: 'cat' },
    ]);
    const result = aggregate(answers);
    expect(Array.from(result.labels)).toEqual([0, 1, 0]);
    expect(result.confidence).toHaveLength(3);
    expect(result.posteriors).toHaveLength(3 * 2);
    for (const c of result.confidence) expect(c).toBeGreaterThan(0.5);
  });

  it('gives an item without answers label -1, confidence 0 and a zero row', () => {
    const answers: CategoricalAnswers = {
      items: Int32Array.of(0, 0, 2, 2),
      workers: Int32Array.of(0, 1, 0, 1),
      labels: Int32Array.of(1, 1, 0, 0),
      nItems: 3,
      nWorkers: 2,
      nClasses: 2,
    };
    const result = aggregate(answers);
    expect(result.labels[1]).toBe(-1);
    expect(result.confidence[1]).toBe(0);
    expect(Array.from(result.posteriors.subarray(2, 4))).toEqual([0, 0]);
    expect(result.labels[0]).toBe(1);
    expect(result.labels[2]).toBe(0);
  });

  it('handles no answers at all', () => {
    const result = aggregate(encodeAnswers([]).answers);
    expect(result.labels).toHaveLength(0);
    expect(result.confidence).toHaveLength(0);
  });

  it('keeps confidence in [0, 1], equal to the chosen posterior, with rows summing to 1', () => {
    const { answers } = simulateCrowd({
      nItems: 300,
      nClasses: 3,
      workers: [
        { accuracy: 0.8 },
        { accuracy: 0.7 },
        { accuracy: 0.6 },
        { accuracy: 0.34 },
        { accuracy: 0.9 },
      ],
      answersPerItem: 3,
      seed: 7,
    });
    const result = aggregate(answers);
    for (let i = 0; i < answers.nItems; i++) {
      const c = result.confidence[i]!;
      expect(c).toBeGreaterThanOrEqual(1 / 3 - 1e-12);
      expect(c).toBeLessThanOrEqual(1);
      const row = Array.from(result.posteriors.subarray(i * 3, i * 3 + 3));
      expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
      expect(row[result.labels[i]!]).toBe(c);
      expect(Math.max(...row)).toBe(c);
    }
  });

  it('recovers the truth from a decent crowd', () => {
    const { answers, truth } = simulateCrowd({
      nItems: 400,
      nClasses: 2,
      workers: Array.from({ length: 7 }, (_, w) => ({ accuracy: 0.7 + 0.03 * w })),
      answersPerItem: 5,
      seed: 11,
    });
    const { labels } = aggregate(answers);
    let right = 0;
    for (let i = 0; i < truth.length; i++) if (labels[i] === truth[i]) right++;
    expect(right / truth.length).toBeGreaterThan(0.88);
  });

  it('is deterministic', () => {
    const { answers } = simulateCrowd({
      nItems: 200,
      nClasses: 4,
      workers: [{ accuracy: 0.9 }, { accuracy: 0.5 }, { accuracy: 0.25 }, { accuracy: 0.7 }],
      answersPerItem: 3,
      seed: 3,
    });
    const first = aggregate(answers);
    const second = aggregate(answers);
    expect(second.posteriors).toEqual(first.posteriors);
    expect(second.labels).toEqual(first.labels);
  });

  it('does not change its input', () => {
    const { answers } = simulateCrowd({
      nItems: 50,
      nClasses: 2,
      workers: [{ accuracy: 0.8 }, { accuracy: 0.6 }],
      seed: 5,
    });
    const copy = {
      items: answers.items.slice(),
      workers: answers.workers.slice(),
      labels: answers.labels.slice(),
    };
    aggregate(answers);
    expect(answers.items).toEqual(copy.items);
    expect(answers.workers).toEqual(copy.workers);
    expect(answers.labels).toEqual(copy.labels);
  });

  it('refuses an answer outside the counts', () => {
    const bad: CategoricalAnswers = {
      items: Int32Array.of(0),
      workers: Int32Array.of(0),
      labels: Int32Array.of(2),
      nItems: 1,
      nWorkers: 1,
      nClasses: 2,
    };
    expect(() => aggregate(bad)).toThrow(DomainError);
    expect(() => aggregate(bad)).toThrow(/class 2 of 2/);
  });
}
