import type { Box } from '../../../shared/methods.ts';
import { boxIou, type Corners } from '../aggregate/boxIou.ts';

export type BoxAgreement = {
  /** Σ IoU of the matched pairs / the larger box count: unmatched boxes on either side count 0. 1 when both are empty. */
  readonly score: number;
  /** Pairs matched (same label, overlapping). */
  readonly matched: number;
  /** Mean IoU of the matched pairs; 0 when none matched. */
  readonly matchedIou: number;
};

const corners = (b: Box): Corners => ({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h });

/**
 * How well one set of boxes matches another: boxes of the same label are paired one to one, the most
 * overlapping pairs first (as object-detection scoring does), and the score divides the matched IoUs by the
 * larger count, so a missed or an extra box lowers it as much as a box drawn with no overlap at all.
 */
export function boxAgreement(answer: readonly Box[], reference: readonly Box[]): BoxAgreement {
  const most = Math.max(answer.length, reference.length);
  if (most === 0) return { score: 1, matched: 0, matchedIou: 0 };
  const a = answer.map(corners);
  const r = reference.map(corners);
  const pairs: { i: number; j: number; iou: number }[] = [];
  answer.forEach((box, i) => {
    reference.forEach((ref, j) => {
      if (box.label !== ref.label) return;
      const iou = boxIou(a[i]!, r[j]!);
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
