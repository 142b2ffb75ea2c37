import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { oneCoinPosterior } from './oneCoinPosterior.ts';

describe('oneCoinPosterior', () => {
  it('is uniform without votes, the tie going to the first class', () => {
    expect(oneCoinPosterior([], 4)).toEqual({ winner: 0, posterior: [0.25, 0.25, 0.25, 0.25] });
  });

  it('gives a lone worker of accuracy p exactly p on two classes', () => {
    const { winner, posterior } = oneCoinPosterior([{ vote: 1, accuracy: 0.7 }], 2);
    expect(winner).toBe(1);
    expect(posterior[1]).toBeCloseTo(0.7, 12);
  });

  it('adds agreeing votes up: three 0.7 workers on two classes give 0.7³ / (0.7³ + 0.3³)', () => {
    const votes = [0, 0, 0].map((vote) => ({ vote, accuracy: 0.7 }));
    expect(oneCoinPosterior(votes, 2).posterior[0]).toBeCloseTo(0.343 / (0.343 + 0.027), 12);
  });

  it('lets one accurate worker outweigh two weak ones', () => {
    const result = oneCoinPosterior(
      [
        { vote: 0, accuracy: 0.95 },
        { vote: 1, accuracy: 0.6 },
        { vote: 1, accuracy: 0.6 },
      ],
      3,
    );
    expect(result.winner).toBe(0);
    // Odds per vote: 0.95·2/0.05 = 38 for class 0; (0.6·2/0.4)² = 9 for class 1; 1 for class 2.
    expect(result.posterior[0]).toBeCloseTo(38 / 48, 12);
  });

  it('gives a worker at or below chance no say, and caps a perfect one below certainty', () => {
    const chance = oneCoinPosterior([{ vote: 2, accuracy: 0.1 }], 3);
    expect(chance.posterior).toEqual([1 / 3, 1 / 3, 1 / 3]);
    const perfect = oneCoinPosterior([{ vote: 0, accuracy: 1 }], 2);
    expect(perfect.posterior[0]).toBeCloseTo(0.99, 12);
  });

  it('refuses votes outside the classes, bad accuracies and fewer than two classes', () => {
    expect(() => oneCoinPosterior([{ vote: 2, accuracy: 0.7 }], 2)).toThrow(DomainError);
    expect(() => oneCoinPosterior([{ vote: 0, accuracy: Number.NaN }], 2)).toThrow(/accuracy/);
    expect(() => oneCoinPosterior([], 1)).toThrow(/at least 2 classes/);
  });
});
