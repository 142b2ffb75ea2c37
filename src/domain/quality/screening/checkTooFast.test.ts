import { describe, expect, it } from 'vitest';
import { screeningRules } from '../../../shared/screeningRules.ts';
import { checkTooFast } from './checkTooFast.ts';

const rules = screeningRules.parse({}).tooFast;

describe('checkTooFast', () => {
  it('passes an answer given exactly at the floor', () => {
    expect(checkTooFast(rules, { method: 'single_choice', durationMs: 2000 }).outcome).toBe('pass');
  });

  it('flags an answer a millisecond under the floor, naming both times', () => {
    const v = checkTooFast(rules, { method: 'single_choice', durationMs: 1999 });
    expect(v.outcome).toBe('flag');
    expect(v.rule).toBe('too_fast');
    expect(v.reason).toContain('2 s minimum');
    expect(v.reason).toContain('classification (single choice)');
  });

  it('uses the floor of the answer’s method', () => {
    expect(checkTooFast(rules, { method: 'bbox', durationMs: 4000 }).outcome).toBe('flag');
    expect(checkTooFast(rules, { method: 'polygon', durationMs: 7000 }).outcome).toBe('flag');
    expect(checkTooFast(rules, { method: 'polygon', durationMs: 8000 }).outcome).toBe('pass');
    expect(checkTooFast(rules, { method: 'rating', durationMs: 4000 }).outcome).toBe('pass');
  });

  it('passes, saying why, when the duration is missing or unusable', () => {
    for (const durationMs of [undefined, Number.NaN, -5]) {
      const v = checkTooFast(rules, { method: 'free_text', durationMs });
      expect(v.outcome).toBe('pass');
      expect(v.reason).toMatch(/no answer time was recorded/i);
    }
  });

  it('passes a zero duration when the method’s floor is zero', () => {
    const zero = screeningRules.parse({ tooFast: { minSecondsByMethod: { pairwise: 0 } } }).tooFast;
    expect(checkTooFast(zero, { method: 'pairwise', durationMs: 0 }).outcome).toBe('pass');
  });
});
