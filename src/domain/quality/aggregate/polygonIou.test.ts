import { describe, expect, it } from 'vitest';
import { polygonIou } from './polygonIou.ts';

const square = (x: number, y: number, s: number) => [
  { x, y },
  { x: x + s, y },
  { x: x + s, y: y + s },
  { x, y: y + s },
];

describe('polygonIou', () => {
  it('is 1 for the same outline, whichever point it starts from and whichever way it winds', () => {
    const a = square(0.1, 0.1, 0.4);
    expect(polygonIou(a, a)).toBeCloseTo(1, 12);
    expect(polygonIou(a, [...a.slice(2), ...a.slice(0, 2)])).toBeCloseTo(1, 12);
    expect(polygonIou(a, [...a].reverse())).toBeCloseTo(1, 12);
  });

  it('is 0 for disjoint outlines and for outlines that only share an edge', () => {
    expect(polygonIou(square(0, 0, 0.2), square(0.5, 0.5, 0.2))).toBe(0);
    expect(polygonIou(square(0, 0, 0.2), square(0.2, 0, 0.2))).toBe(0);
  });

  it('divides the overlap by the union', () => {
    // Half of each square overlaps: 0.125 / (0.25 + 0.25 − 0.125) = 1/3.
    expect(polygonIou(square(0, 0, 0.5), square(0.25, 0, 0.5))).toBeCloseTo(1 / 3, 12);
    // A square inside another: inner area / outer area.
    expect(polygonIou(square(0, 0, 1), square(0.25, 0.25, 0.5))).toBeCloseTo(0.25, 12);
  });

  it('measures the true overlap of shapes that are not boxes', () => {
    // The lower-left triangle of the unit square against the upper-right one: they share only the diagonal.
    const lower = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 0, y: 1 },
    ];
    const upper = [
      { x: 1, y: 0 },
      { x: 1, y: 1 },
      { x: 0, y: 1 },
    ];
    expect(polygonIou(lower, upper)).toBeCloseTo(0, 12);
    // The triangle against the square it sits in: 0.5 / 1, where their bounding boxes would say 1.
    expect(polygonIou(lower, square(0, 0, 1))).toBeCloseTo(0.5, 12);
    // A concave L (three quarters of the square) against the square's missing corner: no overlap.
    const ell = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.5 },
      { x: 0.5, y: 0.5 },
      { x: 0.5, y: 1 },
      { x: 0, y: 1 },
    ];
    expect(polygonIou(ell, square(0.5, 0.5, 0.5))).toBeCloseTo(0, 12);
    expect(polygonIou(ell, square(0, 0, 1))).toBeCloseTo(0.75, 12);
  });

  it('is symmetric', () => {
    const a = [
      { x: 0.1, y: 0.2 },
      { x: 0.7, y: 0.1 },
      { x: 0.6, y: 0.8 },
      { x: 0.3, y: 0.6 },
    ];
    const b = square(0.2, 0.2, 0.5);
    expect(polygonIou(a, b)).toBeCloseTo(polygonIou(b, a), 12);
    expect(polygonIou(a, b)).toBeGreaterThan(0);
    expect(polygonIou(a, b)).toBeLessThan(1);
  });
});
