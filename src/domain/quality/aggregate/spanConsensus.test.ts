import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { spanConsensus } from './spanConsensus.ts';

describe('spanConsensus', () => {
  it('keeps the characters at least half the workers labelled, with their mean share as confidence', () => {
    const result = spanConsensus([
      { worker: 'a', spans: [{ start: 0, end: 5, label: 'PER' }] },
      { worker: 'b', spans: [{ start: 0, end: 4, label: 'PER' }] },
      { worker: 'c', spans: [{ start: 1, end: 5, label: 'PER' }] },
    ]);
    // Characters 0 and 4 have 2 of 3 votes, 1–3 have 3 of 3: (2/3 + 1 + 1 + 1 + 2/3) / 5.
    expect(result.spans).toEqual([
      { start: 0, end: 5, label: 'PER', confidence: expect.closeTo(13 / 15, 12) },
    ]);
    expect(result.workerCount).toBe(3);
  });

  it('drops characters fewer than half the workers labelled', () => {
    const result = spanConsensus([
      { worker: 'a', spans: [{ start: 0, end: 10, label: 'LOC' }] },
      { worker: 'b', spans: [{ start: 6, end: 10, label: 'LOC' }] },
      { worker: 'c', spans: [] },
      { worker: 'd', spans: [] },
      { worker: 'e', spans: [{ start: 6, end: 8, label: 'LOC' }] },
    ]);
    // 0–5: 1 of 5; 6–7: 3 of 5; 8–9: 2 of 5.
    expect(result.spans).toEqual([{ start: 6, end: 8, label: 'LOC', confidence: expect.closeTo(0.6, 12) }]);
  });

  it('gives each character the most voted label, ties to the alphabetically first', () => {
    const result = spanConsensus([
      { worker: 'a', spans: [{ start: 0, end: 4, label: 'ORG' }] },
      { worker: 'b', spans: [{ start: 0, end: 4, label: 'LOC' }] },
      { worker: 'c', spans: [{ start: 2, end: 4, label: 'ORG' }] },
      { worker: 'd', spans: [] },
    ]);
    // 0–1: ORG 1, LOC 1 of 4 (below half); 2–3: ORG 2 of 4.
    expect(result.spans).toEqual([{ start: 2, end: 4, label: 'ORG', confidence: 0.5 }]);
    const tie = spanConsensus([
      { worker: 'a', spans: [{ start: 0, end: 2, label: 'ORG' }] },
      { worker: 'b', spans: [{ start: 0, end: 2, label: 'LOC' }] },
    ]);
    expect(tie.spans).toEqual([{ start: 0, end: 2, label: 'LOC', confidence: 0.5 }]);
  });

  it('splits a run where the label changes and counts a worker’s overlapping spans once', () => {
    const result = spanConsensus([
      {
        worker: 'a',
        spans: [
          { start: 0, end: 3, label: 'A' },
          { start: 1, end: 3, label: 'A' },
          { start: 3, end: 6, label: 'B' },
        ],
      },
      {
        worker: 'b',
        spans: [
          { start: 0, end: 3, label: 'A' },
          { start: 3, end: 6, label: 'B' },
        ],
      },
    ]);
    expect(result.spans).toEqual([
      { start: 0, end: 3, label: 'A', confidence: 1 },
      { start: 3, end: 6, label: 'B', confidence: 1 },
    ]);
  });

  it('honours a stricter share', () => {
    const answers = [
      { worker: 'a', spans: [{ start: 0, end: 2, label: 'X' }] },
      { worker: 'b', spans: [] },
    ];
    expect(spanConsensus(answers).spans).toHaveLength(1);
    expect(spanConsensus(answers, { minShare: 0.51 }).spans).toHaveLength(0);
  });

  it('returns nothing for no answers, and refuses a bad share or span', () => {
    expect(spanConsensus([]).spans).toEqual([]);
    expect(() => spanConsensus([], { minShare: 0 })).toThrow(DomainError);
    expect(() => spanConsensus([{ worker: 'a', spans: [{ start: 3, end: 3, label: 'X' }] }])).toThrow(
      /not a range/,
    );
  });
});
