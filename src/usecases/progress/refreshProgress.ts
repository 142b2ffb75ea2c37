import { earnedAchievements } from '../../domain/progress/achievements.ts';
import { effectiveLevel } from '../../domain/progress/effectiveLevel.ts';
import { levelProgress } from '../../domain/progress/levelProgress.ts';
import type { ProgressRules } from '../../domain/progress/progressRules.ts';
import { tierFor } from '../../domain/progress/tierFor.ts';
import { xpForAnswer } from '../../domain/progress/xpForAnswer.ts';
import { estimateAccuracy } from '../../domain/quality/reputation/estimateAccuracy.ts';
import type { Method } from '../../shared/methods.ts';
import type { Deps } from '../deps.ts';

/**
 * Recomputes what the contributors whose work was decided have earned: accuracy per method and domain, XP for
 * approved work and reviews, achievements, level (with demotion) and tier. Everything is derived from the
 * answers, reviews and XP events, so running it twice changes nothing. Without `userIds` it takes the
 * contributors marked dirty, up to `limit`.
 */
export async function refreshProgress(
  deps: Pick<Deps, 'progress' | 'clock' | 'settings'>,
  input: { userIds?: string[]; limit?: number; rules?: ProgressRules } = {},
): Promise<string[]> {
  const rules = input.rules ?? deps.settings.progressRules;
  const users = input.userIds ?? (await deps.progress.takeDirty(input.limit ?? 500));
  if (!users.length) return [];
  const now = deps.clock.now();
  const today = now.toISOString().slice(0, 10);

  const evidence = await deps.progress.evidence(users);
  await deps.progress.saveSkills(
    evidence.map((e) => ({ ...e, ...estimateAccuracy(e) })),
    now,
  );

  const due = await deps.progress.xpDue(users);
  const grants = due.map((d) => ({
    userId: d.userId,
    source: d.source,
    xp:
      d.kind === 'answer'
        ? xpForAnswer({ method: d.method as Method, requiredLevel: d.requiredLevel }, rules)
        : rules.xp.perReview,
  }));

  const activity = await deps.progress.activity(users);
  const wanted: { userId: string; achievement: string }[] = [];
  const bonus = new Map<string, number>();
  for (const [userId, stats] of activity)
    for (const a of earnedAchievements({ ...stats, today }, rules).earned) {
      wanted.push({ userId, achievement: a.id });
      bonus.set(`${userId}:${a.id}`, a.xp);
    }
  // Only achievements new to a contributor earn their bonus; one already held earned it once.
  const fresh = await deps.progress.award(wanted, now);
  for (const a of fresh) {
    const xp = bonus.get(`${a.userId}:${a.achievement}`) ?? 0;
    if (xp > 0) grants.push({ userId: a.userId, source: `achievement:${a.achievement}`, xp });
  }
  await deps.progress.grantXp(grants, now);

  const standings = await deps.progress.standings(users);
  await deps.progress.saveStandings(
    standings.map((s) => {
      const byXp = levelProgress(s.xp, rules).level;
      const earned = Math.max(byXp, s.baseLevel);
      const held = effectiveLevel({ level: earned, accuracy: s.accuracy }, rules);
      const tier = tierFor(
        { level: held.level, rank: s.rank, xp: s.xp, accuracy: s.accuracy?.accuracy ?? null },
        rules,
      );
      return {
        userId: s.userId,
        level: held.level,
        tier: tier.tier,
        accuracy: s.accuracy?.accuracy ?? null,
        demotedReason: held.reason,
      };
    }),
  );
  return users;
}
