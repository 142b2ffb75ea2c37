import { z } from 'zod';

const share = z.number().min(0).max(1);
// A bar of 0 would let every answer agree, which is never what a project means by a check.
const bar = z.number().gt(0).max(1);

/**
 * How close an answer must come to its item's consensus for the machine to count it as agreeing, per method.
 * Every field has a default, so `machineReviewRules.parse({})` is the recommended setup.
 */
export const machineReviewRules = z
  .object({
    /** multi_choice: Jaccard overlap of the selected choices (1 = the same set). */
    multiChoiceMinJaccard: bar.default(0.5),
    /** bbox: mean IoU of one-to-one matched boxes, over the larger of the two box counts. */
    bboxMinIou: bar.default(0.5),
    /** polygon: mean IoU of one-to-one matched polygons (intersection over union of their areas), likewise. */
    polygonMinIou: bar.default(0.5),
    /** span: F1 of the labelled characters. */
    spanMinF1: bar.default(0.5),
    /** transcription: 1 − character edit distance / the longer text's length. */
    transcriptionMinSimilarity: bar.default(0.8),
    /** free_text: 1 − word edit distance / the longer text's word count. */
    freeTextMinSimilarity: bar.default(0.8),
    /**
     * rating: the largest distance that still agrees, as a share of the scale's width, so it means the same on
     * a 1–5 and a 0–100 scale. The default 0.25 is one step on the default 1–5 scale; 0 asks for the same value.
     */
    ratingMaxDistance: share.default(0.25),
  })
  .strict();
export type MachineReviewRules = z.output<typeof machineReviewRules>;
export type MachineReviewRulesInput = z.input<typeof machineReviewRules>;
