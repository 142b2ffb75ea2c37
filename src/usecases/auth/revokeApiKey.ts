import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';

/** Revokes an organization's API key at once: the next request with it is refused. Any member may revoke. */
export async function revokeApiKey(
  deps: Pick<Deps, 'accounts' | 'clock'>,
  actor: Actor,
  input: { orgId: string; keyId: string },
): Promise<void> {
  if (!actor.orgs.some((o) => o.id === input.orgId))
    throw new DomainError('NOT_FOUND', 'no such organization of yours');
  if (!(await deps.accounts.revokeApiKey(input.orgId, input.keyId, deps.clock.now())))
    throw new DomainError(
      'NOT_FOUND',
      'this organization has no such live API key (it may be revoked already)',
    );
}
