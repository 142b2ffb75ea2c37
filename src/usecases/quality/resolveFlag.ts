import { DomainError } from '../../domain/errors.ts';
import type { SybilFlagEntry } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';

/** Admins only: the flagged contributors, with the evidence against them. */
export function requireAdmin(actor: Actor): void {
  if (!actor.isAdmin || actor.via !== 'session')
    throw new DomainError(
      'FORBIDDEN',
      'only an administrator, signed in (not by API key), can see and rule on spam flags',
    );
}

/**
 * An admin confirms a flag (the answers stay out of aggregation and pay) or clears it (they go back to the
 * quality pass, which decides them afresh).
 */
export async function resolveFlag(
  deps: Pick<Deps, 'quality' | 'qualityQueue' | 'clock'>,
  actor: Actor,
  input: { id: string; status: 'confirmed' | 'cleared' },
): Promise<SybilFlagEntry> {
  requireAdmin(actor);
  const flag = await deps.quality.resolveFlag(input.id, input.status, actor.id, deps.clock.now());
  if (!flag) throw new DomainError('NOT_FOUND', `no flag ${input.id}`);
  if (input.status === 'cleared') deps.qualityQueue.touch(flag.project.id);
  return flag;
}
