import type { Box } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';
import { boxIou, type Corners } from './boxIou.ts';

/** One worker's boxes on one image (possibly none: that worker saw nothing there). */
export type WorkerBoxes = { readonly worker: string; readonly boxes: readonly Box[] };

export type BoxConsensusOptions = {
  /** Two boxes can describe the same object when their IoU is at least this. Default 0.5. */
  readonly iouThreshold?: number;
  /** Keep a cluster drawn by at least this share of the workers. Default 0.5 (half). */
  readonly minSupport?: number;
};

export type ConsensusBox = Box & {
  /** Share of the workers who drew a box in this cluster × the mean IoU of those boxes with this one. */
  readonly confidence: number;
  /** Workers who drew a box in this cluster (each at most once). */
  readonly workers: readonly string[];
  /** Mean IoU of the cluster's boxes with the averaged box. */
  readonly meanIou: number;
};

export type BoxConsensusResult = {
  /** Kept clusters' averaged boxes, top to bottom, then left to right. */
  readonly boxes: readonly ConsensusBox[];
  /** Workers who answered (the denominator of support). */
  readonly workerCount: number;
};

type Member = Corners & { readonly worker: number; readonly label: string };

/**
 * Merges several workers' boxes on one image. Boxes of the same label from different workers are
 * clustered greedily, most-overlapping pairs first (average linkage: two clusters join only when their
 * boxes' mean pairwise IoU reaches the threshold, and never with two boxes from one worker); each cluster
 * becomes the mean of its corners, and clusters drawn by fewer than `minSupport` of the workers are dropped.
 */
export function boxConsensus(
  answers: readonly WorkerBoxes[],
  options: BoxConsensusOptions = {},
): BoxConsensusResult {
  const iouThreshold = options.iouThreshold ?? 0.5;
  const minSupport = options.minSupport ?? 0.5;
  if (!(iouThreshold > 0 && iouThreshold <= 1)) {
    throw new DomainError('VALIDATION_FAILED', `iouThreshold must be in (0, 1], got ${iouThreshold}`);
  }
  if (!(minSupport >= 0 && minSupport <= 1)) {
    throw new DomainError('VALIDATION_FAILED', `minSupport must be in [0, 1], got ${minSupport}`);
  }
  const members: Member[] = [];
  answers.forEach((answer, worker) => {
    for (const b of answer.boxes)
      members.push({ x1: b.x, y1: b.y, x2: b.x + b.w, y2: b.y + b.h, worker, label: b.label });
  });
  const m = members.length;

  const pairs: { a: number; b: number; iou: number }[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const A = members[a]!;
      const B = members[b]!;
      if (A.worker === B.worker || A.label !== B.label) continue;
      const iou = boxIou(A, B);
      if (iou >= iouThreshold) pairs.push({ a, b, iou });
    }
  }
  // Highest IoU first; equal IoUs in input order, so the result does not depend on sort stability.
  pairs.sort((p, q) => q.iou - p.iou || p.a - q.a || p.b - q.b);

  const clusterOf = members.map((_, i) => i);
  const clusters = new Map<number, number[]>(members.map((_, i) => [i, [i]]));
  for (const { a, b } of pairs) {
    const ca = clusterOf[a]!;
    const cb = clusterOf[b]!;
    if (ca === cb) continue;
    const A = clusters.get(ca)!;
    const B = clusters.get(cb)!;
    let sharesWorker = false;
    let iouSum = 0;
    for (const i of A) {
      for (const j of B) {
        if (members[i]!.worker === members[j]!.worker) sharesWorker = true;
        iouSum += boxIou(members[i]!, members[j]!);
      }
    }
    if (sharesWorker || iouSum / (A.length * B.length) < iouThreshold) continue;
    for (const j of B) clusterOf[j] = ca;
    A.push(...B);
    clusters.delete(cb);
  }

  const workerCount = answers.length;
  const boxes: ConsensusBox[] = [];
  for (const cluster of clusters.values()) {
    if (cluster.length < minSupport * workerCount || cluster.length === 0) continue;
    let x1 = 0;
    let y1 = 0;
    let x2 = 0;
    let y2 = 0;
    for (const i of cluster) {
      const b = members[i]!;
      x1 += b.x1;
      y1 += b.y1;
      x2 += b.x2;
      y2 += b.y2;
    }
    const k = cluster.length;
    const mean: Corners = { x1: x1 / k, y1: y1 / k, x2: x2 / k, y2: y2 / k };
    let iouSum = 0;
    for (const i of cluster) iouSum += boxIou(members[i]!, mean);
    const meanIou = iouSum / k;
    const first = members[cluster[0]!]!;
    boxes.push({
      x: mean.x1,
      y: mean.y1,
      w: mean.x2 - mean.x1,
      h: mean.y2 - mean.y1,
      label: first.label,
      confidence: Math.min(1, (k / workerCount) * meanIou),
      workers: cluster.map((i) => answers[members[i]!.worker]!.worker),
      meanIou,
    });
  }
  boxes.sort((p, q) => p.y - q.y || p.x - q.x || (p.label < q.label ? -1 : p.label > q.label ? 1 : 0));
  return { boxes, workerCount };
}
