import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../../shared/methods.ts';
import { spanConsensus, type WorkerSpans } from './spanConsensus.ts';

const span: fc.Arbitrary<Span> = fc
  .record({
    start: fc.nat(30),
    length: fc.integer({ min: 1, max: 10 }),
    label: fc.constantFrom('LOC', 'ORG', 'PER'),
  })
  .map(({ start, length, label }) => ({ start, end: start + length, label }));

const workers: fc.Arbitrary<WorkerSpans[]> = fc
  .array(fc.array(span, { maxLength: 5 }), { minLength: 1, maxLength: 6 })
  .map((lists) => lists.map((spans, w) => ({ worker: `w${w}`, spans })));

/**
 * The rule stated character by character: each character takes the label the most workers put it under
 * (ties to the alphabetically first), when at least `minShare` of the workers did; runs become spans.
 */
function characterVote(
  answers: readonly WorkerSpans[],
  minShare: number,
): { start: number; end: number; label: string; confidence: number }[] {
  const end = Math.max(0, ...answers.flatMap((a) => a.spans.map((s) => s.end)));
  const labels = [...new Set(answers.flatMap((a) => a.spans.map((s) => s.label)))].sort();
  const perCharacter = Array.from({ length: end }, (_, c) => {
    let best: string | null = null;
    let bestCount = 0;
    for (const label of labels) {
      const count = answers.filter((a) =>
        a.spans.some((s) => s.label === label && s.start <= c && c < s.end),
      ).length;
      if (count > bestCount) {
        best = label;
        bestCount = count;
      }
    }
    return bestCount >= minShare * answers.length ? { label: best, share: bestCount / answers.length } : null;
  });
  const runs: { start: number; end: number; label: string; confidence: number }[] = [];
  for (let c = 0; c < end; c++) {
    const here = perCharacter[c];
    if (!here?.label) continue;
    const last = runs[runs.length - 1];
    if (last && last.end === c && last.label === here.label) {
      last.confidence += here.share;
      last.end = c + 1;
    } else runs.push({ start: c, end: c + 1, label: here.label, confidence: here.share });
  }
  return runs.map((r) => ({ ...r, confidence: r.confidence / (r.end - r.start) }));
}

describe('spanConsensus, over arbitrary workers and spans', () => {
  it('gives the per-character vote: spans in order, apart, labelled as most workers did, confidence in [0, 1]', () => {
    fc.assert(
      fc.property(workers, fc.double({ min: 0.01, max: 1, noNaN: true }), (answers, minShare) => {
        const { spans, workerCount } = spanConsensus(answers, { minShare });
        expect(workerCount).toBe(answers.length);
        const expected = characterVote(answers, minShare);
        expect(spans.map(({ start, end, label }) => ({ start, end, label }))).toEqual(
          expected.map(({ start, end, label }) => ({ start, end, label })),
        );
        spans.forEach((s, k) => {
          expect(s.confidence).toBeCloseTo(expected[k]!.confidence, 12);
          expect(s.confidence).toBeGreaterThan(0);
          expect(s.confidence).toBeLessThanOrEqual(1);
          if (k > 0) expect(spans[k - 1]!.end).toBeLessThanOrEqual(s.start);
        });
      }),
      { numRuns: 300 },
    );
  });
});
