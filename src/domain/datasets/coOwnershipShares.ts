import { DomainError } from '../errors.ts';
import { type AccuracyEvidence, estimateAccuracy } from '../quality/reputation/estimateAccuracy.ts';
import { SHARE_FORMULA } from './shareFormula.ts';

/** One answer of the project, with its final status; the store says whether it was approved only after a fix. */
export type ShareAnswer = {
  readonly account: string;
  readonly itemId: string;
  readonly status: 'pending' | 'review' | 'approved' | 'rejected';
  /** Approved after a reviewer or the requester corrected the item (the correction agreed with this answer). */
  readonly fixed: boolean;
  readonly isGold: boolean;
};

/** An item's final label as the quality pass, a reviewer or the requester left it. */
export type ShareItemLabel = {
  readonly itemId: string;
  readonly confidence: number;
  readonly source: 'aggregation' | 'review' | 'qa';
};

/** A review someone did in the project; `accepted` when it stood (its decision was not overridden, or a gold review it got right). */
export type ShareReview = { readonly account: string; readonly accepted: boolean };

export type CoOwnershipInput = {
  readonly answers: readonly ShareAnswer[];
  readonly labels: readonly ShareItemLabel[];
  readonly reviews: readonly ShareReview[];
  /** Each contributor's verdicts in the project; a contributor without any gets the prior. */
  readonly evidence: ReadonlyMap<string, AccuracyEvidence>;
};

export type ContributorShare = {
  readonly account: string;
  /** The contributor's integer weight; the weights sum to `totalWeight`. */
  readonly weight: bigint;
  /** The share in parts per million; the shares sum to exactly 1,000,000. */
  readonly sharePpm: bigint;
  readonly answersCounted: number;
  readonly reviewsCounted: number;
  /** The accuracy estimate the answers were scaled by, in parts per million. */
  readonly accuracyPpm: number;
};

export type CoOwnershipShares = {
  /** By weight, largest first, then by account. */
  readonly shares: readonly ContributorShare[];
  readonly totalWeight: bigint;
  readonly answersCounted: number;
  readonly reviewsCounted: number;
  /** Work items with at least one counted answer: the dataset's rows. */
  readonly itemsCounted: number;
};

const SCALE = BigInt(SHARE_FORMULA.scale);
const NO_EVIDENCE: AccuracyEvidence = {
  goldCorrect: 0,
  goldTotal: 0,
  reviewApproved: 0,
  reviewRejected: 0,
  consensusAgree: 0,
  consensusTotal: 0,
};

/**
 * Each contributor's co-ownership of a community dataset (docs/datasets.md, formula version 1): approved work
 * answers, each worth more on harder items and less when approved only after a fix, scaled by the contributor's
 * accuracy estimate, plus accepted reviews at a lower fixed weight. Rejected, pending, in-review and gold answers
 * count for nothing. Pure integer arithmetic after two roundings to parts per million, so the same inputs give
 * the same weights everywhere.
 */
export function coOwnershipShares(input: CoOwnershipInput): CoOwnershipShares {
  const difficulty = difficultyPpm(input.answers, input.labels);
  type Tally = { points: bigint; answers: number; reviews: number };
  const tallies = new Map<string, Tally>();
  const tally = (account: string) => {
    const known = tallies.get(account);
    if (known) return known;
    const t: Tally = { points: 0n, answers: 0, reviews: 0 };
    tallies.set(account, t);
    return t;
  };

  const items = new Set<string>();
  let answersCounted = 0;
  for (const a of input.answers) {
    if (a.isGold || a.status !== 'approved') continue;
    const statusPpm = BigInt(a.fixed ? SHARE_FORMULA.approvedAfterFixPpm : SHARE_FORMULA.approvedPpm);
    const itemFactorPpm =
      SCALE + (BigInt(SHARE_FORMULA.difficultyBonusPpm) * BigInt(difficulty.get(a.itemId) ?? 0)) / SCALE;
    const t = tally(a.account);
    t.points += (statusPpm * itemFactorPpm) / SCALE;
    t.answers++;
    answersCounted++;
    items.add(a.itemId);
  }
  let reviewsCounted = 0;
  for (const r of input.reviews) {
    if (!r.accepted) continue;
    tally(r.account).reviews++;
    reviewsCounted++;
  }

  const weighed = [...tallies].map(([account, t]) => {
    const accuracyPpm = t.answers
      ? Math.round(
          estimateAccuracy(input.evidence.get(account) ?? NO_EVIDENCE).accuracy * SHARE_FORMULA.scale,
        )
      : 0;
    const weight =
      (t.points * BigInt(accuracyPpm)) / SCALE + BigInt(t.reviews) * BigInt(SHARE_FORMULA.reviewPpm);
    return { account, weight, answersCounted: t.answers, reviewsCounted: t.reviews, accuracyPpm };
  });
  const kept = weighed
    .filter((w) => w.weight > 0n)
    .sort((a, b) => (a.weight === b.weight ? byAccount(a.account, b.account) : a.weight > b.weight ? -1 : 1));
  const totalWeight = kept.reduce((sum, w) => sum + w.weight, 0n);
  const ppm = splitPpm(
    kept.map((w) => w.weight),
    totalWeight,
  );
  return {
    shares: kept.map((w, i) => ({ ...w, sharePpm: ppm[i]! })),
    totalWeight,
    answersCounted,
    reviewsCounted,
    itemsCounted: items.size,
  };
}

const byAccount = (a: string, b: string) => {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : 0;
};

/**
 * Each item's difficulty in parts per million: one less the aggregated label's confidence; where a person set
 * the label (its confidence is 1 by decree, which says nothing), one less the share of the item's decided
 * answers that were approved.
 */
function difficultyPpm(
  answers: readonly ShareAnswer[],
  labels: readonly ShareItemLabel[],
): Map<string, number> {
  const out = new Map<string, number>();
  const ppm = (agreement: number) =>
    Math.round((1 - Math.min(1, Math.max(0, agreement))) * SHARE_FORMULA.scale);
  for (const l of labels) {
    if (!Number.isFinite(l.confidence))
      throw new DomainError(
        'VALIDATION_FAILED',
        `item ${l.itemId}: confidence ${l.confidence} is not a number`,
      );
    if (l.source === 'aggregation') out.set(l.itemId, ppm(l.confidence));
  }
  const decided = new Map<string, { approved: number; total: number }>();
  for (const a of answers) {
    if (a.isGold || out.has(a.itemId) || (a.status !== 'approved' && a.status !== 'rejected')) continue;
    const d = decided.get(a.itemId) ?? { approved: 0, total: 0 };
    d.total++;
    if (a.status === 'approved') d.approved++;
    decided.set(a.itemId, d);
  }
  for (const [itemId, d] of decided) out.set(itemId, ppm(d.approved / d.total));
  return out;
}

/**
 * Parts per million of `total` for each weight, summing to exactly 1,000,000 (largest remainder: each gets its
 * floor, then the leftover parts go one each to the largest remainders, ties to the earlier weight).
 */
function splitPpm(weights: readonly bigint[], total: bigint): bigint[] {
  if (total === 0n) return weights.map(() => 0n);
  const floors = weights.map((w) => (w * SCALE) / total);
  let left = SCALE - floors.reduce((s, f) => s + f, 0n);
  const order = weights
    .map((w, i) => ({ i, rest: (w * SCALE) % total }))
    .sort((a, b) => (a.rest === b.rest ? a.i - b.i : a.rest > b.rest ? -1 : 1));
  for (const { i } of order) {
    if (left === 0n) break;
    floors[i] = floors[i]! + 1n;
    left--;
  }
  return floors;
}
