import fs from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

let browser: Browser | undefined;
let base: string;

async function signInAs(page: Page, account: string) {
  await page.goto(`${base}/signin`);
  await page.getByRole('button', { name: new RegExp(`^Sign in as ${account}\\b`) }).click();
  await page.locator('.topnav').waitFor();
}

async function signOut(page: Page) {
  await page.getByRole('button', { name: 'Sign out' }).click();
  await page.getByRole('heading', { name: 'Development accounts' }).waitFor();
}

let server: E2eServer | undefined;
beforeAll(async () => {
  server = await startE2eServer({ seedDemo: false });
  base = server.base;
  browser = server.browser;
});
afterAll(() => server?.stop());

describe('the labeling loop in a browser', () => {
  it('a requester creates and fills a project, a contributor labels with the keyboard, the requester sees it', async () => {
    const page = await browser!.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    // The content security policy must not block anything the app itself does.
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) errors.push(m.text());
    });

    // The requester creates a single-choice project through the form.
    await signInAs(page, 'requester');
    await page.getByRole('link', { name: 'Projects', exact: true }).click();
    await page.getByRole('link', { name: 'New project' }).click();
    const name = `E2E sentiment ${Date.now()}`;
    await page.getByLabel('Name', { exact: true }).fill(name);
    await page.getByLabel('Description').fill('Is the sentence happy or sad?');
    await page.getByLabel('Instructions').fill('Pick Positive for happy sentences, Negative for sad ones.');
    await page.getByLabel('Answers per item (overlap)').fill('1');
    await server!.shot(page, '01-new-project');
    await page.getByRole('button', { name: 'Create project' }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    const projectUrl = page.url();

    // It imports a small JSONL file through the import panel.
    const file = path.join(server!.dir, 'items.jsonl');
    const lines = ['I love this', 'This is awful', 'What a great day'].map((text, i) =>
      JSON.stringify({ id: `s${i}`, text }),
    );
    await fs.writeFile(file, `${lines.join('\n')}\n`);
    await page.locator('input[type=file]').setInputFiles(file);
    await page.getByRole('button', { name: 'Upload' }).click();
    await page.getByText('Imported 3 items').waitFor();
    await server!.shot(page, '02-imported');

    // Paid work is offered only once the budget is in escrow: the requester funds it from the Escrow tab.
    await page.getByRole('link', { name: 'Escrow', exact: true }).click();
    await page.getByText('Not funded yet').waitFor();
    await page.getByLabel('Amount (CRV)').fill('2');
    await page.getByRole('button', { name: /^Fund/ }).click();
    await page.getByText('Funded 2 CRV').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-stat="Funded"] dd').first().textContent())
      .toMatch(/^2(\.0+)? CRV/);
    await server!.shot(page, '02b-funded');
    await signOut(page);

    // A contributor finds the task and labels one item with the keyboard.
    await signInAs(page, 'alice');
    const card = page.locator('article.task-card', { hasText: name });
    await card.getByRole('link', { name: 'Start labeling' }).click();
    await page.locator('.workspace').waitFor();
    await server!.shot(page, '03-workspace');
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText(/Last answer recorded in the ledger as #1\b/).waitFor();
    await server!.shot(page, '04-answered');
    await page.getByRole('link', { name: 'History' }).click();
    await page.locator('table').getByText(name).waitFor();
    await signOut(page);

    // The requester sees the answer in the live progress panel.
    await signInAs(page, 'requester');
    await page.goto(projectUrl);
    const answers = page.locator('[data-stat="Answers"] dd');
    await expect.poll(() => answers.textContent(), { timeout: 10_000 }).toBe('1 / 3');
    expect(await page.locator('[data-stat="Contributors"] dd').textContent()).toBe('1');
    await server!.shot(page, '05-progress');
    expect(errors).toEqual([]);
    await page.close();
  });
});
