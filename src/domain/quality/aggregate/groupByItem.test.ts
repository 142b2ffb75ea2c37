import { describe, expect, it } from 'vitest';
import { groupByItem } from './groupByItem.ts';

describe('groupByItem', () => {
  it('lists each item’s answers contiguously, in input order, with empty ranges for unanswered items', () => {
    const answers = {
      items: Int32Array.of(2, 0, 2, 3, 0, 2),
      workers: Int32Array.of(0, 0, 1, 1, 1, 2),
      labels: Int32Array.of(0, 1, 1, 0, 0, 1),
      nItems: 5,
      nWorkers: 3,
      nClasses: 2,
    };
    const { start, order } = groupByItem(answers);
    expect(Array.from(start)).toEqual([0, 2, 2, 5, 6, 6]);
    expect(Array.from(order)).toEqual([1, 4, 0, 2, 5, 3]);
  });

  it('handles no answers at all', () => {
    const answers = {
      items: new Int32Array(0),
      workers: new Int32Array(0),
      labels: new Int32Array(0),
      nItems: 2,
      nWorkers: 0,
      nClasses: 2,
    };
    const { start, order } = groupByItem(answers);
    expect(Array.from(start)).toEqual([0, 0, 0]);
    expect(order).toHaveLength(0);
  });
});
