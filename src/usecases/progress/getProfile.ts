import { DomainError } from '../../domain/errors.ts';
import { describeAchievement } from '../../domain/progress/achievements.ts';
import { levelProgress } from '../../domain/progress/levelProgress.ts';
import { streaks } from '../../domain/progress/streaks.ts';
import { tierFor } from '../../domain/progress/tierFor.ts';
import type { Profile } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';

/** A contributor's progress: XP and level, tier, accuracy, achievements, streak and earnings. */
export async function getProfile(
  deps: Pick<Deps, 'progress' | 'clock' | 'settings'>,
  input: { userId?: string; address?: string },
): Promise<Profile> {
  const rules = deps.settings.progressRules;
  const userId = input.userId ?? (input.address ? await deps.progress.userIdByAddress(input.address) : null);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const data = userId ? await deps.progress.profile(userId, today) : null;
  if (!data) throw new DomainError('NOT_FOUND', `no contributor ${input.address ?? input.userId}`);
  const progress = levelProgress(data.xp, rules);
  const tier = tierFor({ level: data.level, rank: data.rank, xp: data.xp, accuracy: data.accuracy }, rules);
  return {
    user: data.user,
    xp: data.xp,
    level: data.level,
    levelProgress: progress,
    demotedReason: data.demotedReason,
    tier: data.tier,
    nextTier: tier.next,
    rank: data.rank,
    accuracy: data.accuracy,
    skills: data.skills,
    achievements: data.achievements.map((a) => ({
      ...describeAchievement(a.id, rules),
      earnedAt: a.earnedAt.toISOString(),
    })),
    streak: streaks(data.activeDays, today),
    checkedInToday: data.checkedInToday,
    answers: data.answers,
    reviews: data.reviews,
    earnings: {
      answersWei: data.earnings.answersWei.toString(),
      reviewsWei: data.earnings.reviewsWei.toString(),
      totalWei: (data.earnings.answersWei + data.earnings.reviewsWei).toString(),
    },
    daily: data.daily,
  };
}
