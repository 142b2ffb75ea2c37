import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AccuracyEvidence } from '../quality/reputation/estimateAccuracy.ts';
import { type CoOwnershipInput, coOwnershipShares, type ShareAnswer } from './coOwnershipShares.ts';

const ACCOUNTS = Array.from({ length: 6 }, (_, i) => `0x${(i + 1).toString(16).padStart(40, '0')}`);
const ITEMS = Array.from({ length: 8 }, (_, i) => `i${i}`);

const answer: fc.Arbitrary<ShareAnswer> = fc.record({
  account: fc.constantFrom(...ACCOUNTS),
  itemId: fc.constantFrom(...ITEMS),
  status: fc.constantFrom('pending', 'review', 'approved', 'rejected'),
  fixed: fc.boolean(),
  // Gold answers are added apart, on items of their own (a gold item has only gold answers).
  isGold: fc.constant(false),
});
const evidence: fc.Arbitrary<AccuracyEvidence> = fc
  .record({
    goldTotal: fc.nat(20),
    reviewApproved: fc.nat(20),
    reviewRejected: fc.nat(20),
    consensusTotal: fc.nat(20),
  })
  .chain((e) =>
    fc.record({
      goldCorrect: fc.nat(e.goldTotal),
      goldTotal: fc.constant(e.goldTotal),
      reviewApproved: fc.constant(e.reviewApproved),
      reviewRejected: fc.constant(e.reviewRejected),
      consensusAgree: fc.nat(e.consensusTotal),
      consensusTotal: fc.constant(e.consensusTotal),
    }),
  );
const input: fc.Arbitrary<CoOwnershipInput> = fc.record({
  answers: fc.array(answer, { maxLength: 40 }),
  labels: fc.uniqueArray(
    fc.record({
      itemId: fc.constantFrom(...ITEMS),
      confidence: fc.double({ min: 0, max: 1, noNaN: true }),
      source: fc.constantFrom('aggregation', 'review', 'qa'),
    }),
    { selector: (l) => l.itemId, maxLength: ITEMS.length },
  ),
  reviews: fc.array(fc.record({ account: fc.constantFrom(...ACCOUNTS), accepted: fc.boolean() }), {
    maxLength: 20,
  }),
  evidence: fc
    .array(fc.tuple(fc.constantFrom(...ACCOUNTS), evidence), { maxLength: ACCOUNTS.length })
    .map((entries) => new Map(entries)),
});

const sameResult = (a: CoOwnershipInput, b: CoOwnershipInput) =>
  expect(coOwnershipShares(b)).toEqual(coOwnershipShares(a));

describe('coOwnershipShares, for any project', () => {
  it('gives positive integer weights that sum to the total, and shares that sum to exactly one million ppm', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = coOwnershipShares(i);
        expect(r.shares.reduce((s, x) => s + x.weight, 0n)).toBe(r.totalWeight);
        expect(r.shares.reduce((s, x) => s + x.sharePpm, 0n)).toBe(r.shares.length ? 1_000_000n : 0n);
        for (const s of r.shares) {
          expect(s.weight).toBeGreaterThan(0n);
          // Largest remainder: each share is its exact proportion rounded down or up, never further.
          const exact = (s.weight * 1_000_000n) / r.totalWeight;
          expect(s.sharePpm === exact || s.sharePpm === exact + 1n).toBe(true);
        }
        expect(new Set(r.shares.map((s) => s.account)).size).toBe(r.shares.length);
      }),
    );
  });

  it('names only contributors with an approved work answer or an accepted review, counting exactly those', () => {
    fc.assert(
      fc.property(input, (i) => {
        const r = coOwnershipShares(i);
        for (const s of r.shares) {
          expect(s.answersCounted).toBe(
            i.answers.filter((a) => a.account === s.account && a.status === 'approved').length,
          );
          expect(s.reviewsCounted).toBe(
            i.reviews.filter((x) => x.account === s.account && x.accepted).length,
          );
        }
        const eligible = new Set([
          ...i.answers.filter((a) => a.status === 'approved').map((a) => a.account),
          ...i.reviews.filter((x) => x.accepted).map((x) => x.account),
        ]);
        expect(new Set(r.shares.map((s) => s.account))).toEqual(eligible);
      }),
    );
  });

  it('does not depend on the order of its inputs', () => {
    fc.assert(
      fc.property(input, fc.nat(), (i, seed) => {
        const shuffle = <T>(xs: readonly T[]) =>
          xs
            .map((x, k) => ({ x, key: (k * 2_654_435_761 + seed) % 4_294_967_296 }))
            .sort((a, b) => a.key - b.key)
            .map((e) => e.x);
        sameResult(i, {
          ...i,
          answers: shuffle(i.answers),
          labels: shuffle(i.labels),
          reviews: shuffle(i.reviews),
        });
      }),
    );
  });

  it('ignores gold answers, whatever their status', () => {
    fc.assert(
      fc.property(input, fc.array(answer, { minLength: 1, maxLength: 10 }), (i, extra) => {
        const goldOnes = extra.map((a) => ({ ...a, itemId: `gold-${a.itemId}`, isGold: true }));
        sameResult(i, { ...i, answers: [...i.answers, ...goldOnes] });
      }),
    );
  });

  it('never lowers a contributor for one more approved answer on a new item, nor changes anyone else', () => {
    fc.assert(
      fc.property(
        input,
        fc.constantFrom(...ACCOUNTS),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.boolean(),
        (i, account, confidence, fixed) => {
          const before = coOwnershipShares(i);
          const after = coOwnershipShares({
            ...i,
            answers: [...i.answers, { account, itemId: 'new', status: 'approved', fixed, isGold: false }],
            labels: [...i.labels, { itemId: 'new', confidence, source: 'aggregation' }],
          });
          const weightOf = (r: typeof before, a: string) =>
            r.shares.find((s) => s.account === a)?.weight ?? 0n;
          expect(weightOf(after, account)).toBeGreaterThan(weightOf(before, account));
          for (const other of ACCOUNTS.filter((a) => a !== account))
            expect(weightOf(after, other)).toBe(weightOf(before, other));
        },
      ),
    );
  });
});
