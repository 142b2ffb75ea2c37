import { describe, expect, it } from 'vitest';
import { polygonArea } from './polygonArea.ts';

describe('polygonArea', () => {
  it('measures a square and a triangle whichever way they wind', () => {
    const square = [
      { x: 0.1, y: 0.1 },
      { x: 0.5, y: 0.1 },
      { x: 0.5, y: 0.5 },
      { x: 0.1, y: 0.5 },
    ];
    expect(polygonArea(square)).toBeCloseTo(0.16, 12);
    expect(polygonArea([...square].reverse())).toBeCloseTo(0.16, 12);
    expect(
      polygonArea([
        { x: 0, y: 0 },
        { x: 1, y: 0 },
        { x: 0, y: 1 },
      ]),
    ).toBe(0.5);
  });

  it('measures a concave outline without its notch, and points on one line as 0', () => {
    const ell = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.5 },
      { x: 0.5, y: 0.5 },
      { x: 0.5, y: 1 },
      { x: 0, y: 1 },
    ];
    expect(polygonArea(ell)).toBeCloseTo(0.75, 12);
    expect(
      polygonArea([
        { x: 0, y: 0 },
        { x: 0.5, y: 0.5 },
        { x: 1, y: 1 },
      ]),
    ).toBe(0);
  });
});
