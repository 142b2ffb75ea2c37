import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { type BlindReviewTask, blindReviewTask } from './blindReviewTask.ts';
import { reviewRefusal, reviewsAsRequester } from './reviewRefusal.ts';

/**
 * Leases the next review task in a project, or returns the one the reviewer holds (a reload). At the project's
 * gold share it is a gold review, which looks like any other. Null when nothing waits for this reviewer.
 */
export async function nextReview(
  deps: Pick<Deps, 'reviews' | 'clock' | 'random'>,
  actor: Actor,
  input: { projectId: string },
): Promise<BlindReviewTask | null> {
  const now = deps.clock.now();
  const context = await deps.reviews.leaseContext(input.projectId, actor.id, now);
  if (!context) throw new DomainError('NOT_FOUND', `no project ${input.projectId}`);
  const { standing, live } = context;
  const { project } = standing;
  if (project.status !== 'active')
    throw new DomainError('PROJECT_NOT_ACTIVE', `this project is ${project.status}; it is not reviewed now`);
  const refusal = reviewRefusal(actor, standing);
  if (refusal) throw new DomainError('REVIEW_NOT_ALLOWED', refusal.message, refusal.details);
  if (live) return blindReviewTask(live);
  // Gold reviews only while real ones wait: a task handed out from an empty queue would give itself away.
  if (standing.waiting === 0) return null;
  // Requesters are the project's own judges: they are not scored.
  if (!reviewsAsRequester(actor, project) && deps.random() < project.quality.review.goldShare) {
    const gold = await deps.reviews.lease(project, actor.id, now, true);
    if (gold) return blindReviewTask(gold);
  }
  const task = await deps.reviews.lease(project, actor.id, now, false);
  return task ? blindReviewTask(task) : null;
}
