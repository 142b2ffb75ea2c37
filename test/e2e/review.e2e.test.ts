import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

/** A free-text project: its flagged answers go to review without waiting for a consensus, and it has no gold. */
const PROJECT = 'Write a better product title';
const TITLES = [
  'Wireless Bluetooth 5.3 earbuds, black',
  'Kids’ waterproof rain boots, yellow, size 10',
  'Insulated stainless steel water bottle, 1 L, BPA-free',
];

let _base: string;
let projectId = '';

/** A page of its own (own cookies) signed in as a development account; page errors fail the test. */
function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

/** Waits until the review on screen is another one than `id` (or the loop says nothing is left). */
async function nextReviewAfter(page: Page, id: string | null) {
  await page.waitForFunction((old) => {
    const now = document.querySelector('[data-review]')?.getAttribute('data-review');
    return (now && now !== old) || document.body.textContent?.includes('Nothing left to review');
  }, id);
}

let server: E2eServer | undefined;
beforeAll(async () => {
  server = await startE2eServer({ seedDemo: true });
  _base = server.base;
});
afterAll(() => server?.stop());

// The tests run in order: the answers put into review are what the reviewer judges and the requester samples.
describe('peer review and QA sampling in a browser', () => {
  it('answers given too fast go to review after the quality pass', async () => {
    const requester = await server!.clientAs('requester');
    const project = (await requester.listProjects()).projects.find((p) => p.name === PROJECT);
    expect(project).toBeDefined();
    projectId = project!.id;

    // Answered the moment they are leased: under the method's floor, so screening flags them.
    const alice = await server!.clientAs('alice');
    for (const text of TITLES) {
      const assignment = await alice.nextAssignment(projectId);
      expect(assignment).not.toBeNull();
      await alice.submitAnswer(assignment!.id, { answer: { text }, durationMs: 300 });
    }
    await requester.runQuality(projectId);

    const reviewer = await server!.clientAs('reviewer');
    await expect
      .poll(
        async () => (await reviewer.reviewQueue()).projects.find((p) => p.projectId === projectId)?.waiting,
        {
          timeout: 15_000,
        },
      )
      .toBe(TITLES.length);
  });

  it('a contributor below the bar sees who may review', async () => {
    const { page, errors } = await server!.pageAs('bob');
    await nav(page).getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(/\/review$/);
    await page.getByRole('heading', { name: 'No projects for you to review yet' }).waitFor();
    await page.getByText(/minimum level and a measured accuracy/).waitFor();
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a reviewer approves with A, rejects with R and a reason number, and runs out of answers', async () => {
    const { page, errors } = await server!.pageAs('reviewer');
    await nav(page).getByRole('link', { name: 'Review' }).click();
    await page.waitForURL(/\/review$/);
    const card = page.getByTestId('review-project').filter({ hasText: PROJECT });
    await card.getByText(`${TITLES.length} answers`).waitFor();
    await server!.shot(page, 'v01-review-queue');
    await card.getByRole('link', { name: `Review ${PROJECT}` }).click();
    await page.waitForURL(new RegExp(`/review/${projectId}$`));

    // Blind, with why it is here: the screening verdict that flagged it.
    const task = page.locator('[data-review]');
    await task.waitFor();
    await page.getByTestId('review-why').getByText('Too fast').waitFor();
    expect(await page.getByText(/Reviews are blind/).count()).toBe(1);
    await page.locator('.countdown').waitFor();
    await server!.shot(page, 'v02-review-task');

    let id = await task.getAttribute('data-review');
    await page.keyboard.press('a');
    await nextReviewAfter(page, id);
    await page.getByText('Last review: approved').waitFor();

    id = await task.getAttribute('data-review');
    await page.keyboard.press('r');
    const dialog = page.getByRole('dialog', { name: 'Reject this answer?' });
    await dialog.waitFor();
    await page.keyboard.press('2');
    expect(await dialog.getByRole('radio', { name: /Incomplete/ }).isChecked()).toBe(true);
    await server!.shot(page, 'v03-reject-reason');
    await page.keyboard.press('Enter');
    await nextReviewAfter(page, id);
    await page.getByText('Last review: rejected').waitFor();

    // F opens the method's workspace on the answer itself; Esc goes back without a verdict.
    await page.keyboard.press('f');
    const fix = page.getByRole('region', { name: 'Fix the answer' });
    await fix.waitFor();
    expect((await fix.locator('textarea').inputValue()).length).toBeGreaterThan(10);
    await fix.locator('textarea').blur();
    await page.keyboard.press('Escape');
    await fix.waitFor({ state: 'detached' });

    id = await task.getAttribute('data-review');
    await page.keyboard.press('a');
    await nextReviewAfter(page, id);
    await page.getByRole('heading', { name: 'Nothing left to review' }).waitFor();
    await page.getByText(/You reviewed 3 answers in this session/).waitFor();
    await server!.shot(page, 'v04-nothing-left');

    // The queue counts the reviews done.
    await page.getByRole('link', { name: 'Back to the review queue' }).click();
    await expect.poll(() => page.getByTestId('review-stats').locator('dd').first().textContent()).toBe('3');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a requester draws a QA sample and rejects an answer', async () => {
    const { page, errors } = await server!.pageAs('requester');
    await nav(page).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: PROJECT }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('link', { name: 'QA' })
      .click();
    await page.waitForURL(/\?tab=qa$/);

    const tab = page.getByTestId('qa-tab');
    await tab.getByLabel('Sample size').selectOption('10');
    await tab.getByRole('button', { name: 'Draw a sample' }).click();
    const cards = page.getByTestId('qa-card');
    await expect.poll(() => cards.count()).toBe(TITLES.length);
    const counts = page.getByTestId('qa-counts');
    expect(await counts.locator('.stat', { hasText: 'Decided' }).locator('dd').textContent()).toBe('3');
    // The reviewer's rejection is there with its reason code, and QA is not blind.
    await cards.filter({ hasText: 'Rejected in review (incomplete)' }).waitFor();
    expect(await cards.first().getByRole('link', { name: /^0x/ }).count()).toBe(1);

    // J moves to the second card, R rejects it; the card shows the status the server answered.
    await page.keyboard.press('j');
    await expect.poll(() => cards.nth(1).getAttribute('aria-current')).toBe('true');
    await page.keyboard.press('r');
    await cards.nth(1).getByTestId('qa-checked').waitFor();
    expect(await cards.nth(1).getAttribute('data-status')).toBe('rejected');
    expect(await cards.nth(1).getByTestId('qa-status').textContent()).toBe('rejected');
    await server!.shot(page, 'v05-qa-rejected');

    // A checked answer is not sampled again.
    await tab.getByRole('button', { name: 'Draw a new sample' }).click();
    await expect.poll(() => cards.count()).toBe(TITLES.length - 1);
    expect(await counts.locator('.stat', { hasText: 'Already checked' }).locator('dd').textContent()).toMatch(
      /^1\b/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
