import type { Span } from '../../../shared/methods.ts';

export type SpanF1 = {
  /** 2 × shared / (answer's + reference's labelled characters); 1 when neither labels anything. */
  readonly f1: number;
  readonly precision: number;
  readonly recall: number;
};

/** Each label's spans merged into sorted, disjoint ranges, so overlapping spans count their characters once. */
function mergedByLabel(spans: readonly Span[]): Map<string, [number, number][]> {
  const byLabel = new Map<string, [number, number][]>();
  for (const s of spans) {
    if (s.end <= s.start) continue;
    const list = byLabel.get(s.label) ?? [];
    list.push([s.start, s.end]);
    byLabel.set(s.label, list);
  }
  for (const [label, list] of byLabel) {
    list.sort((p, q) => p[0] - q[0]);
    const merged: [number, number][] = [];
    for (const [start, end] of list) {
      const last = merged[merged.length - 1];
      if (last && start <= last[1]) last[1] = Math.max(last[1], end);
      else merged.push([start, end]);
    }
    byLabel.set(label, merged);
  }
  return byLabel;
}

const total = (byLabel: Map<string, [number, number][]>) => {
  let n = 0;
  for (const list of byLabel.values()) for (const [start, end] of list) n += end - start;
  return n;
};

/**
 * Character-level F1 of two span answers: a character counts as shared when both put it in a span of the
 * same label. Character offsets need no tokenizer and no item text, and a span off by a character or two
 * still scores close to 1.
 */
export function spanF1(answer: readonly Span[], reference: readonly Span[]): SpanF1 {
  const a = mergedByLabel(answer);
  const r = mergedByLabel(reference);
  const sizeA = total(a);
  const sizeR = total(r);
  if (sizeA + sizeR === 0) return { f1: 1, precision: 1, recall: 1 };
  let shared = 0;
  for (const [label, xs] of a) {
    const ys = r.get(label);
    if (!ys) continue;
    // Both lists are sorted and disjoint: walk them together.
    let i = 0;
    let j = 0;
    while (i < xs.length && j < ys.length) {
      const [xs0, xe] = xs[i]!;
      const [ys0, ye] = ys[j]!;
      const overlap = Math.min(xe, ye) - Math.max(xs0, ys0);
      if (overlap > 0) shared += overlap;
      if (xe < ye) i++;
      else j++;
    }
  }
  return {
    f1: (2 * shared) / (sizeA + sizeR),
    precision: sizeA === 0 ? 0 : shared / sizeA,
    recall: sizeR === 0 ? 0 : shared / sizeR,
  };
}
