import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor, ApiKeyRow } from '../ports.ts';
import { hashSecret, randomToken } from './keys.ts';

/** Creates an API key for scripts acting for one organization; the key is shown once and stored only hashed. */
export async function createApiKey(
  deps: Pick<Deps, 'accounts'>,
  actor: Actor,
  input: { orgId: string; name: string },
): Promise<ApiKeyRow & { key: string }> {
  if (actor.via !== 'session')
    throw new DomainError('FORBIDDEN', 'API keys are created from a signed-in session, not with another key');
  if (!actor.orgs.some((o) => o.id === input.orgId))
    throw new DomainError('FORBIDDEN', 'you are not a member of this organization');
  const prefix = randomToken(6)
    .replace(/[^A-Za-z0-9]/g, 'x')
    .slice(0, 8);
  const key = `cvn_${prefix}_${randomToken(24)}`;
  const row = await deps.accounts.createApiKey({
    orgId: input.orgId,
    userId: actor.id,
    name: input.name,
    prefix,
    keyHash: hashSecret(key),
  });
  return { ...row, key };
}
