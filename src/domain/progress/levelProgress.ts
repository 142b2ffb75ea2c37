import { DomainError } from '../errors.ts';
import type { ProgressRules } from './progressRules.ts';

export type LevelProgress = {
  /** The level this much XP gives (before any demotion). */
  readonly level: number;
  /** XP earned since the level's threshold. */
  readonly xpIntoLevel: number;
  /** XP between this level's threshold and the next one's (a progress bar's length); null at the top level. */
  readonly xpForNextLevel: number | null;
  /** Total XP at which the next level starts; null at the top level. */
  readonly nextLevelAt: number | null;
};

/** Where a total of XP stands among the levels: a threshold reached exactly counts as reached. */
export function levelProgress(xp: number, rules: ProgressRules): LevelProgress {
  if (!Number.isInteger(xp) || xp < 0) {
    throw new DomainError('VALIDATION_FAILED', `XP must be a whole number ≥ 0, got ${xp}`);
  }
  const { levels } = rules;
  let level = 0;
  while (level < levels.length && xp >= levels[level]!) level++;
  const start = level === 0 ? 0 : levels[level - 1]!;
  const next = levels[level] ?? null;
  return {
    level,
    xpIntoLevel: xp - start,
    xpForNextLevel: next === null ? null : next - start,
    nextLevelAt: next,
  };
}
