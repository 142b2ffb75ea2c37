import { describe, expect, it } from 'vitest';
import { machineReviewRules } from './machineReviewRules.ts';

describe('machineReviewRules', () => {
  it('fills every bar with its default', () => {
    expect(machineReviewRules.parse({})).toEqual({
      multiChoiceMinJaccard: 0.5,
      bboxMinIou: 0.5,
      polygonMinIou: 0.5,
      spanMinF1: 0.5,
      transcriptionMinSimilarity: 0.8,
      freeTextMinSimilarity: 0.8,
      ratingMaxDistance: 0.25,
    });
  });

  it('keeps a value that is given', () => {
    expect(machineReviewRules.parse({ bboxMinIou: 0.7 }).bboxMinIou).toBe(0.7);
    expect(machineReviewRules.parse({ polygonMinIou: 0.6 })).toMatchObject({
      polygonMinIou: 0.6,
      bboxMinIou: 0.5,
    });
  });

  it('refuses bars outside (0, 1], a negative rating distance and unknown fields', () => {
    expect(machineReviewRules.safeParse({ bboxMinIou: 0 }).success).toBe(false);
    expect(machineReviewRules.safeParse({ polygonMinIou: 0 }).success).toBe(false);
    expect(machineReviewRules.safeParse({ spanMinF1: 1.2 }).success).toBe(false);
    expect(machineReviewRules.safeParse({ ratingMaxDistance: -0.1 }).success).toBe(false);
    expect(machineReviewRules.safeParse({ ratingMaxDistance: 0 }).success).toBe(true);
    expect(machineReviewRules.safeParse({ iou: 0.5 }).success).toBe(false);
  });
});
