import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

const PROJECT = 'Movie review sentiment';

let _base: string;

/** A page of its own (own cookies) signed in as a development account; page errors fail the test. */
function nav(page: Page) {
  return page.getByRole('navigation', { name: 'Main' });
}

let server: E2eServer | undefined;
beforeAll(async () => {
  server = await startE2eServer({ seedDemo: true });
  _base = server.base;
});
afterAll(() => server?.stop());

// The tests run in order: alice's answer is what the requester's dashboard then shows.
describe('quality and progress pages in a browser', () => {
  it('a contributor labels an item, checks in on her profile, and finds herself on the leaderboard', async () => {
    const { page, errors } = await server!.pageAs('alice');
    expect(await nav(page).getByRole('link', { name: 'Flags' }).count()).toBe(0);

    const card = page.locator('article.task-card', { hasText: PROJECT });
    await card.getByRole('link', { name: 'Start labeling' }).click();
    await page.locator('.workspace').waitFor();
    await page.keyboard.press('1');
    await page.keyboard.press('Enter');
    await page.getByText(/Last answer recorded in the ledger as #\d+/).waitFor();

    await nav(page).getByRole('link', { name: 'Profile' }).click();
    await page.getByRole('heading', { name: 'Your profile' }).waitFor();
    await page.getByTestId('profile-level').waitFor();
    await page.getByRole('button', { name: 'Check in for today' }).click();
    const checkedIn = page.getByRole('button', { name: /Checked in today/ });
    await checkedIn.waitFor();
    expect(await checkedIn.isDisabled()).toBe(true);
    await server!.shot(page, 'q01-profile-checked-in');

    // The server remembers it: a fresh load still says so.
    await page.reload();
    await page.getByRole('button', { name: /Checked in today/ }).waitFor();
    const xp = Number((await page.locator('.level-xp strong').textContent())?.replace(/\D/g, ''));

    await nav(page).getByRole('link', { name: 'Leaderboard' }).click();
    await page.getByRole('heading', { name: 'Leaderboard' }).waitFor();
    await page.locator('[data-testid="leaderboard"], .empty').first().waitFor();
    // Only contributors with XP are ranked; when alice has some, her row is the highlighted one.
    if (xp > 0) await expect.poll(() => page.locator('tr.me').count()).toBe(1);
    await server!.shot(page, 'q02-leaderboard');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a requester opens the Quality section, runs a pass and edits the settings', async () => {
    const { page, errors } = await server!.pageAs('requester');
    await nav(page).getByRole('link', { name: 'Projects' }).click();
    await page.getByRole('link', { name: PROJECT }).click();
    await page.waitForURL(/\/projects\/[0-9a-f-]{36}$/);
    await page
      .getByRole('navigation', { name: 'Project sections' })
      .getByRole('link', { name: 'Quality' })
      .click();
    await page.waitForURL(/\?tab=quality$/);

    // alice's answer is on the dashboard: in the status bar and as a contributor row.
    const tab = page.getByTestId('quality-tab');
    await tab.waitFor();
    const table = page.getByTestId('contributor-table');
    await table.waitFor();
    expect(await table.locator('tbody tr').count()).toBe(1);
    await expect.poll(() => tab.locator('[data-stat="Agreement"]').count()).toBe(1);
    expect(await tab.locator('.stacked [data-segment]').count()).toBe(4);
    await tab.locator('[data-testid="labels-table"], .empty').first().waitFor();

    await page.getByRole('button', { name: 'Run quality pass now' }).click();
    await page.getByTestId('quality-run-result').waitFor();

    // Sorting by a column header flips its order.
    const answers = table.getByRole('columnheader', { name: /Answers/ });
    expect(await answers.getAttribute('aria-sort')).toBe('descending');
    await answers.getByRole('button').click();
    await expect.poll(() => answers.getAttribute('aria-sort')).toBe('ascending');

    // A setting the schema refuses is shown at its field; a good one saves.
    const settings = page.getByRole('region', { name: 'Quality settings' });
    await settings.getByLabel(/^Max overlap/).fill('1');
    await settings.getByLabel(/^Min answers/).fill('2');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText('minAnswers cannot exceed maxOverlap').waitFor();
    await settings.getByLabel(/^Max overlap/).fill('6');
    await settings.getByLabel(/^Confidence/).fill('0.95');
    await settings.getByRole('button', { name: 'Save settings' }).click();
    await settings.getByText(/^Saved\./).waitFor();
    await server!.shot(page, 'q03-quality');

    // The saved settings are what the server now holds.
    await page.reload();
    await expect.poll(() => settings.getByLabel(/^Confidence/).inputValue()).toBe('0.95');
    expect(await settings.getByLabel(/^Max overlap/).inputValue()).toBe('6');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('an admin finds the Flags page in the nav and sees that nothing is open', async () => {
    const { page, errors } = await server!.pageAs('admin');
    await nav(page).getByRole('link', { name: 'Flags' }).click();
    await page.waitForURL(/\/admin\/flags$/);
    await page.getByRole('heading', { name: 'Spam flags' }).waitFor();
    await page.getByRole('heading', { name: 'No open flags' }).waitFor();
    await page.getByRole('link', { name: 'All', exact: true }).click();
    await page.waitForURL(/status=all$/);
    await server!.shot(page, 'q04-admin-flags');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
