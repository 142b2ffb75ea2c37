import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

// Label, be settled on chain and claim, in the browser: settlement rounds every second, no hold, a 2 s delay.
let server: E2eServer | undefined;
let browser: Browser;
let base: string;

beforeAll(async () => {
  server = await startE2eServer({
    seedDemo: false,
    env: {
      CARAVAN_HOLD_SECONDS: '0',
      CARAVAN_EPOCH_SECONDS: '0',
      CARAVAN_SETTLE_SECONDS: '1',
      CARAVAN_ROOT_DELAY_SECONDS: '2',
    },
  });
  base = server.base;
  browser = server.browser;
});
afterAll(() => server?.stop());

/** A development account's session cookie, signed in through the API. */
async function session(account: string): Promise<string> {
  const r = await fetch(`${base}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  if (!r.ok) throw new Error(`sign-in failed: ${await r.text()}`);
  return r.headers.get('set-cookie')!.split(';')[0]!;
}

async function api(cookie: string, method: string, path: string, body?: unknown) {
  const r = await fetch(`${base}${path}`, {
    method,
    headers: { cookie, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
  });
  const text = await r.text();
  if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${text}`);
  return text ? JSON.parse(text) : null;
}

async function signInAs(page: Page, account: string) {
  await page.goto(`${base}/signin`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${account}\\b`) }).click();
  await page.locator('.topnav').waitFor();
}

describe('rewards in a browser', () => {
  it('a contributor labels, is settled on chain, claims and verifies an answer', async () => {
    // A funded project whose two items bob has answered already.
    const requester = await session('requester');
    const project = await api(requester, 'POST', '/api/projects', {
      name: 'E2E rewards',
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
      rewardPerItemWei: '1500000000000000000',
      quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.6, minAnswers: 2 } },
    });
    await fetch(`${base}/api/projects/${project.id}/items?format=jsonl`, {
      method: 'POST',
      headers: { cookie: requester, 'content-type': 'application/octet-stream' },
      body: '{"id":"a","text":"I love it"}\n{"id":"b","text":"Lovely day"}',
    });
    const { calls } = await api(requester, 'POST', `/api/projects/${project.id}/escrow/fund-calls`, {
      amountWei: '10000000000000000000',
    });
    await api(requester, 'POST', '/api/wallet/dev/send', { calls });
    const bob = await session('bob');
    for (let i = 0; i < 2; i++) {
      const lease = await api(bob, 'POST', `/api/tasks/${project.id}/assignments`);
      await api(bob, 'POST', `/api/assignments/${lease.id}/answer`, {
        answer: { choice: 'pos' },
        durationMs: 9000,
      });
    }

    // Alice labels both items with the keyboard.
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The content security policy must not block anything the app itself does.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });
    await signInAs(page, 'alice');
    await page.goto(`${base}/tasks/${project.id}`);
    await page.locator('.workspace').waitFor();
    let previous: string | null = null;
    for (let i = 0; i < 2; i++) {
      // Keys pressed before the next item shows would go nowhere (a slow machine takes a while to load it).
      await page.waitForFunction((prev) => {
        const text = document.querySelector('.item-text')?.textContent;
        return !!text && text !== prev;
      }, previous);
      previous = await page.locator('.item-text').innerText();
      await page.waitForTimeout(2500); // not faster than the screening floor
      await page.keyboard.press('1');
      await page.keyboard.press('Enter');
      await page
        .getByText(new RegExp(`Last answer recorded in the ledger as #${i + 3}\\b`))
        .waitFor()
        .catch(async (cause) => {
          // Say what the page showed instead, so a failure on a busy machine explains itself.
          const shown = (await page.locator('body').innerText()).slice(0, 1500);
          throw new Error(`answer #${i + 3} was not recorded; the page shows:\n${shown}`, { cause });
        });
    }

    // The quality pass approves, a settlement round proposes the root, the next accepts it after the delay. On a
    // busy machine her two answers may be approved in different epochs: wait until both are claimable.
    await expect
      .poll(
        async () => (await api(await session('alice'), 'GET', '/api/me/rewards')).tokens[0]?.claimableWei,
        {
          timeout: 90_000,
          interval: 1000,
        },
      )
      .toBe('3000000000000000000');
    await page.goto(`${base}/earnings`);
    const claim = page.getByRole('button', { name: 'Claim with my wallet' });
    await expect.poll(() => claim.isEnabled(), { timeout: 60_000, interval: 1000 }).toBe(true);
    await server!.shot(page, '20-earnings-claimable');
    await claim.click();
    await page.getByText(/Claimed: 1 transaction confirmed/).waitFor({ timeout: 30_000 });
    await server!.shot(page, '21-claimed');
    const rewards = await api(await session('alice'), 'GET', '/api/me/rewards');
    expect(rewards.tokens[0]).toMatchObject({ claimedWei: '3000000000000000000', claimableWei: '0' });

    // One of her answers, proven against the chain.
    const history = await api(await session('alice'), 'GET', '/api/me/history');
    const answerId = history.entries[0].answerId;
    await page.goto(`${base}/verify/${answerId}`);
    await page.getByText('Verified on chain').waitFor({ timeout: 30_000 });
    await server!.shot(page, '22-verified');
    expect(errors).toEqual([]);
    await page.close();
  });
});
