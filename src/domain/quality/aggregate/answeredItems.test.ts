import { describe, expect, it } from 'vitest';
import { answeredItems } from './answeredItems.ts';

describe('answeredItems', () => {
  it('marks the items that have at least one answer', () => {
    const answers = {
      items: Int32Array.of(2, 0, 2),
      workers: Int32Array.of(0, 0, 1),
      labels: Int32Array.of(0, 1, 1),
      nItems: 4,
      nWorkers: 2,
      nClasses: 2,
    };
    expect(Array.from(answeredItems(answers))).toEqual([1, 0, 1, 0]);
  });
});
