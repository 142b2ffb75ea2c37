import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { regularizedBeta } from './regularizedBeta.ts';

/** P(X ≥ k) for X ~ Binomial(n, p), summed term by term. */
function binomialTail(k: number, n: number, p: number): number {
  let term = (1 - p) ** n;
  let below = 0;
  for (let j = 0; j < k; j++) {
    below += term;
    term *= ((n - j) / (j + 1)) * (p / (1 - p));
  }
  return 1 - below;
}

describe('regularizedBeta', () => {
  it('matches closed forms', () => {
    // Beta(1, 1) is uniform; Beta(a, 1) has CDF x^a; Beta(1, b) has CDF 1 − (1 − x)^b.
    expect(regularizedBeta(0.3, 1, 1)).toBeCloseTo(0.3, 12);
    expect(regularizedBeta(0.7, 4, 1)).toBeCloseTo(0.7 ** 4, 12);
    expect(regularizedBeta(0.2, 1, 5)).toBeCloseTo(1 - 0.8 ** 5, 12);
    expect(regularizedBeta(0.5, 7.5, 7.5)).toBeCloseTo(0.5, 12);
  });

  it('gives binomial tails on both sides of the mean', () => {
    for (const [k, n, p] of [
      [3, 10, 0.5],
      [9, 10, 0.5],
      [30, 100, 0.25],
      [12, 100, 0.25],
      [40, 60, 0.3],
    ] as const) {
      expect(regularizedBeta(p, k, n - k + 1)).toBeCloseTo(binomialTail(k, n, p), 10);
    }
  });

  it('keeps tiny tails accurate instead of rounding them to zero', () => {
    // P(X ≥ 20) for X ~ Binomial(20, 0.1) is exactly 1e-20.
    expect(regularizedBeta(0.1, 20, 1) / 1e-20).toBeCloseTo(1, 10);
  });

  it('handles large counts', () => {
    // Beta(50001, 50001) is symmetric about 0.5, with standard deviation about 0.00158.
    expect(regularizedBeta(0.5, 50_001, 50_001)).toBeCloseTo(0.5, 8);
    expect(regularizedBeta(0.5 - 3 * 0.00158, 50_001, 50_001)).toBeCloseTo(0.00135, 4);
  });

  it('clamps x outside (0, 1) and refuses bad shapes', () => {
    expect(regularizedBeta(-1, 2, 3)).toBe(0);
    expect(regularizedBeta(2, 2, 3)).toBe(1);
    expect(() => regularizedBeta(0.5, 0, 1)).toThrow(DomainError);
    expect(() => regularizedBeta(Number.NaN, 1, 1)).toThrow(/regularizedBeta/);
  });
});
