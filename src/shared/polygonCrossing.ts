type Point = { readonly x: number; readonly y: number };

/** > 0 when a → b → c turns left, < 0 when it turns right, 0 when the three points lie on one line. */
const turn = (a: Point, b: Point, c: Point) => (b.x - a.x) * (c.y - a.y) - (b.y - a.y) * (c.x - a.x);

/** Whether c, on the line through a and b, lies within the segment's bounding box. */
const within = (a: Point, b: Point, c: Point) =>
  Math.min(a.x, b.x) <= c.x &&
  c.x <= Math.max(a.x, b.x) &&
  Math.min(a.y, b.y) <= c.y &&
  c.y <= Math.max(a.y, b.y);

/** Whether the closed segments ab and cd share a point (crossing, touching or overlapping). */
function segmentsMeet(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = turn(c, d, a);
  const d2 = turn(c, d, b);
  const d3 = turn(a, b, c);
  const d4 = turn(a, b, d);
  if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) && ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0))) return true;
  return (
    (d1 === 0 && within(c, d, a)) ||
    (d2 === 0 && within(c, d, b)) ||
    (d3 === 0 && within(a, b, c)) ||
    (d4 === 0 && within(a, b, d))
  );
}

/**
 * The first two edges of a closed outline that meet where they should not, or null for a simple polygon.
 * Edge k joins point k to point k + 1 (the last to the first). Edges next to each other share a point by
 * design; they count only when the outline doubles back along itself. Assumes no point is repeated.
 * O(n²), which is plenty for the 200 points an answer's polygon may have.
 */
export function polygonCrossing(points: readonly Point[]): readonly [number, number] | null {
  const n = points.length;
  for (let i = 0; i < n; i++) {
    const a = points[i]!;
    const b = points[(i + 1) % n]!;
    for (let j = i + 1; j < n; j++) {
      const c = points[j]!;
      const d = points[(j + 1) % n]!;
      if (j === i + 1 || (i === 0 && j === n - 1)) {
        // Adjacent: they share one end; they overlap when the outline turns back on the same line.
        const [shared, p, q] = j === i + 1 ? [b, a, d] : [a, b, c];
        if (
          turn(p, shared, q) === 0 &&
          (q.x - shared.x) * (p.x - shared.x) + (q.y - shared.y) * (p.y - shared.y) > 0
        )
          return [i, j];
        continue;
      }
      if (segmentsMeet(a, b, c, d)) return [i, j];
    }
  }
  return null;
}
