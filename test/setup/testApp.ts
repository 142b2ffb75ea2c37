import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createApp } from '../../src/http/app.ts';
import type { HttpDeps } from '../../src/http/context.ts';
import { wire } from '../../src/main/wire.ts';
import type { Clock } from '../../src/usecases/ports.ts';
import { testDb } from './testDb.ts';

/** A clock tests can move. */
export function testClock(
  start = new Date(),
): Clock & { advance: (ms: number) => void; set: (d: Date) => void } {
  let now = start.getTime();
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (d) => {
      now = d.getTime();
    },
  };
}

export type TestApp = Awaited<ReturnType<typeof testApp>>;

/** The real app on a fresh database, driven through `app.request` (no port), with cookie-keeping sessions. */
export async function testApp(options: { devWallets?: boolean } = {}) {
  const database = await testDb();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-test-data-'));
  const clock = testClock();
  const deps: HttpDeps = wire(database.db, { dataDir, devWallets: options.devWallets ?? true, clock });
  const app = createApp(deps);

  /** Sends a request; `as` is a session cookie from `signIn`, or an API key with `apiKey`. */
  async function call(
    method: string,
    url: string,
    init: {
      body?: unknown;
      raw?: string;
      cookie?: string;
      apiKey?: string;
      headers?: Record<string, string>;
    } = {},
  ) {
    const headers: Record<string, string> = { host: 'caravan.test', ...init.headers };
    if (init.cookie) headers.cookie = init.cookie;
    if (init.apiKey) headers.authorization = `Bearer ${init.apiKey}`;
    let body: string | undefined;
    if (init.raw !== undefined) {
      headers['content-type'] = 'application/octet-stream';
      body = init.raw;
    } else if (init.body !== undefined) {
      headers['content-type'] = 'application/json';
      body = JSON.stringify(init.body);
    }
    const response = await app.request(`http://caravan.test${url}`, {
      method,
      headers,
      ...(body !== undefined ? { body } : {}),
    });
    const text = await response.text();
    let json: unknown = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = null;
    }
    // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
    return { status: response.status, json: json as any, text, headers: response.headers };
  }

  /** Signs in a development account and returns its session cookie. */
  async function signIn(account: string): Promise<string> {
    const r = await call('POST', '/api/auth/dev', { body: { account } });
    if (r.status !== 200) throw new Error(`dev sign-in failed: ${r.text}`);
    return r.headers.get('set-cookie')!.split(';')[0]!;
  }

  return {
    app,
    deps,
    db: database.db,
    clock,
    call,
    signIn,
    close: async () => {
      await database.drop();
      await fs.rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A small single-choice project body. */
export function sentimentProject(overrides: Record<string, unknown> = {}) {
  return {
    name: 'Sentiment test',
    modality: 'text',
    annotation: {
      method: 'single_choice',
      config: {
        choices: [
          { value: 'pos', label: 'Positive' },
          { value: 'neg', label: 'Negative' },
        ],
      },
    },
    overlap: 2,
    rewardPerItemWei: '1000',
    budgetWei: '1000000',
    ...overrides,
  };
}
