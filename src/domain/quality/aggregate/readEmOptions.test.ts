import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { readEmOptions } from './readEmOptions.ts';

const answers = {
  items: Int32Array.of(0, 0),
  workers: Int32Array.of(0, 1),
  labels: Int32Array.of(0, 1),
  nItems: 2,
  nWorkers: 2,
  nClasses: 2,
};
const answered = Uint8Array.of(1, 0);

describe('readEmOptions', () => {
  it('defaults to 100 rounds, tolerance 1e-6 and majority-vote shares', () => {
    expect(readEmOptions(answers, answered, {})).toEqual({
      maxIterations: 100,
      tolerance: 1e-6,
      posteriors: Float64Array.of(0.5, 0.5, 0, 0),
    });
  });

  it('copies given posteriors and zeroes unanswered rows', () => {
    const initial = Float64Array.of(0.9, 0.1, 0.3, 0.7);
    const { posteriors } = readEmOptions(answers, answered, { initial });
    expect(Array.from(posteriors)).toEqual([0.9, 0.1, 0, 0]);
    expect(Array.from(initial)).toEqual([0.9, 0.1, 0.3, 0.7]);
  });

  it('refuses nonsense', () => {
    expect(() => readEmOptions(answers, answered, { maxIterations: -1 })).toThrow(DomainError);
    expect(() => readEmOptions(answers, answered, { tolerance: Number.NaN })).toThrow(/tolerance/);
    expect(() => readEmOptions(answers, answered, { initial: new Float64Array(3) })).toThrow(
      /nItems × nClasses = 4/,
    );
  });
});
