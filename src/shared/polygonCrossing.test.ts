import { describe, expect, it } from 'vitest';
import { polygonCrossing } from './polygonCrossing.ts';

const p = (x: number, y: number) => ({ x, y });

describe('polygonCrossing', () => {
  it('finds nothing in simple polygons, convex or concave', () => {
    expect(polygonCrossing([p(0, 0), p(1, 0), p(0, 1)])).toBeNull();
    expect(polygonCrossing([p(0, 0), p(1, 0), p(1, 1), p(0, 1)])).toBeNull();
    expect(polygonCrossing([p(0, 0), p(1, 0), p(1, 0.5), p(0.5, 0.5), p(0.5, 1), p(0, 1)])).toBeNull();
    // A star with its points well apart.
    const star = Array.from({ length: 10 }, (_, k) => {
      const r = k % 2 === 0 ? 0.4 : 0.15;
      const a = (Math.PI * k) / 5;
      return p(0.5 + r * Math.cos(a), 0.5 + r * Math.sin(a));
    });
    expect(polygonCrossing(star)).toBeNull();
  });

  it('names the two edges of a bow tie', () => {
    // Edge 0 (point 0 to 1) crosses edge 2 (point 2 to 3).
    expect(polygonCrossing([p(0, 0), p(1, 1), p(1, 0), p(0, 1)])).toEqual([0, 2]);
  });

  it('finds a vertex that touches another edge, and an outline that doubles back along itself', () => {
    expect(polygonCrossing([p(0, 0), p(1, 0), p(1, 1), p(0.5, 0), p(0, 1)])).not.toBeNull();
    expect(polygonCrossing([p(0, 0), p(1, 0), p(0.5, 0), p(0.5, 1)])).toEqual([0, 1]);
    // The closing edge (last point to the first) doubling back over the first edge.
    expect(polygonCrossing([p(0, 0), p(1, 0), p(1, 1), p(0.5, 0)])).not.toBeNull();
  });

  it('finds a crossing made by the closing edge', () => {
    // The last point sits so that the edge back to the first cuts across edge 1.
    expect(polygonCrossing([p(0, 0), p(0.6, 0.2), p(0.6, 0.8), p(1, 0.5)])).not.toBeNull();
  });
});
