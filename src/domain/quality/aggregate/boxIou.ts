/** An axis-aligned box by its corners: x1 ≤ x2, y1 ≤ y2. */
export type Corners = { readonly x1: number; readonly y1: number; readonly x2: number; readonly y2: number };

/** Intersection over union of two boxes; 0 when both are empty. */
export function boxIou(a: Corners, b: Corners): number {
  const w = Math.min(a.x2, b.x2) - Math.max(a.x1, b.x1);
  const h = Math.min(a.y2, b.y2) - Math.max(a.y1, b.y1);
  const intersection = w > 0 && h > 0 ? w * h : 0;
  const union = (a.x2 - a.x1) * (a.y2 - a.y1) + (b.x2 - b.x1) * (b.y2 - b.y1) - intersection;
  return union > 0 ? intersection / union : 0;
}
