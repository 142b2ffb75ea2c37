import { z } from 'zod';
import { screeningRules } from './screeningRules.ts';
import { storableText } from './text.ts';
import { weiString } from './weiString.ts';

const share = z.number().min(0).max(1);

/** The categorical aggregation methods a project can pick (as `caravan aggregate --method` names them). */
export const AGGREGATION_METHODS = ['mv', 'wawa', 'ds', 'onecoin', 'glad', 'mace'] as const;
export type AggregationMethod = (typeof AGGREGATION_METHODS)[number];

/**
 * How a project keeps its data trustworthy: screening of each answer, the gold bar, aggregation with
 * dynamic overlap, peer review and the optional model judge. Every field has a default, so
 * `qualitySettings.parse({})` is the recommended setup.
 */
export const qualitySettings = z
  .object({
    screening: screeningRules.prefault({}),
    gold: z
      .object({
        /** Contributors whose accuracy on gold items falls below this are stopped in the project. */
        minAccuracy: share.default(0.7),
        /** Gold answers needed before the bar applies: two misses in a row say little. */
        minAnswers: z.number().int().min(1).max(1000).default(5),
      })
      .prefault({}),
    aggregation: z
      .object({
        /**
         * For single-choice and pairwise projects; other methods use their consensus rule. One-coin Dawid-Skene
         * (one accuracy per worker) by default: a live project has few answers per worker, and full Dawid-Skene
         * (a confusion matrix per worker) can then explain a cohort of workers who only saw one class as
         * "always answers the other", mislabelling all their items with full confidence. Full DS is best on
         * large finished crowds (see `caravan aggregate` and the truth-inference benchmark).
         */
        method: z.enum(AGGREGATION_METHODS).default('onecoin'),
        /** An item is final once its label's confidence reaches this. */
        confidence: z.number().min(0.5).max(1).default(0.9),
        /** Answers an item needs before it may stop early. */
        minAnswers: z.number().int().min(1).max(50).default(2),
        /** Answers an item may ask for when it stays unsure. */
        maxOverlap: z.number().int().min(1).max(50).default(5),
      })
      .prefault({})
      .refine((a) => a.minAnswers <= a.maxOverlap, {
        message: 'minAnswers cannot exceed maxOverlap',
        path: ['minAnswers'],
      }),
    review: z
      .object({
        enabled: z.boolean().default(true),
        /** Who may review: contributors at this level or above, with this measured accuracy on the method. */
        minLevel: z.number().int().min(0).max(100).default(2),
        minAccuracy: share.default(0.8),
        /** Share of review tasks that are gold reviews (answers whose correctness is known). */
        goldShare: z.number().min(0).max(0.5).default(0.1),
        /** Reviewers whose gold-review accuracy falls below this stop reviewing the project. */
        minGoldAccuracy: share.default(0.75),
        /** Paid for each review (not for gold reviews judged wrong). */
        rewardWei: weiString.default('0'),
      })
      .prefault({}),
    judge: z
      .object({
        /** Ask the server's model judge about answers the machine checks cannot settle. */
        enabled: z.boolean().default(false),
        /** What a good answer is, for the judge. */
        prompt: storableText().max(5000).default(''),
      })
      .prefault({}),
  })
  .prefault({});
export type QualitySettings = z.output<typeof qualitySettings>;
export type QualitySettingsInput = z.input<typeof qualitySettings>;
