import type { Polygon } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';
import { polygonIou } from './polygonIou.ts';

/** One worker's polygons on one image (possibly none: that worker saw nothing there). */
export type WorkerPolygons = { readonly worker: string; readonly polygons: readonly Polygon[] };

export type PolygonConsensusOptions = {
  /** Two polygons can outline the same object when their IoU is at least this. Default 0.5. */
  readonly iouThreshold?: number;
  /** Keep a cluster drawn by at least this share of the workers. Default 0.5 (half). */
  readonly minSupport?: number;
};

export type ConsensusPolygon = Polygon & {
  /** Share of the workers who drew a polygon in this cluster × `meanIou`. */
  readonly confidence: number;
  /** Workers who drew a polygon in this cluster (each at most once). */
  readonly workers: readonly string[];
  /** Mean IoU of the cluster's other polygons with the chosen one; 1 for a cluster of one. */
  readonly meanIou: number;
};

export type PolygonConsensusResult = {
  /** Kept clusters' representative polygons, top to bottom, then left to right (by their topmost point). */
  readonly polygons: readonly ConsensusPolygon[];
  /** Workers who answered (the denominator of support). */
  readonly workerCount: number;
};

type Member = { readonly worker: number; readonly polygon: Polygon };

/**
 * Merges several workers' polygons on one image, as `boxConsensus` does boxes: polygons of the same label from
 * different workers are clustered greedily, most-overlapping pairs first (average linkage on polygon IoU, never
 * two polygons of one worker in a cluster), and clusters drawn by fewer than `minSupport` of the workers are
 * dropped. Each cluster is represented by its medoid — the member with the highest mean IoU to the others —
 * rather than an average: outlines have different numbers of points, and a drawn outline stays a simple polygon
 * that passes the answer schema.
 */
export function polygonConsensus(
  answers: readonly WorkerPolygons[],
  options: PolygonConsensusOptions = {},
): PolygonConsensusResult {
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
    for (const polygon of answer.polygons) members.push({ worker, polygon });
  });
  const m = members.length;
  // Clipping is the costly part: each pair's IoU is computed once, and only for pairs that may join.
  const ious = new Map<number, number>();
  const iou = (a: number, b: number): number => {
    if (a === b) return 1;
    const key = a < b ? a * m + b : b * m + a;
    let value = ious.get(key);
    if (value === undefined) {
      value = polygonIou(members[a]!.polygon.points, members[b]!.polygon.points);
      ious.set(key, value);
    }
    return value;
  };

  const pairs: { a: number; b: number; iou: number }[] = [];
  for (let a = 0; a < m; a++) {
    for (let b = a + 1; b < m; b++) {
      const A = members[a]!;
      const B = members[b]!;
      if (A.worker === B.worker || A.polygon.label !== B.polygon.label) continue;
      const value = iou(a, b);
      if (value >= iouThreshold) pairs.push({ a, b, iou: value });
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
        else iouSum += iou(i, j);
      }
    }
    if (sharesWorker || iouSum / (A.length * B.length) < iouThreshold) continue;
    for (const j of B) clusterOf[j] = ca;
    A.push(...B);
    clusters.delete(cb);
  }

  const workerCount = answers.length;
  const polygons: ConsensusPolygon[] = [];
  for (const cluster of clusters.values()) {
    const k = cluster.length;
    if (k < minSupport * workerCount || k === 0) continue;
    // The medoid; ties go to the member given first.
    let best = cluster[0]!;
    let bestMean = k === 1 ? 1 : -1;
    if (k > 1) {
      for (const i of cluster) {
        let sum = 0;
        for (const j of cluster) if (j !== i) sum += iou(i, j);
        const mean = sum / (k - 1);
        if (mean > bestMean) {
          best = i;
          bestMean = mean;
        }
      }
    }
    const { label, points } = members[best]!.polygon;
    polygons.push({
      label,
      points: points.map(({ x, y }) => ({ x, y })),
      confidence: Math.min(1, (k / workerCount) * bestMean),
      workers: cluster.map((i) => answers[members[i]!.worker]!.worker),
      meanIou: bestMean,
    });
  }
  polygons.sort((p, q) => {
    const a = topLeft(p);
    const b = topLeft(q);
    return a.y - b.y || a.x - b.x || (p.label < q.label ? -1 : p.label > q.label ? 1 : 0);
  });
  return { polygons, workerCount };
}

/** The top of a polygon's bounding box and its left, for reading order. */
function topLeft(polygon: Polygon): { x: number; y: number } {
  let x = Number.POSITIVE_INFINITY;
  let y = Number.POSITIVE_INFINITY;
  for (const p of polygon.points) {
    x = Math.min(x, p.x);
    y = Math.min(y, p.y);
  }
  return { x, y };
}
