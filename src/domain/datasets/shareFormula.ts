/**
 * The parameters of the co-ownership formula (docs/datasets.md), version 1, in parts per million so every weight
 * is an exact integer that can be committed on chain. A published dataset records the version it was computed
 * with; changing a number here means a new version, never a new reading of an old dataset.
 */
export const SHARE_FORMULA = {
  version: 1,
  /** Every ratio below is out of this. */
  scale: 1_000_000,
  /** An answer approved as given. */
  approvedPpm: 1_000_000,
  /** An answer approved only after a reviewer or the requester corrected its item: half an answer. */
  approvedAfterFixPpm: 500_000,
  /** How much more the hardest item counts than the easiest: factor 1 + bonus × difficulty, so up to 2×. */
  difficultyBonusPpm: 1_000_000,
  /** An accepted review: a quarter of an answer. Reviews are not scaled by difficulty or accuracy. */
  reviewPpm: 250_000,
} as const;

export type ShareFormula = typeof SHARE_FORMULA;
