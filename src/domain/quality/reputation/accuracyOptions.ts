import { z } from 'zod';

const weight = z.number().min(0).max(10);

/**
 * How a contributor's accuracy is estimated from their evidence. Every field has a default, so
 * `accuracyOptions.parse({})` gives the recommended setup.
 */
export const accuracyOptions = z.object({
  /** How much one verdict of each source counts; a weight of 0 ignores the source. */
  weights: z
    .object({
      /** Gold items have a known answer, so a wrong one is certainly wrong. */
      gold: weight.default(1),
      /** Peer review and requester QA: a person looked at this very answer. */
      review: weight.default(1),
      /**
       * Agreement with the aggregated label is the weakest: the label may itself be wrong, and the
       * contributor's own vote helped make it.
       */
      consensus: weight.default(0.5),
    })
    .prefault({}),
  /**
   * A Beta prior, as a mean and a strength in answers: a newcomer starts at the mean, and it takes about
   * `strength` answers of evidence to move halfway to what they show.
   */
  prior: z
    .object({
      mean: z.number().gt(0).lt(1).default(0.7),
      strength: z.number().gt(0).max(10_000).default(5),
    })
    .prefault({}),
  /** The one-sided normal quantile of the lower bound: 1.645 puts it near the 5th percentile. */
  lowerBoundZ: z.number().min(0).max(5).default(1.645),
});
export type AccuracyOptions = z.infer<typeof accuracyOptions>;
export type AccuracyOptionsInput = z.input<typeof accuracyOptions>;
