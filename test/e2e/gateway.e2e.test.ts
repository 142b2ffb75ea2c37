import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Page } from 'playwright-core';
import { keccak256, stringToHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type E2eServer, startE2eServer } from '../setup/e2eServer.ts';

// The metered gateway in a browser: a model's owner connects its upstream (a local server speaking the OpenAI
// chat-completions shape) and prices it on the model's page; a buyer licenses the model, prepays calls from the
// development wallet and calls it; the owner sees the call in the usage chart.

const MODEL = 'Review sentiment model';

let server: E2eServer | undefined;
let upstream: http.Server | undefined;
let upstreamUrl = '';
let base = '';
let modelId = '';
let calls = 0;

async function shot(page: Page, name: string) {
  await server!.shot(page, `gateway-${name}`);
}

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      calls++;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          id: 'chatcmpl-e2e',
          object: 'chat.completion',
          created: 1,
          model: 'up-model',
          choices: [{ index: 0, message: { role: 'assistant', content: 'positive' }, finish_reason: 'stop' }],
          usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
        }),
      );
    });
  });
  await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;

  server = await startE2eServer({ seedDemo: false });
  base = server.base;
  const requester = await server.clientAs('requester');
  const { contracts } = await requester.chainInfo();
  const model = await requester.registerAsset({
    kind: 'model',
    name: MODEL,
    description: 'Says whether a product review is positive',
    modality: 'text',
    tags: ['sentiment'],
    contentHash: keccak256(stringToHex('sentiment weights')),
    terms: {
      commercialUse: true,
      derivativesAllowed: true,
      parentShareBps: 0,
      priceWei: '0',
      currency: contracts.token,
      durationSeconds: 0,
      attributionRequired: false,
    },
  });
  await requester.devSend(model.calls);
  await requester.syncChain();
  modelId = model.asset.id;
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await new Promise((resolve) => upstream?.close(resolve));
});

describe('the metered gateway in a browser', () => {
  it('the owner connects an upstream and prices the model on its page', async () => {
    const { page, errors } = await server!.pageAs('requester');
    await page.goto(`${base}/assets/${modelId}`);
    const panel = page.getByTestId('gateway-panel');
    await panel.getByText(/Not callable yet/).waitFor();
    await panel.getByRole('button', { name: 'Set up the gateway' }).click();
    const form = page.getByTestId('gateway-endpoint-form');
    await form.getByLabel('Upstream URL').fill(upstreamUrl);
    await form.getByLabel('Model name').fill('up-model');
    await form.getByLabel('Price per call (CRV)').fill('0.5');
    await form.getByLabel('Price per 1,000 tokens (CRV)').fill('2');
    await form.getByRole('button', { name: 'Save the endpoint' }).click();
    await panel.locator('code', { hasText: `/api/gateway/${modelId}/v1` }).waitFor();
    expect(await panel.innerText()).toMatch(/0\.5 CRV per call plus 2 CRV per 1,000 tokens/);
    await shot(page, '01-endpoint');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('a buyer licenses the model, prepays calls from the wallet and calls it; the owner sees the call', async () => {
    const bob = await server!.clientAs('bob');
    await bob.send('POST', '/api/orgs', { name: 'Bob Analytics' });
    const { page, errors } = await server!.pageAs('bob');
    await page.goto(`${base}/assets/${modelId}`);
    await page.getByRole('button', { name: /^Buy license/ }).click();
    await page.getByText(/Buy license: \d transactions? confirmed/).waitFor();
    const balance = page.getByTestId('gateway-balance');
    await balance.getByLabel('Top up').fill('5');
    await balance.getByRole('button', { name: 'Top up' }).click();
    await page.getByText(/Top up: 2 transactions confirmed/).waitFor();
    await expect.poll(async () => balance.innerText()).toMatch(/available\s*5 CRV/i);
    await shot(page, '02-prepaid');

    const reply = await bob.send('POST', `/api/gateway/${modelId}/v1/chat/completions`, {
      messages: [{ role: 'user', content: 'The parcel came early and intact.' }],
      max_tokens: 16,
    });
    const body = (await reply.json()) as { choices: { message: { content: string } }[] };
    expect(body.choices[0]!.message.content).toBe('positive');
    expect(calls).toBe(1);
    // 0.5 + 15 tokens × 2 / 1000 = 0.53 CRV spent of 5
    await page.reload();
    await expect.poll(async () => balance.innerText()).toMatch(/spent\s*0\.53 CRV/i);

    // The caller's own calls, with the signed receipt checked in the browser.
    await page.goto(`${base}/market/mine`);
    const callList = page.getByTestId('gateway-calls');
    const call = callList.getByRole('row').filter({ hasText: MODEL });
    await call.waitFor();
    expect(await call.innerText()).toMatch(/\bok\b/i);
    expect(await call.innerText()).toMatch(/0\.53 CRV/);
    await call.getByRole('button', { name: 'Receipt' }).click();
    await callList.getByRole('button', { name: 'Verify' }).click();
    await callList.getByText(/Signature verified: signed by 0x[0-9a-fA-F]{40}/).waitFor();
    await shot(page, '04-calls');
    expect(errors).toEqual([]);
    await page.context().close();

    const owner = await server!.pageAs('requester');
    await owner.page.goto(`${base}/assets/${modelId}`);
    const usage = owner.page.getByRole('region', { name: 'Gateway usage' });
    await usage.waitFor();
    await expect.poll(async () => usage.innerText()).toMatch(/1 call in 30 days/);
    expect(await usage.innerText()).toMatch(/0\.53 CRV revenue in 30 days/);
    await shot(owner.page, '03-usage');
    expect(owner.errors).toEqual([]);
    await owner.page.context().close();
  });
});
