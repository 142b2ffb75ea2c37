import { describe, expect, it } from 'vitest';
import type { AccuracyEvidence } from '../quality/reputation/estimateAccuracy.ts';
import { type CoOwnershipInput, coOwnershipShares, type ShareAnswer } from './coOwnershipShares.ts';

const ALICE = '0x00000000000000000000000000000000000000A1';
const BOB = '0x00000000000000000000000000000000000000b0';
const CAROL = '0x00000000000000000000000000000000000000c0';
const DAVE = '0x00000000000000000000000000000000000000d0';

const gold = (correct: number, total: number): AccuracyEvidence => ({
  goldCorrect: correct,
  goldTotal: total,
  reviewApproved: 0,
  reviewRejected: 0,
  consensusAgree: 0,
  consensusTotal: 0,
});
const answer = (
  account: string,
  itemId: string,
  status: ShareAnswer['status'],
  more: Partial<ShareAnswer> = {},
) => ({
  account,
  itemId,
  status,
  fixed: false,
  isGold: false,
  ...more,
});

/** The worked example of docs/datasets.md. */
const example: CoOwnershipInput = {
  answers: [
    answer(ALICE, 'i1', 'approved'),
    answer(ALICE, 'i2', 'approved'),
    answer(ALICE, 'i3', 'approved', { fixed: true }),
    answer(BOB, 'i1', 'approved'),
    answer(BOB, 'i3', 'rejected'),
    answer(CAROL, 'g1', 'approved', { isGold: true }),
    answer(CAROL, 'i4', 'pending'),
    answer(DAVE, 'i2', 'rejected'),
    answer(DAVE, 'i4', 'review'),
  ],
  labels: [
    { itemId: 'i1', confidence: 0.9, source: 'aggregation' },
    { itemId: 'i2', confidence: 0.6, source: 'aggregation' },
    { itemId: 'i3', confidence: 1, source: 'qa' },
  ],
  reviews: [
    { account: ALICE, accepted: true },
    { account: ALICE, accepted: true },
    { account: CAROL, accepted: true },
    { account: CAROL, accepted: true },
    { account: CAROL, accepted: true },
    { account: CAROL, accepted: false },
  ],
  evidence: new Map([
    [ALICE, gold(5, 5)],
    [BOB, gold(1, 5)],
    [CAROL, gold(0, 0)],
  ]),
};

describe('coOwnershipShares', () => {
  it('computes the worked example of docs/datasets.md to the unit', () => {
    const r = coOwnershipShares(example);
    expect(r.shares).toEqual([
      // (1.1 + 1.4 + 0.5 × 1.5) × 0.85 + 2 × 0.25, scaled by 1e6
      {
        account: ALICE,
        weight: 3_262_500n,
        sharePpm: 723_794n,
        answersCounted: 3,
        reviewsCounted: 2,
        accuracyPpm: 850_000,
      },
      // 3 accepted reviews × 0.25; the gold and the pending answers count for nothing
      {
        account: CAROL,
        weight: 750_000n,
        sharePpm: 166_389n,
        answersCounted: 0,
        reviewsCounted: 3,
        accuracyPpm: 0,
      },
      // 1.1 × 0.45; the rejected answer counts for nothing
      {
        account: BOB,
        weight: 495_000n,
        sharePpm: 109_817n,
        answersCounted: 1,
        reviewsCounted: 0,
        accuracyPpm: 450_000,
      },
    ]);
    expect(r.totalWeight).toBe(4_507_500n);
    expect(r.answersCounted).toBe(4);
    expect(r.reviewsCounted).toBe(5);
    expect(r.itemsCounted).toBe(3);
  });

  it('leaves out contributors with only rejected, pending, in-review or gold answers', () => {
    const accounts = coOwnershipShares(example).shares.map((s) => s.account);
    expect(accounts).not.toContain(DAVE);
  });

  it('counts an answer approved after a fix at half, and an answer on a harder item for more', () => {
    const one = (status: ShareAnswer, confidence: number) =>
      coOwnershipShares({
        answers: [status],
        labels: [{ itemId: 'x', confidence, source: 'aggregation' }],
        reviews: [],
        evidence: new Map(),
      }).totalWeight;
    const plain = one(answer(ALICE, 'x', 'approved'), 1);
    expect(one(answer(ALICE, 'x', 'approved', { fixed: true }), 1) * 2n).toBe(plain);
    expect(one(answer(ALICE, 'x', 'approved'), 0.5)).toBe((plain * 3n) / 2n);
    expect(one(answer(ALICE, 'x', 'approved'), 0)).toBe(plain * 2n);
    // A newcomer with no evidence is scaled by the prior mean, 70%.
    expect(plain).toBe(700_000n);
  });

  it('ranks a more accurate contributor above an equally productive one', () => {
    const r = coOwnershipShares({
      answers: [answer(ALICE, 'x', 'approved'), answer(BOB, 'x', 'approved')],
      labels: [],
      reviews: [],
      evidence: new Map([
        [ALICE, gold(2, 10)],
        [BOB, gold(10, 10)],
      ]),
    });
    expect(r.shares.map((s) => s.account)).toEqual([BOB, ALICE]);
    expect(r.shares[0]!.weight).toBeGreaterThan(r.shares[1]!.weight);
  });

  it('is empty when nothing was approved', () => {
    const r = coOwnershipShares({
      answers: [answer(ALICE, 'x', 'rejected'), answer(BOB, 'y', 'pending')],
      labels: [],
      reviews: [{ account: BOB, accepted: false }],
      evidence: new Map(),
    });
    expect(r).toEqual({ shares: [], totalWeight: 0n, answersCounted: 0, reviewsCounted: 0, itemsCounted: 0 });
  });

  it('refuses a label confidence that is not a number', () => {
    expect(() =>
      coOwnershipShares({
        ...example,
        labels: [{ itemId: 'i1', confidence: Number.NaN, source: 'aggregation' }],
      }),
    ).toThrow(/confidence/);
  });
});
