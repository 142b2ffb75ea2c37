import { z } from 'zod';
import type { Method } from './methods.ts';

// Up to an hour per item: a larger floor would be a typo, and it would flag every answer.
const seconds = z.number().min(0).max(3600);

/** Floors chosen so that reading the item and acting once takes at least this long for a careful person. */
const minSecondsByMethod = z.object({
  single_choice: seconds.default(2),
  multi_choice: seconds.default(3),
  rating: seconds.default(2),
  pairwise: seconds.default(5),
  span: seconds.default(5),
  bbox: seconds.default(5),
  // Outlining takes several clicks per object, more than dragging a box.
  polygon: seconds.default(8),
  transcription: seconds.default(5),
  free_text: seconds.default(5),
} satisfies Record<Method, z.ZodType>);

/**
 * A project's screening configuration: which checks run on each submitted answer, with their limits.
 * Every field has a default, so `screeningRules.parse({})` gives the recommended setup.
 */
export const screeningRules = z.object({
  tooFast: z
    .object({ enabled: z.boolean().default(true), minSecondsByMethod: minSecondsByMethod.prefault({}) })
    .prefault({}),
  straightLining: z
    .object({
      enabled: z.boolean().default(true),
      /** Flag when this many answers in a row (the new one included) are the same. */
      runLength: z.number().int().min(2).max(1000).default(10),
      /** Only methods with at least this many possible answers; a yes/no task may well repeat. */
      minChoices: z.number().int().min(2).default(2),
    })
    .prefault({}),
  nearDuplicate: z
    .object({
      enabled: z.boolean().default(true),
      /** Estimated Jaccard similarity of character shingles at or above which two texts count as copies. */
      threshold: z.number().gt(0).max(1).default(0.85),
      /** Shorter texts ("yes", "n/a") are often the same by chance, so they are not compared. */
      minLength: z.number().int().min(1).default(20),
    })
    .prefault({}),
  gold: z.object({ enabled: z.boolean().default(true) }).prefault({}),
  deadLinks: z
    .object({
      /** Links in free-text and transcription answers are fetched; one that does not answer is refused. */
      enabled: z.boolean().default(true),
      /** At most this many links of one answer are checked. */
      maxLinks: z.number().int().min(1).max(20).default(5),
    })
    .prefault({}),
});
export type ScreeningRules = z.infer<typeof screeningRules>;
export type ScreeningRulesInput = z.input<typeof screeningRules>;
