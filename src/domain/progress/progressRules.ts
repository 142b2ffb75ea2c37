import { z } from 'zod';
import type { Method } from '../../shared/methods.ts';
import { TIER_NAMES, type TierName } from './tierNames.ts';

const xp = z.number().int().min(0).max(1_000_000);
const share = z.number().min(0).max(1);

/** XP needed for levels 1, 2, … 10: the first session reaches level 1, level 10 takes months. */
const DEFAULT_LEVELS = [50, 150, 400, 900, 1800, 3500, 6500, 11_000, 18_000, 30_000];

/** A quick click earns less than drawing boxes, outlining shapes or typing out audio, in line with the time it takes. */
const baseXpByMethod = z.object({
  single_choice: xp.default(2),
  multi_choice: xp.default(3),
  rating: xp.default(2),
  pairwise: xp.default(3),
  span: xp.default(5),
  bbox: xp.default(6),
  polygon: xp.default(8),
  transcription: xp.default(8),
  free_text: xp.default(6),
} satisfies Record<Method, z.ZodType>);

/** One-off bonuses; `mastery` is earned once per domain and `checkin` once per UTC day. */
const achievementXp = z.object({
  first_answer: xp.default(10),
  answers_10: xp.default(25),
  answers_100: xp.default(100),
  answers_1000: xp.default(500),
  answers_10000: xp.default(2000),
  streak_3: xp.default(15),
  streak_7: xp.default(50),
  streak_30: xp.default(250),
  mastery: xp.default(300),
  checkin: xp.default(2),
});

const level = z.number().int().min(0).max(100);

/** What a tier asks for; every condition that is set must hold. */
const tier = (defaults: { minLevel: number; minAccuracy?: number; maxRank?: number }) =>
  z
    .object({
      minLevel: level.default(defaults.minLevel),
      /** Measured accuracy (the estimate, not its lower bound) at or above this; null: no condition. */
      minAccuracy: share.nullable().default(defaults.minAccuracy ?? null),
      /** A leaderboard rank at or better than this (1 is the top); null: no condition. */
      maxRank: z
        .number()
        .int()
        .min(1)
        .nullable()
        .default(defaults.maxRank ?? null),
      /** At least this much XP; null: no condition. */
      minXp: xp.nullable().default(null),
    })
    .prefault({});

/**
 * How contributors progress: XP per approved answer and review, levels by XP, demotion when accuracy
 * drops, tiers, and achievement bonuses. Every field has a default, so `progressRules.parse({})` gives
 * the recommended setup.
 */
export const progressRules = z
  .object({
    /** XP thresholds of levels 1, 2, …; level 0 starts at 0 XP and the last entry is the top level. */
    levels: z
      .array(z.number().int().min(1).max(100_000_000))
      .min(1)
      .max(100)
      .default(() => [...DEFAULT_LEVELS])
      .superRefine((levels, ctx) => {
        for (let i = 1; i < levels.length; i++) {
          if (levels[i]! <= levels[i - 1]!)
            ctx.addIssue({
              code: 'custom',
              path: [i],
              message: `level ${i + 1} needs ${levels[i]} XP, which must be more than the ${levels[i - 1]} of level ${i}`,
            });
        }
      }),
    xp: z
      .object({
        /** Base XP for one approved work answer, by the project's method. */
        perAnswer: baseXpByMethod.prefault({}),
        /** Harder projects pay more XP: the base is multiplied by 1 + this × the project's required level. */
        difficultyPerLevel: z.number().min(0).max(10).default(0.15),
        /** XP for one review (gold reviews judged wrong are the caller's to leave out). */
        perReview: xp.default(3),
        achievements: achievementXp.prefault({}),
      })
      .prefault({}),
    /**
     * Accuracy that drops costs levels: when the conservative lower bound of a contributor's accuracy is
     * below `floor`, and at least `minEvidence` weighted verdicts stand behind it, the level held is the
     * XP level less `levelsLost` (not below 0). It comes back by itself once the bound recovers.
     */
    demotion: z
      .object({
        floor: share.default(0.6),
        /** Weighted verdicts (the estimate's `evidence`) before demotion applies: a few misses say little. */
        minEvidence: z.number().min(0).max(1_000_000).default(50),
        levelsLost: z.number().int().min(1).max(100).default(2),
      })
      .prefault({}),
    /** Domain mastery: this many approved answers in a domain with this accuracy or more. */
    mastery: z
      .object({
        minApproved: z.number().int().min(1).max(1_000_000).default(100),
        minAccuracy: share.default(0.9),
      })
      .prefault({}),
    /** Ladder of tiers; Demigod by default is the top 10 of the leaderboard at level 10 with 90% accuracy. */
    tiers: z
      .object({
        Initiate: tier({ minLevel: 0 }),
        Apprentice: tier({ minLevel: 2 }),
        Adept: tier({ minLevel: 4 }),
        Expert: tier({ minLevel: 6 }),
        Master: tier({ minLevel: 8 }),
        Demigod: tier({ minLevel: 10, minAccuracy: 0.9, maxRank: 10 }),
      } satisfies Record<TierName, z.ZodType>)
      .prefault({}),
  })
  .superRefine((rules, ctx) => {
    const initiate = rules.tiers.Initiate;
    if (
      initiate.minLevel !== 0 ||
      initiate.minAccuracy !== null ||
      initiate.maxRank !== null ||
      initiate.minXp !== null
    )
      ctx.addIssue({
        code: 'custom',
        path: ['tiers', 'Initiate'],
        message: 'Initiate is every contributor’s tier: it takes level 0 and no other condition',
      });
    const topLevel = rules.levels.length;
    for (let i = 0; i < TIER_NAMES.length; i++) {
      const name = TIER_NAMES[i]!;
      const { minLevel } = rules.tiers[name];
      if (minLevel > topLevel)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', name, 'minLevel'],
          message: `${name} asks for level ${minLevel}, but the top level is ${topLevel}`,
        });
      const below = i > 0 ? TIER_NAMES[i - 1]! : null;
      if (below && minLevel < rules.tiers[below].minLevel)
        ctx.addIssue({
          code: 'custom',
          path: ['tiers', name, 'minLevel'],
          message: `${name} asks for level ${minLevel}, below the ${rules.tiers[below].minLevel} of ${below} under it`,
        });
    }
  });
export type ProgressRules = z.infer<typeof progressRules>;
export type ProgressRulesInput = z.input<typeof progressRules>;
