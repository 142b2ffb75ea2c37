import type { Annotation, Box, Polygon, Span } from '../../shared/methods.ts';
import { polygonIou } from '../quality/aggregate/polygonIou.ts';

/** Intersection over union of two normalized boxes. */
export function boxIou(a: Box, b: Box): number {
  const ix = Math.max(0, Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x));
  const iy = Math.max(0, Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y));
  const inter = ix * iy;
  const union = a.w * a.h + b.w * b.h - inter;
  return union > 0 ? inter / union : 0;
}

/** Levenshtein distance between two strings, in O(min(n,m)) memory. */
export function editDistance(a: string, b: string): number {
  if (a.length < b.length) [a, b] = [b, a];
  let prev = new Uint32Array(b.length + 1);
  let cur = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) prev[j] = j;
  for (let i = 1; i <= a.length; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const cost = ca === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
    }
    [prev, cur] = [cur, prev];
  }
  return prev[b.length]!;
}

const normalizeText = (s: string) =>
  s
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();

/** Whether two sets of items match one-to-one under `same`, greedily (good enough for gold checks). */
function matchAll<T>(expected: T[], given: T[], same: (a: T, b: T) => boolean): boolean {
  if (expected.length !== given.length) return false;
  const used = new Set<number>();
  return expected.every((e) => {
    const i = given.findIndex((g, k) => !used.has(k) && same(e, g));
    if (i < 0) return false;
    used.add(i);
    return true;
  });
}

/**
 * Whether a contributor's answer counts as correct against a gold answer: exact for choices,
 * IoU ≥ 0.5 per box or polygon, overlapping spans with the same label, ≤ 10% character edits for text.
 */
export function answerMatchesGold(annotation: Annotation, answer: unknown, gold: unknown): boolean {
  // Both were parsed with the project's answer schema before they got here.
  // biome-ignore lint/suspicious/noExplicitAny: the method switch below picks the field each shape has
  const a = answer as any;
  // biome-ignore lint/suspicious/noExplicitAny: as above
  const g = gold as any;
  switch (annotation.method) {
    case 'single_choice':
      return a.choice === g.choice;
    case 'multi_choice': {
      const x = new Set<string>(a.choices);
      const y = new Set<string>(g.choices);
      return x.size === y.size && [...x].every((c) => y.has(c));
    }
    case 'rating':
      return a.value === g.value;
    case 'pairwise':
      return a.winner === g.winner;
    case 'bbox':
      return matchAll<Box>(g.boxes, a.boxes, (e, b) => e.label === b.label && boxIou(e, b) >= 0.5);
    case 'polygon':
      // Clipped areas carry rounding error: an IoU of exactly one half may come out a hair under it.
      return matchAll<Polygon>(
        g.polygons,
        a.polygons,
        (e, p) => e.label === p.label && polygonIou(e.points, p.points) >= 0.5 - 1e-9,
      );
    case 'span':
      return matchAll<Span>(g.spans, a.spans, (e, s) => {
        const overlap = Math.min(e.end, s.end) - Math.max(e.start, s.start);
        return e.label === s.label && overlap / Math.max(e.end - e.start, s.end - s.start) >= 0.5;
      });
    case 'transcription':
    case 'free_text': {
      const x = normalizeText(a.text);
      const y = normalizeText(g.text);
      return editDistance(x, y) <= Math.floor(0.1 * y.length);
    }
  }
}
