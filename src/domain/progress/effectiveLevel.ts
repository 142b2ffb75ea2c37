import type { AccuracyEstimate } from '../quality/reputation/estimateAccuracy.ts';
import { formatPercent } from './formatPercent.ts';
import type { ProgressRules } from './progressRules.ts';

export type EffectiveLevelInput = {
  /** The level earned by XP (or a higher imported one). */
  readonly level: number;
  /** The contributor's overall accuracy estimate; null while there is no evidence at all. */
  readonly accuracy: AccuracyEstimate | null;
};

export type EffectiveLevel = {
  readonly level: number;
  readonly demoted: boolean;
  /** Why the level is lower, as a sentence for the contributor; null when not demoted. */
  readonly reason: string | null;
};

/**
 * The level a contributor holds: the earned one, less `demotion.levelsLost` while the lower bound of their
 * accuracy is below the floor. The bound, not the estimate, is compared so that a run of luck does not
 * protect a careless contributor; the evidence minimum keeps a few early misses from costing levels.
 */
export function effectiveLevel(input: EffectiveLevelInput, rules: ProgressRules): EffectiveLevel {
  const { level, accuracy } = input;
  const { floor, minEvidence, levelsLost } = rules.demotion;
  const held = Math.max(0, level - levelsLost);
  if (!accuracy || accuracy.evidence < minEvidence || accuracy.lower >= floor || held === level) {
    return { level, demoted: false, reason: null };
  }
  return {
    level: held,
    demoted: true,
    reason:
      `Your measured accuracy (${formatPercent(accuracy.lower)}, counted conservatively) is below ` +
      `${formatPercent(floor)}; you hold level ${held} instead of ${level} until it recovers.`,
  };
}
