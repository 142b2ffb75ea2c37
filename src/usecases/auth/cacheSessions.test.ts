import { describe, expect, it } from 'vitest';
import type { AccountStore } from '../ports.ts';
import { cacheSessions } from './cacheSessions.ts';

function fakeAccounts() {
  const calls = { userBySession: 0 };
  const live = new Set(['a']);
  const store = {
    async userBySession(hash: Uint8Array) {
      calls.userBySession++;
      const key = new TextDecoder().decode(hash);
      return live.has(key)
        ? {
            id: key,
            address: '0x1',
            displayName: null,
            isAdmin: false,
            isReviewer: false,
            level: calls.userBySession,
            xp: 0,
            orgs: [],
          }
        : null;
    },
    async deleteSession(hash: Uint8Array) {
      live.delete(new TextDecoder().decode(hash));
    },
    async setUserRoles() {},
  } as unknown as AccountStore;
  return { store, calls };
}

const token = (s: string) => new TextEncoder().encode(s);

describe('cacheSessions', () => {
  it('reads a session once within its time to live, again after it', async () => {
    let now = 0;
    const { store, calls } = fakeAccounts();
    const cached = cacheSessions(store, { now: () => new Date(now) }, 5000);
    expect((await cached.userBySession(token('a'), new Date(now)))?.level).toBe(1);
    expect((await cached.userBySession(token('a'), new Date(now)))?.level).toBe(1);
    expect(calls.userBySession).toBe(1);
    now = 5001;
    expect((await cached.userBySession(token('a'), new Date(now)))?.level).toBe(2);
    expect(calls.userBySession).toBe(2);
  });

  it('forgets a session at sign-out and on role changes, and never caches a miss', async () => {
    const { store, calls } = fakeAccounts();
    const cached = cacheSessions(store, { now: () => new Date(0) });
    await cached.userBySession(token('a'), new Date(0));
    await cached.setUserRoles('a', { level: 5 });
    await cached.userBySession(token('a'), new Date(0));
    expect(calls.userBySession).toBe(2);
    await cached.deleteSession(token('a'));
    expect(await cached.userBySession(token('a'), new Date(0))).toBeNull();
    expect(await cached.userBySession(token('nobody'), new Date(0))).toBeNull();
    expect(await cached.userBySession(token('nobody'), new Date(0))).toBeNull();
    expect(calls.userBySession).toBe(5);
  });
});
