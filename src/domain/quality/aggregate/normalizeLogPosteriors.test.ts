import { describe, expect, it } from 'vitest';
import { normalizeLogPosteriors } from './normalizeLogPosteriors.ts';

describe('normalizeLogPosteriors', () => {
  it('turns log scores into probabilities, reporting the largest move and the log-likelihood', () => {
    const rows = Float64Array.of(Math.log(0.1), Math.log(0.3), 7, 7, -1000, -1001);
    const previous = Float64Array.of(0.5, 0.5, 0.5, 0.5, 0, 0);
    const answered = Uint8Array.of(1, 1, 0);
    const { delta, logLikelihood } = normalizeLogPosteriors(rows, previous, answered, 2);
    expect(rows[0]).toBeCloseTo(0.25, 12);
    expect(rows[1]).toBeCloseTo(0.75, 12);
    expect(rows[2]).toBeCloseTo(0.5, 12);
    expect(Array.from(rows.subarray(4))).toEqual([0, 0]);
    expect(delta).toBeCloseTo(0.25, 12);
    expect(logLikelihood).toBeCloseTo(Math.log(0.4) + 7 + Math.log(2), 12);
  });

  it('stays finite for very negative scores', () => {
    const rows = Float64Array.of(-5000, -5001);
    normalizeLogPosteriors(rows, new Float64Array(2), Uint8Array.of(1), 2);
    expect(rows[0]).toBeCloseTo(1 / (1 + Math.exp(-1)), 12);
  });
});
