import type { AccountStore, Clock } from '../ports.ts';

/**
 * Remembers who a session belongs to for a few seconds, so a contributor labeling fast does not cost a database
 * read per request. Signing out forgets the session here at once; other API processes notice within `ttlMs`, and
 * so do changes of level or organization.
 */
export function cacheSessions(
  accounts: AccountStore,
  clock: Clock,
  ttlMs = 5000,
  maxEntries = 10_000,
): AccountStore {
  type User = NonNullable<Awaited<ReturnType<AccountStore['userBySession']>>>;
  const cache = new Map<string, { at: number; user: User }>();
  const keyOf = (hash: Uint8Array) => Buffer.from(hash).toString('base64');
  return {
    ...accounts,
    async userBySession(tokenHash, now) {
      const key = keyOf(tokenHash);
      const hit = cache.get(key);
      const t = clock.now().getTime();
      if (hit && t - hit.at < ttlMs) return hit.user;
      const user = await accounts.userBySession(tokenHash, now);
      if (cache.size >= maxEntries) cache.clear();
      if (user) cache.set(key, { at: t, user });
      else cache.delete(key);
      return user;
    },
    async deleteSession(tokenHash) {
      cache.delete(keyOf(tokenHash));
      await accounts.deleteSession(tokenHash);
    },
    async setUserRoles(userId, roles) {
      cache.clear();
      await accounts.setUserRoles(userId, roles);
    },
    async createOrg(name, ownerId) {
      cache.clear();
      return accounts.createOrg(name, ownerId);
    },
    async addMember(orgId, userId, role) {
      cache.clear();
      await accounts.addMember(orgId, userId, role);
    },
  };
}
