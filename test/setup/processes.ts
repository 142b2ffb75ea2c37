import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { keccak256, stringToBytes } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { ANVIL_OPERATOR_KEY } from '../../src/chain/chainClients.ts';
import { startLocalChain } from '../../src/chain/startLocalChain.ts';
import { freePort } from '../../src/db/embeddedPostgres.ts';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

/** One anvil with Caravan's contracts, shared by several Caravan processes as their CHAIN_RPC_URL. */
export type SharedChain = { rpcUrl: string; deploymentFile: string; stop: () => Promise<void> };

export async function startSharedChain(dir: string, rootDelaySeconds = 0): Promise<SharedChain> {
  const local = await startLocalChain({
    dataDir: dir,
    rootDelaySeconds,
    stakeCooldownSeconds: 86_400,
    fundAccounts: listDevAccounts().map((a) => a.address),
  });
  return {
    rpcUrl: local.rpcUrl,
    deploymentFile: path.join(dir, 'chain', 'deployment.json'),
    stop: local.stop,
  };
}

export type CaravanProcess = {
  base: string;
  port: number;
  /** Everything the process printed. */
  output: () => string;
  /** Kills it without warning (no shutdown hooks run) and waits for it to be gone. */
  crash: () => Promise<void>;
  /** Stops it as Ctrl+C would. */
  stop: () => Promise<void>;
};

/**
 * The real `caravan start` in a child process, on a shared PostgreSQL database and chain, with development wallets
 * and no demo; resolves once /readyz says it is ready.
 */
export async function startCaravan(o: {
  role: 'all' | 'api' | 'worker';
  databaseUrl: string;
  chain: SharedChain;
  port?: number;
  env?: Record<string, string>;
}): Promise<CaravanProcess> {
  const port = o.port ?? (await freePort());
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), `caravan-${o.role}-`));
  let output = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/caravan.js', 'start', '--role', o.role, '--port', String(port), '--data-dir', dataDir],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        DATABASE_URL: o.databaseUrl,
        CHAIN_RPC_URL: o.chain.rpcUrl,
        CARAVAN_OPERATOR_KEY: ANVIL_OPERATOR_KEY,
        CARAVAN_DEPLOYMENT: o.chain.deploymentFile,
        CARAVAN_DEV_WALLETS: 'true',
        CARAVAN_SEED_DEMO: 'false',
        LOG_LEVEL: 'warn',
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    output += d.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const gone = async () => {
    await exited;
    await fs.rm(dataDir, { recursive: true, force: true });
  };
  const base = `http://127.0.0.1:${port}`;
  const proc: CaravanProcess = {
    base,
    port,
    output: () => output,
    crash: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await gone();
    },
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
        await exited;
        clearTimeout(timer);
      }
      await gone();
    },
  };
  const until = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null)
      throw new Error(`caravan ${o.role} exited with ${child.exitCode}:\n${output}`);
    try {
      if ((await fetch(`${base}/readyz`)).ok) return proc;
    } catch {
      // not listening yet
    }
    if (Date.now() > until) {
      await proc.crash();
      throw new Error(`caravan ${o.role} was not ready after 60 s:\n${output}`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** A client of a running process: JSON calls with a session cookie. */
export async function call(
  base: string,
  method: string,
  url: string,
  init: { cookie?: string; body?: unknown; raw?: string } = {},
) {
  const headers: Record<string, string> = {};
  if (init.cookie) headers.cookie = init.cookie;
  let body: string | undefined;
  if (init.raw !== undefined) {
    headers['content-type'] = 'application/octet-stream';
    body = init.raw;
  } else if (init.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.body);
  }
  const response = await fetch(`${base}${url}`, { method, headers, ...(body !== undefined ? { body } : {}) });
  const text = await response.text();
  let json: unknown = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {}
  // biome-ignore lint/suspicious/noExplicitAny: tests read response bodies loosely and assert on them
  return { status: response.status, json: json as any, text, headers: response.headers };
}

/** Signs in a development account; its session cookie. */
export async function devSignIn(base: string, account: string): Promise<string> {
  const r = await call(base, 'POST', '/api/auth/dev', { body: { account } });
  if (r.status !== 200) throw new Error(`dev sign-in of ${account} failed: ${r.text}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

const accountNamed = (name: string) =>
  privateKeyToAccount(keccak256(stringToBytes(`caravan-process-test:${name}`)));

/** The address `siweSignIn` signs in with for `name`. */
export const processTestAccount = (name: string) => accountNamed(name).address;

/** Signs in a new contributor with a key of its own, by Sign-In with Ethereum; its session cookie. */
export async function siweSignIn(base: string, name: string): Promise<string> {
  const account = accountNamed(name);
  const { nonce } = (await call(base, 'GET', '/api/auth/nonce')).json;
  const host = new URL(base).host;
  const message = createSiweMessage({
    address: account.address,
    chainId: 31_337,
    domain: host,
    nonce,
    uri: base,
    version: '1',
    issuedAt: new Date(),
  });
  const r = await call(base, 'POST', '/api/auth/siwe', {
    body: { message, signature: await account.signMessage({ message }) },
  });
  if (r.status !== 200) throw new Error(`sign-in of ${name} failed: ${r.text}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

/** Polls `probe` until it gives something truthy (which it returns), failing with `what` after `ms`. */
export async function until<T>(
  what: string,
  probe: () => Promise<T | null | undefined | false>,
  ms = 90_000,
): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const got = await probe();
    if (got) return got;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
