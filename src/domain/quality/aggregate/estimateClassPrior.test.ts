import { describe, expect, it } from 'vitest';
import { estimateClassPrior, MIN_PROBABILITY } from './estimateClassPrior.ts';

describe('estimateClassPrior', () => {
  const posteriors = Float64Array.of(1, 0, 0.5, 0.5, 0, 0);
  const answered = Uint8Array.of(1, 1, 0);

  it('averages the posteriors of answered items', () => {
    const prior = new Float64Array(2);
    const logPrior = new Float64Array(2);
    estimateClassPrior(posteriors, answered, 0, prior, logPrior);
    expect(Array.from(prior)).toEqual([0.75, 0.25]);
    expect(logPrior[1]).toBeCloseTo(Math.log(0.25), 12);
  });

  it('adds pseudo-counts and floors the log of zero', () => {
    const prior = new Float64Array(2);
    const logPrior = new Float64Array(2);
    estimateClassPrior(posteriors, answered, 1, prior, logPrior);
    expect(Array.from(prior)).toEqual([2.5 / 4, 1.5 / 4]);
    estimateClassPrior(Float64Array.of(1, 0), Uint8Array.of(1), 0, prior, logPrior);
    expect(logPrior[1]).toBe(Math.log(MIN_PROBABILITY));
  });
});
