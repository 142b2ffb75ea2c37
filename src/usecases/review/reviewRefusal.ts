import type { Actor, ProjectRow, ReviewStanding } from '../ports.ts';

const percent = (x: number) => `${Math.round(x * 100)}%`;

/** Gold reviews a reviewer needs before the gold-review bar applies: a miss or two says little. */
export const MIN_GOLD_REVIEWS = 5;

/** Whether the actor reviews as a requester of the project's organization (no bar, no pay, no gold reviews). */
export const reviewsAsRequester = (actor: Actor, project: ProjectRow) =>
  actor.orgs.some((o) => o.id === project.orgId);

/**
 * Why the actor may not review the project now, with the numbers, or null if they may. Reviewers are trusted
 * reviewers, or contributors at the project's level with the measured accuracy on its method; requesters may
 * review their own organization's projects. Everyone is stopped when their gold-review accuracy falls under the bar.
 */
export function reviewRefusal(
  actor: Actor,
  standing: ReviewStanding,
): { message: string; details: Record<string, unknown> } | null {
  const { project, accuracy, stats } = standing;
  const bar = project.quality.review;
  if (!bar.enabled) return { message: 'peer review is switched off in this project', details: {} };
  if (reviewsAsRequester(actor, project)) return null;
  const method = project.annotation.method;
  if (!actor.isReviewer && (actor.level < bar.minLevel || accuracy === null || accuracy < bar.minAccuracy))
    return {
      message:
        `reviewing this project needs level ${bar.minLevel} and ${percent(bar.minAccuracy)} accuracy on ${method}; ` +
        `you are level ${actor.level} with ${accuracy === null ? 'no measured accuracy yet' : `${percent(accuracy)} accuracy`}`,
      details: { minLevel: bar.minLevel, minAccuracy: bar.minAccuracy, level: actor.level, accuracy },
    };
  if (stats.goldTotal >= MIN_GOLD_REVIEWS && stats.goldCorrect / stats.goldTotal < bar.minGoldAccuracy)
    return {
      message:
        `you judged ${stats.goldCorrect} of ${stats.goldTotal} control reviews right ` +
        `(${percent(stats.goldCorrect / stats.goldTotal)}); this project needs ${percent(bar.minGoldAccuracy)}, ` +
        'so it takes no more reviews from you',
      details: {
        goldCorrect: stats.goldCorrect,
        goldTotal: stats.goldTotal,
        minGoldAccuracy: bar.minGoldAccuracy,
      },
    };
  return null;
}
