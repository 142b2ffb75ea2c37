import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/methods.ts';
import { progressRules } from './progressRules.ts';
import { TIER_NAMES } from './tierNames.ts';

const issues = (input: unknown) => {
  const r = progressRules.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
};

describe('progressRules', () => {
  it('fills every default from an empty object', () => {
    expect(progressRules.parse({})).toEqual({
      levels: [50, 150, 400, 900, 1800, 3500, 6500, 11_000, 18_000, 30_000],
      xp: {
        perAnswer: {
          single_choice: 2,
          multi_choice: 3,
          rating: 2,
          pairwise: 3,
          span: 5,
          bbox: 6,
          polygon: 8,
          transcription: 8,
          free_text: 6,
        },
        difficultyPerLevel: 0.15,
        perReview: 3,
        achievements: {
          first_answer: 10,
          answers_10: 25,
          answers_100: 100,
          answers_1000: 500,
          answers_10000: 2000,
          streak_3: 15,
          streak_7: 50,
          streak_30: 250,
          mastery: 300,
          checkin: 2,
        },
      },
      demotion: { floor: 0.6, minEvidence: 50, levelsLost: 2 },
      mastery: { minApproved: 100, minAccuracy: 0.9 },
      tiers: {
        Initiate: { minLevel: 0, minAccuracy: null, maxRank: null, minXp: null },
        Apprentice: { minLevel: 2, minAccuracy: null, maxRank: null, minXp: null },
        Adept: { minLevel: 4, minAccuracy: null, maxRank: null, minXp: null },
        Expert: { minLevel: 6, minAccuracy: null, maxRank: null, minXp: null },
        Master: { minLevel: 8, minAccuracy: null, maxRank: null, minXp: null },
        Demigod: { minLevel: 10, minAccuracy: 0.9, maxRank: 10, minXp: null },
      },
    });
  });

  it('accepts its own output', () => {
    const rules = progressRules.parse({});
    expect(progressRules.parse(rules)).toEqual(rules);
  });

  it('has a base XP for every method and a tier for every name', () => {
    const rules = progressRules.parse({});
    expect(Object.keys(rules.xp.perAnswer).sort()).toEqual([...METHODS].sort());
    expect(Object.keys(rules.tiers)).toEqual([...TIER_NAMES]);
  });

  it('does not share the default levels between parses', () => {
    const first = progressRules.parse({});
    first.levels[0] = 1;
    expect(progressRules.parse({}).levels[0]).toBe(50);
  });

  it('keeps the defaults beside a partial override', () => {
    const rules = progressRules.parse({
      xp: { perAnswer: { bbox: 12 } },
      tiers: { Demigod: { maxRank: 25 } },
    });
    expect(rules.xp.perAnswer).toMatchObject({ bbox: 12, single_choice: 2 });
    expect(rules.xp.perReview).toBe(3);
    expect(rules.tiers.Demigod).toEqual({ minLevel: 10, minAccuracy: 0.9, maxRank: 25, minXp: null });
  });

  it('refuses level thresholds that do not increase, naming the level', () => {
    expect(issues({ levels: [100, 100, 300, 400, 500, 600, 700, 800, 900, 1000] })).toEqual([
      'levels.1: level 2 needs 100 XP, which must be more than the 100 of level 1',
    ]);
    expect(issues({ levels: [100, 300, 200, 400, 500, 600, 700, 800, 900, 1000] })).toEqual([
      'levels.2: level 3 needs 200 XP, which must be more than the 300 of level 2',
    ]);
    expect(issues({ levels: [] })).not.toEqual([]);
    expect(issues({ levels: [0, 10] })).not.toEqual([]);
  });

  it('refuses a tier above the top level', () => {
    expect(issues({ levels: [10, 20, 30, 40, 50, 60, 70, 80] })).toEqual([
      'tiers.Demigod.minLevel: Demigod asks for level 10, but the top level is 8',
    ]);
  });

  it('refuses tiers out of order and an Initiate with conditions', () => {
    expect(issues({ tiers: { Adept: { minLevel: 7 } } })).toEqual([
      'tiers.Expert.minLevel: Expert asks for level 6, below the 7 of Adept under it',
    ]);
    expect(issues({ tiers: { Initiate: { minAccuracy: 0.5 } } })).toEqual([
      'tiers.Initiate: Initiate is every contributor’s tier: it takes level 0 and no other condition',
    ]);
  });

  it('refuses out-of-range values', () => {
    expect(issues({ demotion: { floor: 1.2 } })).not.toEqual([]);
    expect(issues({ demotion: { levelsLost: 0 } })).not.toEqual([]);
    expect(issues({ xp: { perAnswer: { bbox: 2.5 } } })).not.toEqual([]);
    expect(issues({ xp: { difficultyPerLevel: -0.1 } })).not.toEqual([]);
    expect(issues({ tiers: { Demigod: { maxRank: 0 } } })).not.toEqual([]);
  });
});
