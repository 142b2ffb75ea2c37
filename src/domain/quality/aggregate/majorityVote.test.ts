import { describe, expect, it } from 'vitest';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { encodeAnswers } from './encodeAnswers.ts';
import { majorityVote } from './majorityVote.ts';

describe('majorityVote', () => {
  categoricalAggregatorSuite(majorityVote);

  it('picks the most common label with its vote share as confidence', () => {
    const encoded = encodeAnswers([
      { item: 'i', worker: 'a', label: 'x' },
      { item: 'i', worker: 'b', label: 'y' },
      { item: 'i', worker: 'c', label: 'y' },
    ]);
    const result = majorityVote(encoded.answers);
    expect(encoded.classIds[result.labels[0]!]).toBe('y');
    expect(result.confidence[0]).toBeCloseTo(2 / 3, 15);
    expect(Array.from(result.posteriors)).toEqual([1 / 3, 2 / 3]);
  });

  it('breaks a tie towards the lowest class index: the first label in sorted order', () => {
    const encoded = encodeAnswers([
      { item: 'two-way', worker: 'a', label: 'y' },
      { item: 'two-way', worker: 'b', label: 'x' },
      { item: 'three-way', worker: 'a', label: 'z' },
      { item: 'three-way', worker: 'b', label: 'y' },
      { item: 'three-way', worker: 'c', label: 'x' },
    ]);
    const result = majorityVote(encoded.answers);
    expect(encoded.classIds).toEqual(['x', 'y', 'z']);
    expect(Array.from(result.labels)).toEqual([0, 0]);
    expect(result.confidence[0]).toBe(0.5);
    expect(result.confidence[1]).toBeCloseTo(1 / 3, 15);
  });

  it('orders numeric labels by value, so "9" wins a tie against "10"', () => {
    const encoded = encodeAnswers([
      { item: 'i', worker: 'a', label: '10' },
      { item: 'i', worker: 'b', label: '9' },
    ]);
    expect(encoded.classIds[majorityVote(encoded.answers).labels[0]!]).toBe('9');
  });

  it('counts a worker who answers twice twice', () => {
    const encoded = encodeAnswers([
      { item: 'i', worker: 'a', label: 'x' },
      { item: 'i', worker: 'a', label: 'x' },
      { item: 'i', worker: 'b', label: 'y' },
    ]);
    expect(majorityVote(encoded.answers).labels[0]).toBe(0);
  });
});
