import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import type { Logger } from 'pino';
import { keccak256, stringToBytes } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { createApp } from '../../src/http/app.ts';
import type { HttpDeps } from '../../src/http/context.ts';
import { createMetrics } from '../../src/http/metrics.ts';
import type { RateLimits } from '../../src/http/rateLimit.ts';
import { httpLinkChecker } from '../../src/links/httpLinkChecker.ts';
import { wire } from '../../src/main/wire.ts';
import type { Clock } from '../../src/usecases/ports.ts';
import { settleProject } from '../../src/usecases/quality/settleProject.ts';
import { testChain } from './testChain.ts';
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
export async function testApp(
  options: {
    devWallets?: boolean;
    chain?: boolean;
    holdSeconds?: number;
    /** Request limits; off unless given. */
    rateLimits?: RateLimits;
    trustProxy?: boolean;
    /** Serve /metrics. */
    metrics?: boolean;
    log?: Logger;
  } = {},
) {
  const database = await testDb();
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-test-data-'));
  const clock = testClock();
  const chain = options.chain ? await testChain(database.db, clock) : null;
  // Quality passes run when a test says so (`settle`), not on a timer.
  const touched = new Set<string>();
  const deps: HttpDeps = wire(database.db, {
    dataDir,
    devWallets: options.devWallets ?? true,
    clock,
    qualityQueue: { touch: (projectId) => touched.add(projectId) },
    // The tests' own link servers listen on loopback.
    links: httpLinkChecker({ allowPrivate: true, timeoutMs: 2000 }),
    chain: chain?.chain ?? null,
    chainRpcUrl: chain?.rpcUrl ?? null,
    holdSeconds: options.holdSeconds ?? 0,
    rateLimits: options.rateLimits ?? null,
    trustProxy: options.trustProxy ?? false,
    ...(options.log ? { log: options.log } : {}),
  });
  const app = createApp(deps, { metrics: options.metrics ? createMetrics(deps.ops, 'all') : null });

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

  /** Signs in a new contributor with its own key (any name), by Sign-In with Ethereum; returns the cookie and id. */
  async function signInNew(name: string): Promise<{ cookie: string; id: string; address: string }> {
    const account = privateKeyToAccount(keccak256(stringToBytes(`caravan-test:${name}`)));
    const { nonce } = (await call('GET', '/api/auth/nonce')).json;
    const message = createSiweMessage({
      address: account.address,
      chainId: 31_337,
      domain: 'caravan.test',
      nonce,
      uri: 'http://caravan.test',
      version: '1',
      issuedAt: clock.now(),
    });
    const r = await call('POST', '/api/auth/siwe', {
      body: { message, signature: await account.signMessage({ message }) },
    });
    if (r.status !== 200) throw new Error(`sign-in failed: ${r.text}`);
    return { cookie: r.headers.get('set-cookie')!.split(';')[0]!, id: r.json.id, address: account.address };
  }

  /** Runs the quality passes the answers so far asked for, as the server would a second later. */
  async function settle(): Promise<void> {
    const projects = [...touched];
    touched.clear();
    for (const projectId of projects) await settleProject(deps, projectId);
  }

  return {
    app,
    deps,
    settle,
    signInNew,
    db: database.db,
    clock,
    call,
    signIn,
    /** The local chain, when the app was asked for one. */
    chain,
    close: async () => {
      await chain?.stop();
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
