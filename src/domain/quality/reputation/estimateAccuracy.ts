import { DomainError } from '../../errors.ts';
import { type AccuracyOptions, accuracyOptions } from './accuracyOptions.ts';

/** A contributor's verdicts, counted per source (on one method and domain, or overall). */
export type AccuracyEvidence = {
  readonly goldCorrect: number;
  readonly goldTotal: number;
  /** Approved and rejected by peer review or requester QA. */
  readonly reviewApproved: number;
  readonly reviewRejected: number;
  /** Answers that agreed with the aggregated label, out of the answers compared with one. */
  readonly consensusAgree: number;
  readonly consensusTotal: number;
};

export type AccuracyEstimate = {
  /** The posterior mean, between 0 and 1. */
  readonly accuracy: number;
  /** A conservative bound (about the 5th percentile by default), never above `accuracy`. */
  readonly lower: number;
  /** The weighted count of verdicts behind the estimate; the prior is not included. */
  readonly evidence: number;
};

const DEFAULTS = accuracyOptions.parse({});

/**
 * A contributor's accuracy from gold items, review verdicts and agreement with consensus: each verdict
 * counts with its source's weight, on top of a Beta prior, so two right gold answers make 79%, not 100%.
 * The lower bound is the Wilson score bound of the posterior mean over the prior's and the evidence's
 * weight together; in closed form, it needs no iterative Beta quantile.
 */
export function estimateAccuracy(
  evidence: AccuracyEvidence,
  options: AccuracyOptions = DEFAULTS,
): AccuracyEstimate {
  const { weights, prior, lowerBoundZ: z } = options;
  const gold = rightAndWrong('gold', evidence.goldCorrect, evidence.goldTotal);
  const consensus = rightAndWrong('consensus', evidence.consensusAgree, evidence.consensusTotal);
  const approved = count('reviewApproved', evidence.reviewApproved);
  const rejected = count('reviewRejected', evidence.reviewRejected);

  const right = weights.gold * gold.right + weights.review * approved + weights.consensus * consensus.right;
  const wrong = weights.gold * gold.wrong + weights.review * rejected + weights.consensus * consensus.wrong;
  const n = prior.strength + right + wrong;
  const p = (prior.mean * prior.strength + right) / n;

  const z2 = z * z;
  const centre = p + z2 / (2 * n);
  const spread = z * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  const wilson = (centre - spread) / (1 + z2 / n);
  // The Wilson bound lies in [0, p]; the clamp only absorbs rounding at the extremes.
  return { accuracy: p, lower: Math.min(p, Math.max(0, wilson)), evidence: right + wrong };
}

function count(name: string, value: number): number {
  if (!Number.isFinite(value) || value < 0) {
    throw new DomainError('VALIDATION_FAILED', `${name} must be a finite count ≥ 0, got ${value}`);
  }
  return value;
}

function rightAndWrong(source: string, right: number, total: number): { right: number; wrong: number } {
  count(`${source} right`, right);
  count(`${source} total`, total);
  if (right > total) {
    throw new DomainError('VALIDATION_FAILED', `${source}: ${right} right out of only ${total}`);
  }
  return { right, wrong: total - right };
}
