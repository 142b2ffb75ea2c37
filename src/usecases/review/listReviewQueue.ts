import type { Deps } from '../deps.ts';
import type { Actor, ProjectRow, ReviewStats } from '../ports.ts';
import { reviewRefusal, reviewsAsRequester } from './reviewRefusal.ts';

export type ReviewQueueEntry = {
  project: ProjectRow;
  waiting: number;
  /** What one review pays this reviewer. */
  rewardWei: bigint;
  stats: ReviewStats;
};

/** The projects the actor may review now, with what waits for them, and their review work in each. */
export async function listReviewQueue(
  deps: Pick<Deps, 'reviews' | 'clock'>,
  actor: Actor,
): Promise<{ projects: ReviewQueueEntry[]; stats: ReviewStats }> {
  const standings = await deps.reviews.standings(actor.id, deps.clock.now());
  const stats: ReviewStats = { done: 0, goldCorrect: 0, goldTotal: 0, earnedWei: 0n };
  const projects: ReviewQueueEntry[] = [];
  for (const s of standings) {
    stats.done += s.stats.done;
    stats.goldCorrect += s.stats.goldCorrect;
    stats.goldTotal += s.stats.goldTotal;
    stats.earnedWei += s.stats.earnedWei;
    if (s.project.status !== 'active' || reviewRefusal(actor, s)) continue;
    projects.push({
      project: s.project,
      waiting: s.waiting,
      rewardWei: reviewsAsRequester(actor, s.project) ? 0n : BigInt(s.project.quality.review.rewardWei),
      stats: s.stats,
    });
  }
  return { projects, stats };
}
