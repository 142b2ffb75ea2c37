import polygonClipping, { type MultiPolygon, type Ring } from 'polygon-clipping';
import type { Point } from '../../../shared/methods.ts';

type Bounds = { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };

const bounds = (points: readonly Point[]): Bounds => {
  let x1 = Number.POSITIVE_INFINITY;
  let y1 = Number.POSITIVE_INFINITY;
  let x2 = Number.NEGATIVE_INFINITY;
  let y2 = Number.NEGATIVE_INFINITY;
  for (const { x, y } of points) {
    x1 = Math.min(x1, x);
    y1 = Math.min(y1, y);
    x2 = Math.max(x2, x);
    y2 = Math.max(y2, y);
  }
  return { x1, y1, x2, y2 };
};

/** Twice the signed area of a ring (shoelace); rings from the clipper repeat their first point at the end. */
function ringArea(ring: readonly (readonly [number, number])[]): number {
  let twice = 0;
  for (let i = 0; i < ring.length; i++) {
    const [x1, y1] = ring[i]!;
    const [x2, y2] = ring[(i + 1) % ring.length]!;
    twice += x1 * y2 - x2 * y1;
  }
  return Math.abs(twice) / 2;
}

/** The area of a clipper result: each polygon's outer ring less its holes. */
function multiPolygonArea(shape: MultiPolygon): number {
  let area = 0;
  for (const [outer, ...holes] of shape) {
    if (!outer) continue;
    area += ringArea(outer);
    for (const hole of holes) area -= ringArea(hole);
  }
  return area;
}

const ring = (points: readonly Point[]): Ring => points.map((p): [number, number] => [p.x, p.y]);

/**
 * Intersection over union of the areas two simple polygons enclose (as the answer schema requires them):
 * 0 when they do not overlap or both are empty, 1 for the same outline. The intersection comes from
 * `polygon-clipping` (Martinez–Rueda sweep line), the union from the two areas less the intersection.
 */
export function polygonIou(a: readonly Point[], b: readonly Point[]): number {
  const A = bounds(a);
  const B = bounds(b);
  // Outlines whose bounding boxes do not overlap cannot: no need to clip.
  if (A.x2 <= B.x1 || B.x2 <= A.x1 || A.y2 <= B.y1 || B.y2 <= A.y1) return 0;
  const areaA = ringArea(ring(a));
  const areaB = ringArea(ring(b));
  if (areaA === 0 || areaB === 0) return 0;
  const intersection = Math.min(
    areaA,
    areaB,
    multiPolygonArea(polygonClipping.intersection([ring(a)], [ring(b)])),
  );
  const union = areaA + areaB - intersection;
  return union > 0 ? intersection / union : 0;
}
