import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { compareLabels, encodeAnswers } from './encodeAnswers.ts';

describe('encodeAnswers', () => {
  it('numbers items and workers in order of first appearance', () => {
    const encoded = encodeAnswers([
      { item: 'x', worker: 'w2', label: 'b' },
      { item: 'y', worker: 'w1', label: 'a' },
      { item: 'x', worker: 'w1', label: 'a' },
    ]);
    expect(encoded.itemIds).toEqual(['x', 'y']);
    expect(encoded.workerIds).toEqual(['w2', 'w1']);
    expect(encoded.classIds).toEqual(['a', 'b']);
    expect(Array.from(encoded.answers.items)).toEqual([0, 1, 0]);
    expect(Array.from(encoded.answers.workers)).toEqual([0, 1, 1]);
    expect(Array.from(encoded.answers.labels)).toEqual([1, 0, 0]);
    expect(encoded.answers).toMatchObject({ nItems: 2, nWorkers: 2, nClasses: 2 });
    expect(encoded.itemIndex.get('y')).toBe(1);
    expect(encoded.workerIndex.get('w2')).toBe(0);
    expect(encoded.classIndex.get('b')).toBe(1);
  });

  it('sorts integer labels numerically, before other labels', () => {
    const encoded = encodeAnswers(
      ['10', 'b', '9', '-1', 'A', '2'].map((label, i) => ({ item: `i${i}`, worker: 'w', label })),
    );
    expect(encoded.classIds).toEqual(['-1', '2', '9', '10', 'A', 'b']);
    expect(Array.from(encoded.answers.labels)).toEqual([3, 5, 2, 0, 4, 1]);
  });

  it('uses the given classes in their order, including unseen ones', () => {
    const encoded = encodeAnswers([{ item: 'i', worker: 'w', label: 'no' }], {
      classes: ['yes', 'no', 'maybe'],
    });
    expect(encoded.classIds).toEqual(['yes', 'no', 'maybe']);
    expect(encoded.answers.nClasses).toBe(3);
    expect(Array.from(encoded.answers.labels)).toEqual([1]);
  });

  it('refuses a label outside the given classes, naming it', () => {
    const run = () =>
      encodeAnswers([{ item: 'i', worker: 'w', label: 'perhaps' }], { classes: ['yes', 'no'] });
    expect(run).toThrow(DomainError);
    expect(run).toThrow(/"perhaps"/);
  });

  it('refuses a class listed twice', () => {
    expect(() => encodeAnswers([], { classes: ['a', 'a'] })).toThrow(/twice/);
  });

  it('encodes nothing to empty arrays', () => {
    const { answers } = encodeAnswers([]);
    expect(answers).toMatchObject({ nItems: 0, nWorkers: 0, nClasses: 0 });
    expect(answers.items).toHaveLength(0);
  });
});

describe('compareLabels', () => {
  it('orders integers numerically and the rest by code unit', () => {
    expect(compareLabels('2', '10')).toBeLessThan(0);
    expect(compareLabels('10', 'a')).toBeLessThan(0);
    expect(compareLabels('B', 'a')).toBeLessThan(0);
    expect(compareLabels('x', 'x')).toBe(0);
    // Not canonical integers, so compared as text.
    expect(compareLabels('02', '1')).toBeGreaterThan(0);
  });
});
