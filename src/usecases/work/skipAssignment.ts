import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';

/** Hands an item back unanswered when the contributor leaves the task: as if it had never been leased. */
export async function releaseAssignment(
  deps: Pick<Deps, 'work' | 'clock'>,
  actor: Actor,
  input: { assignmentId: string },
): Promise<void> {
  const assignment = await deps.work.assignment(input.assignmentId);
  if (!assignment || assignment.userId !== actor.id)
    throw new DomainError('NOT_FOUND', `no assignment ${input.assignmentId} of yours`);
  if (assignment.kind === 'exam')
    throw new DomainError('VALIDATION_FAILED', 'exam questions stay with their attempt');
  if (!(await deps.work.release(assignment.id, deps.clock.now())))
    throw new DomainError('ASSIGNMENT_CLOSED', `this assignment was already ${assignment.status}`);
}

/** Gives an item back with a reason; it returns to the pool for others and never comes back to this contributor. */
export async function skipAssignment(
  deps: Pick<Deps, 'work' | 'clock'>,
  actor: Actor,
  input: { assignmentId: string; reason: string; note?: string | undefined },
): Promise<void> {
  const assignment = await deps.work.assignment(input.assignmentId);
  if (!assignment || assignment.userId !== actor.id)
    throw new DomainError('NOT_FOUND', `no assignment ${input.assignmentId} of yours`);
  if (assignment.kind === 'exam')
    throw new DomainError('VALIDATION_FAILED', 'exam questions cannot be skipped; give your best answer');
  if (!(await deps.work.skip(assignment.id, input.reason, input.note ?? null, deps.clock.now())))
    throw new DomainError('ASSIGNMENT_CLOSED', `this assignment was already ${assignment.status}`);
}
