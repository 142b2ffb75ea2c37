import type { Page } from 'playwright-core';
import { keccak256, stringToHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

// The marketplace in a browser: the requester registers a community dataset from its page (a model is already
// registered from their wallet), a buyer browses and filters the marketplace, opens the dataset, buys a license
// with the development wallet and finds it under My purchases; the co-owners see what they can claim.

const DATASET = 'Market bird calls';
const MODEL = 'Bird call classifier';
const AGENT = 'Dawn chorus agent';

let server: E2eServer | undefined;
let base: string;

/** Saves a screenshot where the brief asks for it and beside the others. */
async function shot(page: Page, name: string) {
  await page.screenshot({ path: `/tmp/market-${name}.png`, fullPage: true });
  await server!.shot(page, `market-${name}`);
}

let datasetId = '';
let modelId = '';

beforeAll(async () => {
  server = await startE2eServer({ seedDemo: false });
  base = server.base;

  const requester = await server!.clientAs('requester');
  const { contracts } = await requester.chainInfo();
  const model = await requester.registerAsset({
    kind: 'model',
    name: MODEL,
    description: 'Tells bird calls from noise',
    modality: 'audio',
    tags: ['birds'],
    contentHash: keccak256(stringToHex('bird model weights')),
    terms: {
      commercialUse: false,
      derivativesAllowed: true,
      parentShareBps: 0,
      priceWei: '5000000000000000000',
      currency: contracts.token,
      durationSeconds: 30 * 86_400,
      attributionRequired: true,
    },
  });
  await requester.devSend(model.calls);
  await requester.syncChain();
  const agent = await requester.registerAsset({
    kind: 'agent',
    name: AGENT,
    modality: 'audio',
    contentHash: keccak256(stringToHex('bird agent')),
    terms: {
      commercialUse: false,
      derivativesAllowed: false,
      parentShareBps: 1500,
      priceWei: '0',
      currency: contracts.token,
      durationSeconds: 0,
      attributionRequired: false,
    },
    parents: [{ assetId: model.asset.id, relation: 'fine_tuned_from' }],
  });
  await requester.devSend(agent.calls);
  await requester.syncChain();
  modelId = model.asset.id;

  const project = await requester.createProject({
    name: DATASET,
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
  const lines = ['robin at dawn', 'wind only', 'blackbird', 'traffic'].map((text, i) =>
    JSON.stringify({ id: `b${i}`, text }),
  );
  await requester.importItems(project.id, 'jsonl', lines.join('\n'));
  for (const [account, n] of [
    ['alice', 3],
    ['bob', 1],
  ] as const) {
    const c = await server!.clientAs(account);
    for (let k = 0; k < n; k++) {
      const a = await c.nextAssignment(project.id);
      expect(a).not.toBeNull();
      const r = await c.submitAnswer(a!.id, { answer: { choice: 'bird' }, durationMs: 9000 });
      await requester.submitQa(r.answerId, { verdict: 'accept' });
    }
  }
  datasetId = (await requester.publishDataset(project.id)).id;
});
afterAll(() => server?.stop());

describe('the marketplace in a browser', () => {
  it('the requester registers the published dataset from its page', async () => {
    const { page, errors } = await server!.pageAs('requester');
    await page.goto(`${base}/datasets/${datasetId}`);
    await page.getByRole('button', { name: 'Register on the marketplace' }).click();
    const form = page.getByRole('form', { name: 'Register on the marketplace' });
    await form.getByLabel('Price (CRV)').fill('12');
    await form.getByLabel('Duration (days)').fill('0');
    // The form lists the registered assets as parents; a dataset starts as derived from the one ticked.
    const parents = form.getByRole('group', { name: 'Parents (what it came from)' });
    await parents.getByLabel(AGENT, { exact: true }).waitFor();
    await parents.getByLabel(MODEL, { exact: true }).check();
    expect(await parents.getByLabel(`How it came from ${MODEL}`).inputValue()).toBe('derived_from');
    await form.getByRole('button', { name: 'Register' }).click();
    await page.getByRole('link', { name: 'open its page' }).click();
    await page.getByRole('heading', { name: DATASET }).waitFor();
    expect(await page.getByTestId('asset-terms').innerText()).toMatch(/costs 12 CRV[\s\S]*never ends/);
    const lineage = await page.getByTestId('lineage-graph').textContent();
    expect(lineage).toContain(MODEL);
    expect(lineage).toContain('derived from');
    await shot(page, '01-registered');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a buyer browses, filters, opens the dataset, buys a license and finds it in My purchases', async () => {
    const { page, errors } = await server!.pageAs('reviewer');
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Market' }).click();
    const cards = page.getByTestId('asset-card');
    await expect.poll(() => cards.count()).toBe(3);
    await shot(page, '02-browse');

    await page.getByRole('form', { name: 'Filter the marketplace' }).getByLabel('Type').selectOption('model');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain(MODEL);
    await page.getByRole('form', { name: 'Filter the marketplace' }).getByLabel('Type').selectOption('');
    await page
      .getByRole('form', { name: 'Filter the marketplace' })
      .getByLabel('License')
      .selectOption('commercial');
    await expect.poll(() => cards.count()).toBe(1);
    expect(await cards.first().innerText()).toContain(DATASET);
    await page.getByLabel('Search by name or tag').fill('nothing like this');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByRole('heading', { name: 'Nothing matches these filters' }).waitFor();
    await shot(page, '03-empty');
    await page.getByRole('link', { name: 'Clear the filters' }).click();
    await expect.poll(() => cards.count()).toBe(3);

    // The model's page draws its lineage: the agent fine-tuned from it.
    await page.goto(`${base}/assets/${modelId}`);
    const graph = page.getByTestId('lineage-graph');
    await graph.waitFor();
    const drawn = await graph.textContent();
    expect(drawn).toContain(AGENT);
    expect(drawn).toContain('fine-tuned from');
    await shot(page, '03b-lineage');
    await page.goto(`${base}/market`);

    await page.getByRole('link', { name: DATASET }).click();
    await page.getByRole('heading', { name: DATASET }).waitFor();
    await page.getByTestId('sample-rows').waitFor();
    expect(await page.getByTestId('asset-owners').locator('tbody tr').count()).toBe(2);
    await page.getByRole('button', { name: /^Buy license/ }).click();
    await page.getByText(/Buy license: 2 transactions confirmed/).waitFor();
    await page.getByTestId('license-state').waitFor();
    expect(await page.getByTestId('license-state').innerText()).toMatch(/never ends/);
    await page.getByTestId('download').waitFor();
    await shot(page, '04-bought');

    await page.goto(`${base}/market/mine`);
    const purchases = page.getByTestId('purchases');
    await purchases.getByRole('link', { name: DATASET }).waitFor();
    expect(await purchases.innerText()).toMatch(/12 CRV[\s\S]*never ends[\s\S]*active/);
    await shot(page, '05-purchases');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a co-owner sees the sale in My earnings and claims it', async () => {
    const { page, errors } = await server!.pageAs('alice');
    await page.goto(`${base}/market/mine`);
    const earnings = page.getByTestId('earnings');
    await earnings.getByRole('link', { name: DATASET }).waitFor();
    expect(await earnings.innerText()).toMatch(/co-owner/);
    await earnings.getByRole('button', { name: 'Claim' }).click();
    await page.getByText(/Claim: 1 transaction confirmed/).waitFor();
    await expect.poll(async () => earnings.getByRole('button', { name: 'Claim' }).count()).toBe(0);
    await shot(page, '06-claimed');
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
