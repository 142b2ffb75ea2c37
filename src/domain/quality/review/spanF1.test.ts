import { describe, expect, it } from 'vitest';
import { spanF1 } from './spanF1.ts';

const span = (start: number, end: number, label = 'PER') => ({ start, end, label });

describe('spanF1', () => {
  it('scores the same spans 1', () => {
    expect(spanF1([span(0, 5), span(10, 12, 'LOC')], [span(10, 12, 'LOC'), span(0, 5)])).toEqual({
      f1: 1,
      precision: 1,
      recall: 1,
    });
  });

  it('counts shared characters of the same label', () => {
    // [0, 10) against [5, 15): 5 shared of 10 and 10.
    expect(spanF1([span(0, 10)], [span(5, 15)])).toEqual({ f1: 0.5, precision: 0.5, recall: 0.5 });
    // A span of the answer's that the reference lacks lowers precision only.
    expect(spanF1([span(0, 10), span(20, 30)], [span(0, 10)])).toEqual({
      f1: 2 / 3,
      precision: 0.5,
      recall: 1,
    });
  });

  it('shares nothing across labels', () => {
    expect(spanF1([span(0, 10, 'PER')], [span(0, 10, 'LOC')]).f1).toBe(0);
  });

  it('counts overlapping spans of one label once', () => {
    expect(spanF1([span(0, 6), span(4, 10)], [span(0, 10)]).f1).toBe(1);
  });

  it('walks several ranges per label', () => {
    // Shared: [2, 4) and [8, 9) = 3 characters; sizes 4 + 2 = 6 and 3 + 3 = 6.
    const result = spanF1([span(0, 4), span(8, 10)], [span(2, 5), span(6, 9)]);
    expect(result.f1).toBeCloseTo(0.5, 12);
  });

  it('agrees fully on two empty answers and not at all on one empty answer', () => {
    expect(spanF1([], []).f1).toBe(1);
    expect(spanF1([], [span(0, 3)])).toEqual({ f1: 0, precision: 0, recall: 0 });
  });
});
