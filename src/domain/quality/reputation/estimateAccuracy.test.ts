import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { accuracyOptions } from './accuracyOptions.ts';
import { type AccuracyEvidence, estimateAccuracy } from './estimateAccuracy.ts';

const none: AccuracyEvidence = {
  goldCorrect: 0,
  goldTotal: 0,
  reviewApproved: 0,
  reviewRejected: 0,
  consensusAgree: 0,
  consensusTotal: 0,
};
const with_ = (e: Partial<AccuracyEvidence>): AccuracyEvidence => ({ ...none, ...e });

describe('estimateAccuracy', () => {
  it('gives a newcomer the prior mean and a low bound', () => {
    const e = estimateAccuracy(none);
    expect(e.accuracy).toBeCloseTo(0.7, 12);
    expect(e.evidence).toBe(0);
    expect(e.lower).toBeGreaterThan(0.3);
    expect(e.lower).toBeLessThan(0.45);
  });

  it('does not call two right answers perfect', () => {
    const e = estimateAccuracy(with_({ goldCorrect: 2, goldTotal: 2 }));
    // (0.7 × 5 + 2) / (5 + 2)
    expect(e.accuracy).toBeCloseTo(5.5 / 7, 12);
    expect(e.evidence).toBe(2);
  });

  it('converges to the observed rate with much evidence, the bound close below it', () => {
    const e = estimateAccuracy(with_({ goldCorrect: 9000, goldTotal: 10_000 }));
    expect(e.accuracy).toBeCloseTo(0.9, 3);
    expect(e.lower).toBeLessThan(e.accuracy);
    expect(e.accuracy - e.lower).toBeLessThan(0.01);
  });

  it('counts review verdicts like gold and consensus at half weight by default', () => {
    const byGold = estimateAccuracy(with_({ goldCorrect: 6, goldTotal: 10 }));
    const byReview = estimateAccuracy(with_({ reviewApproved: 6, reviewRejected: 4 }));
    const byConsensus = estimateAccuracy(with_({ consensusAgree: 12, consensusTotal: 20 }));
    expect(byReview).toEqual(byGold);
    expect(byConsensus.accuracy).toBeCloseTo(byGold.accuracy, 12);
    expect(byConsensus.evidence).toBe(10);
  });

  it('lets gold outweigh consensus when they disagree', () => {
    const e = estimateAccuracy(
      with_({ goldCorrect: 0, goldTotal: 20, consensusAgree: 20, consensusTotal: 20 }),
    );
    // right 10 (consensus at 0.5), wrong 20 (gold): below one half
    expect(e.accuracy).toBeCloseTo((3.5 + 10) / (5 + 30), 12);
    expect(e.evidence).toBe(30);
  });

  it('grows the bound with evidence at the same rate', () => {
    const few = estimateAccuracy(with_({ goldCorrect: 8, goldTotal: 10 }));
    const many = estimateAccuracy(with_({ goldCorrect: 80, goldTotal: 100 }));
    expect(many.lower).toBeGreaterThan(few.lower);
    expect(many.lower).toBeLessThanOrEqual(many.accuracy);
  });

  it('keeps the bound within [0, accuracy] at the extremes', () => {
    const allWrong = estimateAccuracy(with_({ goldCorrect: 0, goldTotal: 1_000_000 }));
    expect(allWrong.lower).toBeGreaterThanOrEqual(0);
    expect(allWrong.lower).toBeLessThanOrEqual(allWrong.accuracy);
    const allRight = estimateAccuracy(with_({ goldCorrect: 1_000_000, goldTotal: 1_000_000 }));
    expect(allRight.accuracy).toBeLessThan(1);
    expect(allRight.lower).toBeLessThanOrEqual(allRight.accuracy);
  });

  it('follows the options: a zero weight ignores a source, z = 0 puts the bound at the mean', () => {
    const options = accuracyOptions.parse({ weights: { consensus: 0 }, lowerBoundZ: 0 });
    const e = estimateAccuracy(with_({ consensusAgree: 0, consensusTotal: 50 }), options);
    expect(e.accuracy).toBeCloseTo(0.7, 12);
    expect(e.lower).toBeCloseTo(0.7, 12);
    expect(e.evidence).toBe(0);
  });

  it('uses the prior from the options', () => {
    const options = accuracyOptions.parse({ prior: { mean: 0.5, strength: 2 } });
    expect(estimateAccuracy(with_({ goldCorrect: 2, goldTotal: 2 }), options).accuracy).toBeCloseTo(0.75, 12);
  });

  it('refuses impossible counts', () => {
    expect(() => estimateAccuracy(with_({ goldCorrect: 3, goldTotal: 2 }))).toThrow(DomainError);
    expect(() => estimateAccuracy(with_({ consensusAgree: 5, consensusTotal: 4 }))).toThrow(
      /5 right out of only 4/,
    );
    expect(() => estimateAccuracy(with_({ reviewRejected: -1 }))).toThrow(/reviewRejected/);
    expect(() => estimateAccuracy(with_({ reviewApproved: Number.NaN }))).toThrow(DomainError);
  });
});
