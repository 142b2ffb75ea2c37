import { formatPercent } from './formatPercent.ts';
import type { ProgressRules } from './progressRules.ts';
import { TIER_NAMES, type TierName } from './tierNames.ts';

export type TierForInput = {
  /** The level held, after demotion. */
  readonly level: number;
  /** Leaderboard rank, 1 at the top; null when not ranked. */
  readonly rank: number | null;
  readonly xp: number;
  /** The measured accuracy (the estimate); null while there is no evidence. */
  readonly accuracy: number | null;
};

export type TierStanding = {
  readonly tier: TierName;
  /** The tier above and what it still takes ("reach level 8 and rank in the top 10"); null at the top. */
  readonly next: { readonly name: TierName; readonly missing: string } | null;
};

/** The highest tier whose every condition the contributor meets, and what the tier above it asks for. */
export function tierFor(input: TierForInput, rules: ProgressRules): TierStanding {
  let index = 0;
  for (let i = TIER_NAMES.length - 1; i > 0; i--) {
    if (missingFor(input, rules, TIER_NAMES[i]!).length === 0) {
      index = i;
      break;
    }
  }
  const tier = TIER_NAMES[index]!;
  const above = TIER_NAMES[index + 1];
  return {
    tier,
    next: above ? { name: above, missing: joinAnd(missingFor(input, rules, above)) } : null,
  };
}

function missingFor(input: TierForInput, rules: ProgressRules, name: TierName): string[] {
  const t = rules.tiers[name];
  const missing: string[] = [];
  if (input.level < t.minLevel) missing.push(`reach level ${t.minLevel}`);
  if (t.minXp !== null && input.xp < t.minXp) missing.push(`earn ${t.minXp.toLocaleString('en-US')} XP`);
  if (t.maxRank !== null && (input.rank === null || input.rank > t.maxRank))
    missing.push(t.maxRank === 1 ? 'rank first on the leaderboard' : `rank in the top ${t.maxRank}`);
  if (t.minAccuracy !== null && (input.accuracy === null || input.accuracy < t.minAccuracy))
    missing.push(`reach ${formatPercent(t.minAccuracy)} accuracy`);
  return missing;
}

function joinAnd(parts: string[]): string {
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts.at(-1)}`;
}
