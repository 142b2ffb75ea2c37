import type { Span } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';

/** One worker's labelled spans on one text (possibly none). */
export type WorkerSpans = { readonly worker: string; readonly spans: readonly Span[] };

export type SpanConsensusOptions = {
  /** A character takes a label when at least this share of the workers put it inside a span of it. Default 0.5. */
  readonly minShare?: number;
};

export type ConsensusSpan = Span & {
  /** Mean, over the span's characters, of the share of workers who gave that character this label. */
  readonly confidence: number;
};

export type SpanConsensusResult = {
  /** Consensus spans in text order; they never overlap. */
  readonly spans: readonly ConsensusSpan[];
  readonly workerCount: number;
};

/**
 * Merges several workers' spans on one text by voting per character: each character takes the label most
 * workers gave it (ties to the alphabetically first label) when at least `minShare` of the workers gave it
 * that label, and runs of characters with the same label become spans. A worker's overlapping spans of one
 * label count once. Two abutting spans of one label come out as one span.
 */
export function spanConsensus(
  answers: readonly WorkerSpans[],
  options: SpanConsensusOptions = {},
): SpanConsensusResult {
  const minShare = options.minShare ?? 0.5;
  if (!(minShare > 0 && minShare <= 1)) {
    throw new DomainError('VALIDATION_FAILED', `minShare must be in (0, 1], got ${minShare}`);
  }
  const workerCount = answers.length;
  const labels = [...new Set(answers.flatMap((a) => a.spans.map((s) => s.label)))].sort();
  const labelIndex = new Map(labels.map((l, i) => [l, i]));

  // Coverage changes per position and label, from each worker's spans merged per label.
  const changes = new Map<number, Int32Array>();
  const change = (position: number, label: number, by: number) => {
    let row = changes.get(position);
    if (!row) {
      row = new Int32Array(labels.length);
      changes.set(position, row);
    }
    row[label]! += by;
  };
  for (const answer of answers) {
    const byLabel = new Map<number, Span[]>();
    for (const s of answer.spans) {
      if (!(Number.isInteger(s.start) && Number.isInteger(s.end) && s.start >= 0 && s.end > s.start)) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `span [${s.start}, ${s.end}) of ${answer.worker} is not a range`,
        );
      }
      const label = labelIndex.get(s.label)!;
      const list = byLabel.get(label) ?? [];
      list.push(s);
      byLabel.set(label, list);
    }
    for (const [label, spans] of byLabel) {
      spans.sort((a, b) => a.start - b.start);
      let start = spans[0]!.start;
      let end = spans[0]!.end;
      for (const s of spans.slice(1)) {
        if (s.start <= end) {
          end = Math.max(end, s.end);
          continue;
        }
        change(start, label, 1);
        change(end, label, -1);
        start = s.start;
        end = s.end;
      }
      change(start, label, 1);
      change(end, label, -1);
    }
  }

  const positions = [...changes.keys()].sort((a, b) => a - b);
  const counts = new Int32Array(labels.length);
  const spans: ConsensusSpan[] = [];
  // The consensus span being built: its label (-1: none), start, and Σ share × length so far.
  let openLabel = -1;
  let openStart = 0;
  let openWeight = 0;
  const close = (end: number) => {
    if (openLabel >= 0) {
      spans.push({
        start: openStart,
        end,
        label: labels[openLabel]!,
        confidence: Math.min(1, openWeight / (end - openStart)),
      });
    }
    openLabel = -1;
  };
  for (let k = 0; k + 1 < positions.length; k++) {
    const from = positions[k]!;
    const to = positions[k + 1]!;
    const row = changes.get(from)!;
    for (let l = 0; l < labels.length; l++) counts[l]! += row[l]!;
    let best = -1;
    let bestCount = 0;
    for (let l = 0; l < labels.length; l++) {
      if (counts[l]! > bestCount) {
        bestCount = counts[l]!;
        best = l;
      }
    }
    if (bestCount < minShare * workerCount) best = -1;
    if (best !== openLabel) {
      close(from);
      if (best >= 0) {
        openLabel = best;
        openStart = from;
        openWeight = 0;
      }
    }
    if (best >= 0) openWeight += (bestCount / workerCount) * (to - from);
  }
  close(positions[positions.length - 1] ?? 0);
  return { spans, workerCount };
}
