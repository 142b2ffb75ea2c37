import { describe, expect, it } from 'vitest';
import { tallyVotes } from './tallyVotes.ts';

const answers = {
  items: Int32Array.of(0, 0, 0, 2),
  workers: Int32Array.of(0, 1, 2, 2),
  labels: Int32Array.of(0, 1, 1, 1),
  nItems: 3,
  nWorkers: 3,
  nClasses: 2,
};

describe('tallyVotes', () => {
  it('gives vote shares per item, and a zero row to an item without answers', () => {
    expect(Array.from(tallyVotes(answers))).toEqual([1 / 3, 2 / 3, 0, 0, 0, 1]);
  });

  it('weighs each answer by its worker', () => {
    expect(Array.from(tallyVotes(answers, Float64Array.of(3, 1, 1)))).toEqual([0.6, 0.4, 0, 0, 0, 1]);
  });

  it('leaves a row whose answers weigh nothing at zero', () => {
    expect(Array.from(tallyVotes(answers, Float64Array.of(1, 1, 0))).slice(4)).toEqual([0, 0]);
  });
});
