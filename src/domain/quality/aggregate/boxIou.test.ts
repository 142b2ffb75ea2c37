import { describe, expect, it } from 'vitest';
import { boxIou } from './boxIou.ts';

describe('boxIou', () => {
  it('is 1 for the same box and 0 for disjoint or touching boxes', () => {
    const a = { x1: 0.1, y1: 0.1, x2: 0.3, y2: 0.3 };
    expect(boxIou(a, a)).toBe(1);
    expect(boxIou(a, { x1: 0.3, y1: 0.1, x2: 0.5, y2: 0.3 })).toBe(0);
    expect(boxIou(a, { x1: 0.6, y1: 0.6, x2: 0.7, y2: 0.7 })).toBe(0);
  });

  it('divides the overlap by the union', () => {
    // 0.18 × 0.2 overlap = 0.036; union 0.04 + 0.04 − 0.036 = 0.044.
    expect(
      boxIou({ x1: 0.1, y1: 0.1, x2: 0.3, y2: 0.3 }, { x1: 0.12, y1: 0.1, x2: 0.32, y2: 0.3 }),
    ).toBeCloseTo(0.036 / 0.044, 12);
    // A box inside another: inner area / outer area.
    expect(boxIou({ x1: 0, y1: 0, x2: 1, y2: 1 }, { x1: 0.25, y1: 0.25, x2: 0.75, y2: 0.75 })).toBeCloseTo(
      0.25,
      12,
    );
  });

  it('is 0 for two empty boxes', () => {
    const empty = { x1: 0.5, y1: 0.5, x2: 0.5, y2: 0.5 };
    expect(boxIou(empty, empty)).toBe(0);
  });
});
