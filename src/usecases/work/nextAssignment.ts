import { DomainError } from '../../domain/errors.ts';
import { belowGoldBar } from '../../domain/quality/screening/belowGoldBar.ts';
import { utcDayStart } from '../../domain/tasks/utcDayStart.ts';
import type { Deps } from '../deps.ts';
import type { Actor, Lease } from '../ports.ts';
import { checkOnChainGates } from './checkOnChainGates.ts';
import { checkActive } from './startExam.ts';

/**
 * Leases the next item to a contributor: gates (level, exam, daily cap) first; then a live lease they already hold
 * after `afterId` (a reload, or the preloaded next item), or a new one while they hold fewer than the limit.
 * Null when nothing is left for them.
 */
export async function nextAssignment(
  deps: Pick<Deps, 'work' | 'clock' | 'settings' | 'random' | 'chain'>,
  actor: Actor,
  input: { projectId: string; afterId?: string | undefined },
): Promise<Lease | null> {
  const now = deps.clock.now();
  const context = await deps.work.leaseContext(input.projectId, actor.id, now, utcDayStart(now));
  if (!context) throw new DomainError('NOT_FOUND', `no task ${input.projectId}`);
  const { project, doneToday, live, gold } = context;
  checkActive(project, now);
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
  if (doneToday >= project.dailyCap)
    throw new DomainError(
      'DAILY_CAP_REACHED',
      `you reached this project's daily cap of ${project.dailyCap}; it resets at 00:00 UTC`,
    );

  const stopped = belowGoldBar(gold.correct, gold.total, project.quality.gold);
  if (stopped)
    throw new DomainError('GOLD_ACCURACY_TOO_LOW', `${stopped}, so it takes no more answers from you`, {
      correct: gold.correct,
      total: gold.total,
      minAccuracy: project.quality.gold.minAccuracy,
    });

  const after = input.afterId ? BigInt(input.afterId) : 0n;
  const held = live.find((l) => BigInt(l.id) > after);
  if (held) return held;
  if (live.length >= deps.settings.maxLiveLeases) return live[0] ?? null;
  try {
    await checkOnChainGates(deps, actor, context);
  } catch (error) {
    // A project whose work is all handed out has used its budget too: say there is nothing left, not "add funds".
    if (error instanceof DomainError && error.code === 'ESCROW_EMPTY')
      if (!(await deps.work.hasOpenItem(project.id, actor.id))) return null;
    throw error;
  }
  // Gold items are mixed in at the project's share, looking like any other item.
  if (project.goldCount > 0 && deps.random() < project.goldShare) {
    const goldLease = await deps.work.leaseGold(project, actor.id, now);
    if (goldLease) return goldLease;
  }
  return deps.work.leaseNew(project, actor.id, now);
}
