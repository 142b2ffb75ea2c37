import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { freePort } from '../../src/db/embeddedPostgres.ts';
import { type Client, createClient } from '../../src/shared/client.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export type E2eServer = {
  /** The server's origin, e.g. http://127.0.0.1:41234. */
  base: string;
  browser: Browser;
  /** A scratch directory of the test's, removed by `stop` (the server's data lives under it). */
  dir: string;
  /** Saves a full-page screenshot to test-results/screenshots/<name>.png. */
  shot(page: Page, name: string): Promise<void>;
  /** The typed API client signed in as a development account. */
  clientAs(account: string): Promise<Client>;
  /**
   * A page in a fresh browser context signed in as a development account through the sign-in page; `errors`
   * collects page errors and anything the content security policy blocked (the app itself must never trip it).
   */
  pageAs(
    account: string,
    viewport?: { width: number; height: number },
  ): Promise<{ page: Page; errors: string[] }>;
  stop(): Promise<void>;
};

/**
 * The real `caravan start` on a free port with its own data directory (embedded PostgreSQL, development
 * wallets), and Debian's Chromium, for a browser test file. `seedDemo` seeds the demo organization.
 */
export async function startE2eServer(o: {
  seedDemo: boolean;
  env?: Record<string, string>;
}): Promise<E2eServer> {
  await fs.access(CHROMIUM).catch(() => {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  });
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-e2e-'));
  // mkdtemp makes the directory private; embedded Postgres may run initdb as another user (when we are root).
  await fs.chmod(dir, 0o755);
  await fs.mkdir(SHOTS, { recursive: true });
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  let log = '';
  const child: ChildProcess = spawn(
    process.execPath,
    ['bin/caravan.js', 'start', '--port', String(port), '--data-dir', path.join(dir, 'data')],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        CARAVAN_DEV_WALLETS: 'true',
        CARAVAN_SEED_DEMO: String(o.seedDemo),
        LOG_LEVEL: 'warn',
        ...o.env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });

  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill('SIGKILL');
    }
    await fs.rm(dir, { recursive: true, force: true });
  };

  try {
    const until = Date.now() + 90_000;
    for (;;) {
      if (child.exitCode !== null)
        throw new Error(`caravan exited with ${child.exitCode} before it was healthy:\n${log}`);
      try {
        if ((await fetch(`${base}/healthz`)).ok) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > until) throw new Error(`caravan was not healthy after 90 s:\n${log}`);
      await new Promise((r) => setTimeout(r, 250));
    }
    const browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    return {
      base,
      browser,
      dir,
      shot: async (page, name) => {
        await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
      },
      clientAs: async (account) => {
        const response = await fetch(`${base}/api/auth/dev`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ account }),
        });
        if (response.status !== 200) throw new Error(`dev sign-in of ${account}: ${await response.text()}`);
        const cookie = response.headers
          .getSetCookie()
          .map((c) => c.split(';')[0])
          .join('; ');
        return createClient({
          baseUrl: base,
          fetch: (input, init) =>
            fetch(input, { ...init, headers: { ...(init?.headers as Record<string, string>), cookie } }),
        });
      },
      pageAs: async (account, viewport = { width: 1280, height: 900 }) => {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        const errors: string[] = [];
        page.on('pageerror', (e) => errors.push(e.message));
        page.on('console', (m) => {
          if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
        });
        await page.goto(`${base}/signin`);
        await page.getByRole('button', { name: new RegExp(`^Sign in as ${account}\\b`) }).click();
        await page.locator('.topnav').waitFor();
        return { page, errors };
      },
      stop: async () => {
        await browser.close();
        await stop();
      },
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
