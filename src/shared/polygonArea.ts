/** The area enclosed by a simple polygon's outline (shoelace formula), whichever way it winds. */
export function polygonArea(points: readonly { readonly x: number; readonly y: number }[]): number {
  let twice = 0;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const q = points[(i + 1) % points.length]!;
    twice += p.x * q.y - q.x * p.y;
  }
  return Math.abs(twice) / 2;
}
