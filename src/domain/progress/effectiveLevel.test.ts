import { describe, expect, it } from 'vitest';
import { effectiveLevel } from './effectiveLevel.ts';
import { progressRules } from './progressRules.ts';

const rules = progressRules.parse({});
const estimate = (lower: number, evidence = 200) => ({ accuracy: lower + 0.05, lower, evidence });

describe('effectiveLevel', () => {
  it('keeps the earned level with good accuracy', () => {
    expect(effectiveLevel({ level: 5, accuracy: estimate(0.8) }, rules)).toEqual({
      level: 5,
      demoted: false,
      reason: null,
    });
  });

  it('keeps the earned level without any evidence', () => {
    expect(effectiveLevel({ level: 5, accuracy: null }, rules)).toEqual({
      level: 5,
      demoted: false,
      reason: null,
    });
  });

  it('takes levels away when the lower bound is below the floor', () => {
    expect(effectiveLevel({ level: 4, accuracy: estimate(0.54) }, rules)).toEqual({
      level: 2,
      demoted: true,
      reason:
        'Your measured accuracy (54%, counted conservatively) is below 60%; you hold level 2 instead of 4 until it recovers.',
    });
  });

  it('does not demote exactly at the floor', () => {
    expect(effectiveLevel({ level: 4, accuracy: estimate(0.6) }, rules).demoted).toBe(false);
    expect(effectiveLevel({ level: 4, accuracy: estimate(0.5999) }, rules).level).toBe(2);
  });

  it('does nothing with too little evidence, and applies from exactly the minimum', () => {
    const { minEvidence } = rules.demotion;
    expect(effectiveLevel({ level: 4, accuracy: estimate(0.1, minEvidence - 0.5) }, rules)).toEqual({
      level: 4,
      demoted: false,
      reason: null,
    });
    expect(effectiveLevel({ level: 4, accuracy: estimate(0.1, minEvidence) }, rules).level).toBe(2);
  });

  it('does not go below level 0, and has nothing to take at level 0', () => {
    expect(effectiveLevel({ level: 1, accuracy: estimate(0.2) }, rules)).toMatchObject({
      level: 0,
      demoted: true,
    });
    expect(effectiveLevel({ level: 0, accuracy: estimate(0.2) }, rules)).toEqual({
      level: 0,
      demoted: false,
      reason: null,
    });
  });

  it('follows the configured floor, minimum and levels lost', () => {
    const strict = progressRules.parse({ demotion: { floor: 0.8, minEvidence: 10, levelsLost: 5 } });
    const held = effectiveLevel({ level: 9, accuracy: estimate(0.75, 10) }, strict);
    expect(held.level).toBe(4);
    expect(held.reason).toContain('below 80%');
  });
});
