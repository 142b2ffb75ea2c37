import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared/brand.ts';
import { screeningRules } from '../../../shared/screeningRules.ts';
import { checkNearDuplicate } from './checkNearDuplicate.ts';
import { estimateJaccard } from './estimateJaccard.ts';
import { minHashSignature } from './minHashSignature.ts';

const rules = screeningRules.parse({}).nearDuplicate;
const alice = 'alice' as UserId;
const bob = 'bob' as UserId;
const text =
  'The customer says the parcel arrived two weeks late and the box was crushed on one side, so she wants a refund. She also asks that the courier be told, and that next time the order ship in a sturdier box.';
const earlier = (contributorId: UserId, t: string) => ({ contributorId, signature: minHashSignature(t) });

describe('checkNearDuplicate', () => {
  it('flags an exact copy of another contributor’s answer as a match', () => {
    const v = checkNearDuplicate(rules, {
      method: 'free_text',
      contributorId: alice,
      text,
      earlier: [earlier(bob, text)],
    });
    expect(v.outcome).toBe('flag');
    expect(v.reason).toContain('matches an earlier answer by another contributor');
  });

  it('flags a copy with one word changed', () => {
    const copy = text.replace('weeks', 'days');
    const v = checkNearDuplicate(rules, {
      method: 'transcription',
      contributorId: alice,
      text: copy,
      earlier: [earlier(bob, text)],
    });
    expect(v.outcome).toBe('flag');
    expect(v.reason).toMatch(/about \d+% alike/);
  });

  it('ignores the contributor’s own earlier answers', () => {
    const v = checkNearDuplicate(rules, {
      method: 'free_text',
      contributorId: alice,
      text,
      earlier: [earlier(alice, text)],
    });
    expect(v.outcome).toBe('pass');
  });

  it('passes a text written independently', () => {
    const own = 'Package was delayed by a fortnight and damaged; the buyer is asking for her money back.';
    const v = checkNearDuplicate(rules, {
      method: 'free_text',
      contributorId: alice,
      text: own,
      earlier: [earlier(bob, text)],
    });
    expect(v.outcome).toBe('pass');
  });

  it('flags exactly at the threshold and passes one signature step above it', () => {
    const copy = text.replace('crushed', 'dented');
    const score = estimateJaccard(minHashSignature(copy), minHashSignature(text));
    expect(score).toBeGreaterThan(0.5);
    expect(score).toBeLessThan(1);
    const input = {
      method: 'free_text',
      contributorId: alice,
      text: copy,
      earlier: [earlier(bob, text)],
    } as const;
    expect(checkNearDuplicate({ ...rules, threshold: score }, input).outcome).toBe('flag');
    expect(checkNearDuplicate({ ...rules, threshold: score + 1 / 128 }, input).outcome).toBe('pass');
  });

  it('skips texts under minLength and methods other than free text and transcription', () => {
    const short = 'too short to judge';
    expect(short.length).toBeLessThan(20);
    expect(
      checkNearDuplicate(rules, {
        method: 'free_text',
        contributorId: alice,
        text: short,
        earlier: [earlier(bob, short)],
      }).outcome,
    ).toBe('pass');
    const twenty = 'x'.repeat(20);
    expect(
      checkNearDuplicate(rules, {
        method: 'free_text',
        contributorId: alice,
        text: twenty,
        earlier: [earlier(bob, twenty)],
      }).outcome,
    ).toBe('flag');
    expect(
      checkNearDuplicate(rules, {
        method: 'rating',
        contributorId: alice,
        text,
        earlier: [earlier(bob, text)],
      }).outcome,
    ).toBe('pass');
  });
});
