import { DomainError } from '../../domain/errors.ts';
import { utcDayStart } from '../../domain/tasks/utcDayStart.ts';
import type { Deps } from '../deps.ts';
import type { Actor, Lease } from '../ports.ts';
import { activeProject } from './startExam.ts';

/**
 * Leases the next item to a contributor: gates (level, exam, daily cap) first; then a live lease they already hold
 * after `afterId`, or a new one. Null when nothing is left for them.
 */
export async function nextAssignment(
  deps: Pick<Deps, 'work' | 'projects' | 'clock' | 'settings'>,
  actor: Actor,
  input: { projectId: string; afterId?: string | undefined },
): Promise<Lease | null> {
  const now = deps.clock.now();
  const project = await activeProject(deps, input.projectId);
  if (actor.level < project.requiredLevel)
    throw new DomainError(
      'LEVEL_TOO_LOW',
      `this project needs level ${project.requiredLevel}; you are level ${actor.level}`,
    );
  if (project.exam.enabled) {
    const exam = await deps.work.examStatus(project, actor.id);
    if (exam.status === 'failed')
      throw new DomainError(
        'EXAM_FAILED',
        `you did not pass the qualification exam (score ${Math.round((exam.score ?? 0) * 100)}%)`,
      );
    if (exam.status !== 'passed')
      throw new DomainError('EXAM_REQUIRED', 'pass the qualification exam first (POST /api/tasks/:id/exam)');
  }
  const done = await deps.work.answersToday(project.id, actor.id, utcDayStart(now));
  if (done >= project.dailyCap)
    throw new DomainError(
      'DAILY_CAP_REACHED',
      `you reached this project's daily cap of ${project.dailyCap}; it resets at 00:00 UTC`,
    );
  return deps.work.lease(project, actor.id, now, input.afterId ?? null, deps.settings.maxLiveLeases);
}
