import { DomainError } from '../errors.ts';
import { formatPercent } from './formatPercent.ts';
import type { ProgressRules } from './progressRules.ts';
import { streaks } from './streaks.ts';

/** The kinds of achievement; each has its XP bonus under `rules.xp.achievements`. */
export type AchievementKey = keyof ProgressRules['xp']['achievements'];

/**
 * One entry of the catalogue. Ids are the key for one-off achievements, `mastery:<domain>` (once per domain)
 * and `checkin:<YYYY-MM-DD>` (once per UTC day). Titles and descriptions may name `{domain}`, `{day}`,
 * `{minApproved}` and `{minAccuracy}`.
 */
export type AchievementDefinition = {
  readonly key: AchievementKey;
  readonly kind: 'milestone' | 'streak' | 'mastery' | 'checkin';
  /** Approved answers (milestone) or consecutive days (streak); 0 for the others. */
  readonly threshold: number;
  readonly title: string;
  readonly description: string;
};

/** An achievement as a contributor sees it. */
export type Achievement = { id: string; title: string; description: string; xp: number };

export type AchievementStats = {
  readonly approvedTotal: number;
  /** Approved work answers and measured accuracy per domain. */
  readonly approvedByDomain: Readonly<
    Record<string, { readonly approved: number; readonly accuracy: number }>
  >;
  /** UTC days with approved work (or a check-in), 'YYYY-MM-DD', any order, repeats allowed. */
  readonly activeDays: readonly string[];
  /** Today, UTC, 'YYYY-MM-DD'. */
  readonly today: string;
};

export type EarnedAchievements = {
  /** Every achievement the stats show, in catalogue order (domains sorted); the caller keeps the new ones. */
  readonly earned: readonly Achievement[];
  readonly currentStreak: number;
  readonly longestStreak: number;
};

/** The catalogue, in the order a profile lists it. */
export const ACHIEVEMENTS: readonly AchievementDefinition[] = [
  m('first_answer', 1, 'First approved answer', 'One of your answers was approved.'),
  m('answers_10', 10, '10 approved answers', '10 of your answers were approved.'),
  m('answers_100', 100, '100 approved answers', '100 of your answers were approved.'),
  m('answers_1000', 1000, '1,000 approved answers', '1,000 of your answers were approved.'),
  m('answers_10000', 10_000, '10,000 approved answers', '10,000 of your answers were approved.'),
  s('streak_3', 3, '3-day streak', 'Approved work on 3 UTC days in a row.'),
  s('streak_7', 7, '7-day streak', 'Approved work on 7 UTC days in a row.'),
  s('streak_30', 30, '30-day streak', 'Approved work on 30 UTC days in a row.'),
  {
    key: 'mastery',
    kind: 'mastery',
    threshold: 0,
    title: 'Master of {domain}',
    description: '{minApproved} approved answers in {domain}, with {minAccuracy} accuracy or more.',
  },
  {
    key: 'checkin',
    kind: 'checkin',
    threshold: 0,
    title: 'Daily check-in',
    description: 'Worked on {day} (UTC).',
  },
];

const BY_KEY = new Map<string, AchievementDefinition>(ACHIEVEMENTS.map((a) => [a.key, a]));

/**
 * Every achievement the stats show. Streak achievements count the longest streak, not only the current one:
 * approvals can come days after the work, when the streak they completed has already ended.
 */
export function earnedAchievements(stats: AchievementStats, rules: ProgressRules): EarnedAchievements {
  const { approvedTotal, approvedByDomain, activeDays, today } = stats;
  if (!Number.isInteger(approvedTotal) || approvedTotal < 0)
    throw new DomainError(
      'VALIDATION_FAILED',
      `approvedTotal must be a whole number ≥ 0, got ${approvedTotal}`,
    );
  const { current, longest } = streaks(activeDays, today);
  const { minApproved, minAccuracy } = rules.mastery;
  const earned: Achievement[] = [];
  for (const a of ACHIEVEMENTS) {
    if (a.kind === 'milestone' && approvedTotal >= a.threshold)
      earned.push(describeAchievement(a.key, rules));
    if (a.kind === 'streak' && longest >= a.threshold) earned.push(describeAchievement(a.key, rules));
    if (a.kind === 'mastery') {
      // '*' stands for all domains together in the stores; mastering "everything" is not a domain.
      const domains = Object.keys(approvedByDomain)
        .filter((d) => d !== '*' && d !== '')
        .sort();
      for (const domain of domains) {
        const { approved, accuracy } = approvedByDomain[domain]!;
        if (approved >= minApproved && accuracy >= minAccuracy)
          earned.push(describeAchievement(`mastery:${domain}`, rules));
      }
    }
    // `streaks` checked the days; a repeat of today is the same check-in.
    if (a.kind === 'checkin' && activeDays.includes(today))
      earned.push(describeAchievement(`checkin:${today}`, rules));
  }
  return { earned, currentStreak: current, longestStreak: longest };
}

/**
 * The title, description and XP bonus of an achievement id, as stored. An id the catalogue no longer knows
 * is described as such with no XP, so a profile still shows what was earned.
 */
export function describeAchievement(id: string, rules: ProgressRules): Achievement {
  const colon = id.indexOf(':');
  const key = colon < 0 ? id : id.slice(0, colon);
  const param = colon < 0 ? null : id.slice(colon + 1);
  const a = BY_KEY.get(key);
  const parameterised = a?.kind === 'mastery' || a?.kind === 'checkin';
  if (!a || parameterised !== (param !== null && param !== '')) {
    return { id, title: id, description: 'An achievement from an earlier version of Caravan.', xp: 0 };
  }
  const fill = (text: string) =>
    text
      .replaceAll('{domain}', param ?? '')
      .replaceAll('{day}', param ?? '')
      .replaceAll('{minApproved}', rules.mastery.minApproved.toLocaleString('en-US'))
      .replaceAll('{minAccuracy}', formatPercent(rules.mastery.minAccuracy));
  return { id, title: fill(a.title), description: fill(a.description), xp: rules.xp.achievements[a.key] };
}

function m(
  key: AchievementKey,
  threshold: number,
  title: string,
  description: string,
): AchievementDefinition {
  return { key, kind: 'milestone', threshold, title, description };
}

function s(
  key: AchievementKey,
  threshold: number,
  title: string,
  description: string,
): AchievementDefinition {
  return { key, kind: 'streak', threshold, title, description };
}
