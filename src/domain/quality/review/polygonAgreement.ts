import type { Polygon } from '../../../shared/methods.ts';
import { polygonIou } from '../aggregate/polygonIou.ts';

export type PolygonAgreement = {
  /** Σ IoU of the matched pairs / the larger polygon count: unmatched polygons count 0. 1 when both are empty. */
  readonly score: number;
  /** Pairs matched (same label, overlapping). */
  readonly matched: number;
  /** Mean IoU of the matched pairs; 0 when none matched. */
  readonly matchedIou: number;
};

/**
 * How well one set of polygons matches another, as `boxAgreement` does for boxes: polygons of the same label
 * are paired one to one, the most overlapping pairs first, and the matched IoUs are divided by the larger count,
 * so a missed or an extra outline lowers the score as much as one drawn with no overlap at all.
 */
export function polygonAgreement(
  answer: readonly Polygon[],
  reference: readonly Polygon[],
): PolygonAgreement {
  const most = Math.max(answer.length, reference.length);
  if (most === 0) return { score: 1, matched: 0, matchedIou: 0 };
  const pairs: { i: number; j: number; iou: number }[] = [];
  answer.forEach((polygon, i) => {
    reference.forEach((ref, j) => {
      if (polygon.label !== ref.label) return;
      const iou = polygonIou(polygon.points, ref.points);
      if (iou > 0) pairs.push({ i, j, iou });
    });
  });
  // Equal IoUs in input order, so the pairing does not depend on sort stability.
  pairs.sort((p, q) => q.iou - p.iou || p.i - q.i || p.j - q.j);
  const usedA = new Set<number>();
  const usedR = new Set<number>();
  let sum = 0;
  for (const { i, j, iou } of pairs) {
    if (usedA.has(i) || usedR.has(j)) continue;
    usedA.add(i);
    usedR.add(j);
    sum += iou;
  }
  const matched = usedA.size;
  return { score: sum / most, matched, matchedIou: matched === 0 ? 0 : sum / matched };
}
