import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

const PROJECT = 'Community bird calls';

let server: E2eServer | undefined;
let base: string;
let projectId = '';

beforeAll(async () => {
  server = await startE2eServer({ seedDemo: false });
  base = server.base;
});
afterAll(() => server?.stop());

describe('a community dataset in a browser', () => {
  it('the requester publishes from the project page and sees the shares, formula and root', async () => {
    const requester = await server!.clientAs('requester');
    const project = await requester.createProject({
      name: PROJECT,
      modality: 'text',
      taskType: 'community',
      annotation: {
        method: 'single_choice',
        config: {
          choices: [
            { value: 'bird', label: 'Bird' },
            { value: 'none', label: 'No bird' },
          ],
        },
      },
      overlap: 1,
      rewardPerItemWei: '0',
      budgetWei: '0',
    } as never);
    projectId = project.id;
    const lines = ['robin at dawn', 'wind only', 'blackbird', 'traffic'].map((text, i) =>
      JSON.stringify({ id: `b${i}`, text }),
    );
    await requester.importItems(projectId, 'jsonl', lines.join('\n'));
    // Alice answers three items, bob one; the requester's QA approves them all.
    for (const [account, n] of [
      ['alice', 3],
      ['bob', 1],
    ] as const) {
      const c = await server!.clientAs(account);
      for (let k = 0; k < n; k++) {
        const a = await c.nextAssignment(projectId);
        expect(a).not.toBeNull();
        const r = await c.submitAnswer(a!.id, { answer: { choice: 'bird' }, durationMs: 9000 });
        await requester.submitQa(r.answerId, { verdict: 'accept' });
      }
    }

    const { page, errors } = await server!.pageAs('requester');
    page.on('dialog', (d) => void d.accept());
    await page.goto(`${base}/projects/${projectId}`);
    await page.getByRole('button', { name: 'Publish dataset' }).click();
    await page.waitForURL(/\/datasets\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { name: PROJECT }).waitFor();
    const rows = page.getByTestId('dataset-shares').locator('tbody tr');
    await expect.poll(() => rows.count()).toBe(2);
    const first = await rows.nth(0).innerText();
    expect(first).toMatch(/#1/);
    expect(await page.getByTestId('dataset-size').innerText()).toMatch(/Rows\s+4/);
    await page.getByRole('heading', { name: /How shares are computed/ }).waitFor();
    expect(await page.getByTestId('dataset-root').innerText()).toMatch(/0x[0-9a-f]{64}/);
    await page.locator('svg.hbar-chart').waitFor();
    await server!.shot(page, 'd01-dataset-page');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a contributor finds it in the list and in their profile', async () => {
    const { page, errors } = await server!.pageAs('alice');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Datasets' }).click();
    await page.getByTestId('datasets').getByRole('link', { name: PROJECT }).waitFor();
    await page.goto(`${base}/profile`);
    const mine = page.getByTestId('my-datasets');
    await mine.getByRole('link', { name: PROJECT }).waitFor();
    expect(await mine.innerText()).toMatch(/%/);
    await server!.shot(page, 'd02-my-datasets');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
