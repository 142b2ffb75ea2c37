import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { type Browser, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../src/db/embeddedPostgres.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SHOTS = path.join(ROOT, 'test-results/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

let child: ChildProcess | undefined;
let browser: Browser | undefined;
let dir: string;
let base: string;
let log = '';

async function waitForHealth(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (child?.exitCode !== null && child?.exitCode !== undefined)
      throw new Error(`caravan exited with ${child.exitCode} before it was healthy:\n${log}`);
    try {
      if ((await fetch(`${url}/healthz`)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`caravan was not healthy after ${ms} ms:\n${log}`);
}

async function shot(page: Page, name: string) {
  await page.screenshot({ path: path.join(SHOTS, `${name}.png`), fullPage: true });
}

async function signInAs(page: Page, account: string) {
  await page.goto(`${base}/signin`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${account}\\b`) }).click();
  await page.locator('.topnav').waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Development accounts' }).waitFor();
}

beforeAll(async () => {
  await fs.access(CHROMIUM).catch(() => {
    throw new Error(
      `no Chromium at ${CHROMIUM}: install Debian's (apt-get install -y chromium) or set CHROMIUM_PATH`,
    );
  });
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-e2e-'));
  // mkdtemp makes the directory private; embedded Postgres may run initdb as another user (when we are root).
  await fs.chmod(dir, 0o755);
  await fs.mkdir(SHOTS, { recursive: true });
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  child = spawn(
    process.execPath,
    ['bin/caravan.js', 'start', '--port', String(port), '--data-dir', path.join(dir, 'data')],
    {
      cwd: ROOT,
      env: { ...process.env, CARAVAN_DEV_WALLETS: 'true', CARAVAN_SEED_DEMO: 'false', LOG_LEVEL: 'warn' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  child.stdout?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  child.stderr?.on('data', (d: Buffer) => {
    log += d.toString();
  });
  await waitForHealth(base, 90_000);
  browser = await chromium.launch({
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
});

afterAll(async () => {
  await browser?.close();
  if (child && child.exitCode === null) {
    const exited = new Promise((resolve) => child?.once('exit', resolve));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  }
  await fs.rm(dir, { recursive: true, force: true });
});

describe('the labeling loop in a browser', () => {
  it('a requester creates and fills a project, a contributor labels with the keyboard, the requester sees it', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    // The requester creates a single-choice project through the form.
    await signInAs(page, 'requester');
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('link', { name: 'New project' }).click();
    const name = `E2E sentiment ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description').fill('Is the sentence happy or sad?');
    await page.getByLabel('Instructions').fill('Pick Positive for happy sentences, Negative for sad ones.');
    await page.getByLabel('Answers per item (overlap)').fill('1');
    await shot(page, '01-new-project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();

    // It imports a small JSONL file through the import panel.
    const file = path.join(dir, 'items.jsonl');
    const lines = ['I love this', 'This is awful', 'What a great day'].map((text, i) =>
      JSON.stringify({ id: `s${i}`, text }),
    );
    await fs.writeFile(file, `${lines.join('\n')}\n`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Imported 3 items').waitFor();
    await shot(page, '02-imported');
    await signOut(page);

    // A contributor finds the task and labels one item with the keyboard.
    await signInAs(page, 'alice');
    const card = page.locator('article.task-card', { hasText: name });
    await card.getByRole('link', { name: 'Start labeling' }).click();
    await page.locator('.workspace').waitFor();
    await shot(page, '03-workspace');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText(/Last answer recorded in the ledger as #1\b/).waitFor();
    await shot(page, '04-answered');
    await page.getByRole('link', { name: 'History' }).click();
    await page.locator('table').getByText(name).waitFor();
    await signOut(page);

    // The requester sees the answer in the live progress panel.
    await signInAs(page, 'requester');
    await page.goto(projectUrl);
    const answers = page.locator('[data-stat="Answers"] dd');
    await expect.poll(() => answers.textContent(), { timeout: 10_000 }).toBe('1 / 3');
    expect(await page.locator('[data-stat="Contributors"] dd').textContent()).toBe('1');
    await shot(page, '05-progress');
    expect(errors).toEqual([]);
    await page.close();
  });
});
