import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { levelProgress } from './levelProgress.ts';
import { progressRules } from './progressRules.ts';

// Only the levels matter here, so the tiers (which ask for level 10) are not re-checked against them.
const rules = { ...progressRules.parse({}), levels: [100, 300, 700] };

describe('levelProgress', () => {
  it('starts at level 0 with no XP', () => {
    expect(levelProgress(0, rules)).toEqual({
      level: 0,
      xpIntoLevel: 0,
      xpForNextLevel: 100,
      nextLevelAt: 100,
    });
  });

  it('stays below a threshold by one XP', () => {
    expect(levelProgress(99, rules)).toEqual({
      level: 0,
      xpIntoLevel: 99,
      xpForNextLevel: 100,
      nextLevelAt: 100,
    });
  });

  it('reaches a level exactly at its threshold', () => {
    expect(levelProgress(100, rules)).toEqual({
      level: 1,
      xpIntoLevel: 0,
      xpForNextLevel: 200,
      nextLevelAt: 300,
    });
    expect(levelProgress(300, rules)).toEqual({
      level: 2,
      xpIntoLevel: 0,
      xpForNextLevel: 400,
      nextLevelAt: 700,
    });
  });

  it('counts XP into the level from its threshold', () => {
    expect(levelProgress(450, rules)).toEqual({
      level: 2,
      xpIntoLevel: 150,
      xpForNextLevel: 400,
      nextLevelAt: 700,
    });
  });

  it('has no next level at the top', () => {
    expect(levelProgress(700, rules)).toEqual({
      level: 3,
      xpIntoLevel: 0,
      xpForNextLevel: null,
      nextLevelAt: null,
    });
    expect(levelProgress(1_000_000, rules)).toEqual({
      level: 3,
      xpIntoLevel: 999_300,
      xpForNextLevel: null,
      nextLevelAt: null,
    });
  });

  it('reaches level 10 at the last default threshold', () => {
    const defaults = progressRules.parse({});
    const top = defaults.levels.at(-1)!;
    expect(levelProgress(top - 1, defaults).level).toBe(9);
    expect(levelProgress(top, defaults).level).toBe(10);
    expect(levelProgress(top, defaults).nextLevelAt).toBeNull();
  });

  it('refuses negative or fractional XP', () => {
    expect(() => levelProgress(-1, rules)).toThrow(DomainError);
    expect(() => levelProgress(1.5, rules)).toThrow(/whole number/);
  });
});
