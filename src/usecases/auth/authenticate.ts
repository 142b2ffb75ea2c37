import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { hashSecret } from './keys.ts';

/** Who a session cookie or API key belongs to, or null. API keys act for their organization only. */
export async function authenticate(
  deps: Pick<Deps, 'accounts' | 'clock'>,
  input: { sessionToken?: string | undefined; apiKey?: string | undefined },
): Promise<Actor | null> {
  const now = deps.clock.now();
  if (input.apiKey) {
    const found = await deps.accounts.userByApiKey(hashSecret(input.apiKey), now);
    if (!found) return null;
    const orgs = (await deps.accounts.memberships(found.user.id)).filter((o) => o.id === found.orgId);
    return { ...found.user, orgs, via: 'api_key', apiKeyOrgId: found.orgId };
  }
  if (input.sessionToken) {
    const user = await deps.accounts.userBySession(hashSecret(input.sessionToken), now);
    if (!user) return null;
    return { ...user, via: 'session', apiKeyOrgId: null };
  }
  return null;
}
