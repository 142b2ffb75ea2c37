import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { type Address, type Hex, hexToBytes, sha256, stringToBytes, verifyMessage } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ANVIL_OPERATOR_KEY } from '../../src/chain/chainClients.ts';
import { openAiCompatibleUpstream } from '../../src/gateway/openAiCompatibleUpstream.ts';
import { operatorReceiptSigner } from '../../src/gateway/operatorReceiptSigner.ts';
import type { ProjectId, UserId } from '../../src/shared/brand.ts';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// The metered gateway on a real database and anvil: a model trained on a published community dataset, its
// upstream a local chat-completions server; licensed, prepaid, metered, and settled through the distributor.

type Seen = { url: string; headers: http.IncomingHttpHeaders; body: string };
let reply: () => { status: number; body: string };
const seen: Seen[] = [];
let upstream: http.Server;
let upstreamUrl: string;

const PROMPT_TOKENS = 40;
const COMPLETION_TOKENS = 60;
const completion = JSON.stringify({
  id: 'chatcmpl-gw',
  object: 'chat.completion',
  created: 1,
  model: 'up-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'positive' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: PROMPT_TOKENS, completion_tokens: COMPLETION_TOKENS, total_tokens: 100 },
});

let t: TestApp;
let requester: string;
let admin: string;
let alice: string;
let bob: string;
let reviewer: string;
let dana: { cookie: string; id: string; address: string };
let token: Address;
let datasetAssetId: string;
let modelId: string;
let aliceKey: string;
const devAddress = (name: string) => listDevAccounts().find((a) => a.name === name)!.address;

const PRICE_PER_CALL = 1000n;
const PRICE_PER_1K = 7000n;
// 1000 + ceil(100 tokens × 7000 / 1000)
const COST = 1700n;

beforeAll(async () => {
  upstream = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      seen.push({ url: req.url ?? '', headers: req.headers, body });
      const r = reply();
      res.writeHead(r.status, { 'content-type': 'application/json' });
      res.end(r.body);
    });
  });
  await new Promise<void>((resolve) => upstream.listen(0, '127.0.0.1', resolve));
  upstreamUrl = `http://127.0.0.1:${(upstream.address() as AddressInfo).port}/v1`;
  reply = () => ({ status: 200, body: completion });

  t = await testApp({ chain: true });
  // The local chain's operator signs receipts, as the server wires it (src/main/server.ts).
  t.deps.receiptSigner = operatorReceiptSigner(ANVIL_OPERATOR_KEY);
  token = t.chain!.chain.contracts.token;
  requester = await t.signIn('requester');
  admin = await t.signIn('admin');
  alice = await t.signIn('alice');
  bob = await t.signIn('bob');
  reviewer = await t.signIn('reviewer');
  dana = await t.signInNew('gw-dana');
}, 120_000);
afterAll(async () => {
  await t?.close();
  upstream.closeAllConnections();
  await new Promise((resolve) => upstream.close(resolve));
});

async function send(cookie: string, calls: { to: string; data: string }[]) {
  const r = await t.call('POST', '/api/wallet/dev/send', { cookie, body: { calls } });
  expect(r.status, r.text).toBe(200);
  expect(
    r.json.txs.every((x: { status: string }) => x.status === 'success'),
    r.text,
  ).toBe(true);
}

const terms = (priceWei: string) => ({
  commercialUse: true,
  derivativesAllowed: true,
  parentShareBps: 0,
  priceWei,
  currency: token,
  durationSeconds: 0,
  attributionRequired: false,
});

/** Co-owners by address: weight, and reviews counted in the shares. */
const SHARES = () => [
  { account: devAddress('bob'), weight: 3n, reviews: 0 },
  { account: devAddress('reviewer'), weight: 1n, reviews: 3 },
  { account: dana.address, weight: 1n, reviews: 1 },
];

/** A published community dataset with the given shares (through the store: the shares are what matters here). */
async function publishDataset(): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({
      name: 'Gateway corpus',
      taskType: 'community',
      rewardPerItemWei: '0',
      budgetWei: '0',
    }),
  });
  expect(created.status, created.text).toBe(201);
  const me = (await t.call('GET', '/api/me', { cookie: requester })).json;
  const shares = SHARES();
  const tree = StandardMerkleTree.of(
    shares.map((s) => [s.account, s.weight]),
    ['address', 'uint256'],
  );
  const total = shares.reduce((s, x) => s + x.weight, 0n);
  const dataset = await t.deps.datasets.publish({
    projectId: created.json.id as ProjectId,
    orgId: me.orgs[0].id,
    name: 'Gateway corpus',
    description: 'Labelled sentiment',
    licenseSummary: 'CC BY 4.0',
    publishedAt: t.clock.now(),
    rowCount: 10,
    answerCount: 20,
    reviewCount: 4,
    contributorCount: 3,
    shareRoot: tree.root as Hex,
    totalWeight: total,
    formulaVersion: 1,
    publishedBy: me.id as UserId,
    shares: shares.map((s, i) => ({
      account: s.account,
      weight: s.weight,
      sharePpm: (s.weight * 1_000_000n) / total,
      answersCounted: Number(s.weight),
      reviewsCounted: s.reviews,
      accuracyPpm: 900_000,
      proof: new Uint8Array(tree.getProof(i).flatMap((h) => [...hexToBytes(h as Hex)])),
    })),
  });
  expect(dataset).not.toBeNull();
  const registered = await t.call('POST', `/api/datasets/${dataset!.id}/register`, {
    cookie: requester,
    body: { terms: terms('0'), tags: [], parents: [] },
  });
  expect(registered.status, registered.text).toBe(200);
  return registered.json.asset.id;
}

const chat = (init: { apiKey?: string; cookie?: string }, body: Record<string, unknown> = {}) =>
  t.call('POST', `/api/gateway/${modelId}/v1/chat/completions`, {
    ...init,
    body: { messages: [{ role: 'user', content: 'Is "good morning" positive?' }], ...body },
  });
const balance = async (cookie = alice) => {
  const r = await t.call('GET', '/api/gateway/balance', { cookie });
  expect(r.status, r.text).toBe(200);
  return r.json;
};
const platformRewards = async (cookie: string) => {
  const r = await t.call('GET', '/api/me/rewards', { cookie });
  expect(r.status, r.text).toBe(200);
  return r.json.tokens.find((x: { role: string }) => x.role === 'platform');
};

describe('the metered gateway', () => {
  it('registers a model trained on a published community dataset and sets its endpoint', async () => {
    datasetAssetId = await publishDataset();
    const registered = await t.call('POST', '/api/assets', {
      cookie: requester,
      body: {
        kind: 'model',
        name: 'Gateway sentiment model',
        modality: 'text',
        contentHash: `0x${'ab'.repeat(32)}`,
        terms: terms('5000'),
        parents: [{ assetId: datasetAssetId, relation: 'trained_on' }],
      },
    });
    expect(registered.status, registered.text).toBe(201);
    modelId = registered.json.asset.id;
    await send(requester, registered.json.calls);

    const endpoint = {
      url: upstreamUrl,
      apiKey: 'sk-up-secret-42',
      model: 'up-model',
      pricePerCallWei: PRICE_PER_CALL.toString(),
      pricePer1kTokensWei: PRICE_PER_1K.toString(),
      split: { developerBps: 5000, dataProvidersBps: 3000, validatorsBps: 2000 },
    };
    const stranger = await t.call('PUT', `/api/assets/${modelId}/endpoint`, {
      cookie: alice,
      body: endpoint,
    });
    expect(stranger.status).toBe(403);
    const badSplit = await t.call('PUT', `/api/assets/${modelId}/endpoint`, {
      cookie: requester,
      body: { ...endpoint, split: { developerBps: 5000, dataProvidersBps: 3000, validatorsBps: 1000 } },
    });
    expect(badSplit.status).toBe(400);
    expect(badSplit.json.error.message).toMatch(/add up to 10000/);
    // A server without development wallets refuses upstreams on this machine or a private network.
    const lenient = t.deps.upstream;
    t.deps.upstream = openAiCompatibleUpstream();
    const loopback = await t.call('PUT', `/api/assets/${modelId}/endpoint`, {
      cookie: requester,
      body: endpoint,
    });
    t.deps.upstream = lenient;
    expect(loopback.status).toBe(400);
    expect(loopback.json.error.message).toMatch(/private network/);

    const set = await t.call('PUT', `/api/assets/${modelId}/endpoint`, { cookie: requester, body: endpoint });
    expect(set.status, set.text).toBe(200);
    expect(set.json).toMatchObject({
      baseUrl: `/api/gateway/${modelId}/v1`,
      model: 'up-model',
      currency: token,
      pricePerCallWei: '1000',
      upstream: { url: upstreamUrl, hasApiKey: true },
    });
    const seenByAlice = await t.call('GET', `/api/assets/${modelId}/endpoint`, { cookie: alice });
    expect(seenByAlice.status).toBe(200);
    expect(seenByAlice.json.upstream).toBeNull();
    expect(set.text + seenByAlice.text).not.toContain('sk-up-secret-42');
    const stored = await t.db.query('select endpoint_url from assets where id = $1', [modelId]);
    expect(stored.rows[0].endpoint_url).toBe(`/api/gateway/${modelId}/v1`);
  });

  it('refuses a caller without a license, saying how to buy one', async () => {
    const org = await t.call('POST', '/api/orgs', { cookie: alice, body: { name: 'Alice Labs' } });
    expect(org.status, org.text).toBe(201);
    const key = await t.call('POST', `/api/orgs/${org.json.id}/api-keys`, {
      cookie: alice,
      body: { name: 'sdk' },
    });
    expect(key.status, key.text).toBe(201);
    aliceKey = key.json.key;
    const r = await chat({ apiKey: aliceKey });
    expect(r.status).toBe(402);
    expect(r.json.error.code).toBe('LICENSE_REQUIRED');
    expect(r.json.error.message).toMatch(/purchase-calls/);
    expect(seen).toHaveLength(0);
  });

  it('refuses a licensed caller whose prepaid budget cannot cover the worst case, saying how to top up', async () => {
    const buy = await t.call('POST', `/api/assets/${modelId}/purchase-calls`, { cookie: alice });
    expect(buy.status, buy.text).toBe(200);
    await send(alice, buy.json.calls);
    const r = await chat({ apiKey: aliceKey });
    expect(r.status).toBe(402);
    expect(r.json.error.code).toBe('INSUFFICIENT_BALANCE');
    expect(r.json.error.message).toMatch(/fund-calls/);
    expect(r.json.error.details.availableWei).toBe('0');
    expect(seen).toHaveLength(0);
  });

  it('passes the upstream’s reply back, metered at the right cost, with a signed receipt', async () => {
    const funding = await t.call('POST', '/api/gateway/fund-calls', {
      cookie: alice,
      body: { amountWei: '100000' },
    });
    expect(funding.status, funding.text).toBe(200);
    expect(funding.json.calls.map((c: { label: string }) => c.label)).toEqual([
      'approve the transfer',
      'prepay gateway calls',
    ]);
    await send(alice, funding.json.calls);
    expect(await balance()).toMatchObject({
      prepaidWei: '100000',
      spentWei: '0',
      availableWei: '100000',
      symbol: 'CRV',
    });

    const streamed = await chat({ apiKey: aliceKey }, { stream: true });
    expect(streamed.status).toBe(400);
    expect(streamed.json.error.message).toMatch(/stream: true is not supported/);
    // The worst case of a call asking for 100,000 tokens is more than the budget.
    expect((await chat({ apiKey: aliceKey }, { max_tokens: 100_000 })).json.error.code).toBe(
      'INSUFFICIENT_BALANCE',
    );

    const r = await chat({ apiKey: aliceKey }, { model: 'anything', temperature: 0 });
    expect(r.status, r.text).toBe(200);
    expect(r.text).toBe(completion);
    expect(seen).toHaveLength(1);
    expect(seen[0]!.url).toBe('/v1/chat/completions');
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-up-secret-42');
    expect(JSON.parse(seen[0]!.body)).toEqual({
      model: 'up-model',
      messages: [{ role: 'user', content: 'Is "good morning" positive?' }],
      temperature: 0,
      max_tokens: 1024,
    });
    const callId = r.headers.get('x-caravan-call-id')!;
    expect(r.headers.get('x-caravan-cost-wei')).toBe(COST.toString());
    const receipt = Buffer.from(r.headers.get('x-caravan-receipt')!, 'base64').toString('utf8');
    expect(JSON.parse(receipt)).toMatchObject({
      callId,
      assetId: modelId,
      caller: devAddress('alice'),
      promptTokens: PROMPT_TOKENS,
      completionTokens: COMPLETION_TOKENS,
      costWei: COST.toString(),
      requestSha256: sha256(stringToBytes(seen[0]!.body)),
      responseSha256: sha256(stringToBytes(r.text)),
    });
    const operator = t.chain!.chain.operator;
    expect(r.headers.get('x-caravan-receipt-signer')).toBe(operator);
    expect(
      await verifyMessage({
        address: operator,
        message: receipt,
        signature: r.headers.get('x-caravan-receipt-signature') as Hex,
      }),
    ).toBe(true);
    expect(
      await verifyMessage({
        address: operator,
        message: receipt.replace(`"costWei":"${COST}"`, '"costWei":"1"'),
        signature: r.headers.get('x-caravan-receipt-signature') as Hex,
      }),
    ).toBe(false);

    const row = (await t.db.query('select * from gateway_calls where id = $1', [callId])).rows[0];
    expect(row).toMatchObject({
      status: 'ok',
      prompt_tokens: PROMPT_TOKENS,
      completion_tokens: COMPLETION_TOKENS,
      cost_wei: COST.toString(),
      receipt,
    });
    expect(row.api_key_id).not.toBeNull();
    expect(await balance()).toMatchObject({
      spentWei: COST.toString(),
      availableWei: (100000n - COST).toString(),
    });
  });

  it('answers 502 when the upstream fails, and charges nothing', async () => {
    reply = () => ({ status: 500, body: JSON.stringify({ error: { message: 'model overloaded' } }) });
    const r = await chat({ cookie: alice });
    reply = () => ({ status: 200, body: completion });
    expect(r.status).toBe(502);
    expect(r.json.error.code).toBe('UPSTREAM_FAILED');
    expect(r.json.error.message).toMatch(/answered 500.*model overloaded.*Nothing was charged/);
    expect(r.text).not.toContain('sk-up-secret-42');
    expect(await balance()).toMatchObject({ spentWei: COST.toString(), reservedWei: '0' });

    const calls = await t.call('GET', '/api/me/gateway-calls?limit=1', { cookie: alice });
    expect(calls.status, calls.text).toBe(200);
    expect(calls.json.calls).toHaveLength(1);
    expect(calls.json.calls[0]).toMatchObject({ status: 'failed', costWei: '0', viaApiKey: false });
    const older = await t.call('GET', `/api/me/gateway-calls?limit=1&cursor=${calls.json.nextCursor}`, {
      cookie: alice,
    });
    expect(older.json.calls[0]).toMatchObject({ status: 'ok', costWei: COST.toString(), viaApiKey: true });

    const usage = await t.call('GET', `/api/assets/${modelId}/usage`, { cookie: requester });
    expect(usage.status, usage.text).toBe(200);
    expect(usage.json.totals).toEqual({ calls: 1, tokens: 100, revenueWei: COST.toString() });
    expect(usage.json.days).toEqual([expect.objectContaining({ calls: 1, failedCalls: 1 })]);
    expect((await t.call('GET', `/api/assets/${modelId}/usage`, { cookie: alice })).status).toBe(403);
  });

  it('settles the cost once: the developer, data providers and validators claim exactly their splits', async () => {
    // Providers floor(1700 × 3000 / 10000) = 510 by weight 3:1:1; validators 340 by reviews 0:3:1; the rest (850)
    // to the developer.
    const expected = { requester: 850n, bob: 306n, reviewer: 102n + 255n, dana: 102n + 85n };
    expect(Object.values(expected).reduce((a, b) => a + b, 0n)).toBe(COST);
    const accruals = await t.db.query(
      `select source, amount_wei::text as amount from accruals where budget_id is not null order by source`,
    );
    expect(accruals.rows).toHaveLength(4);
    expect(accruals.rows.every((x) => /^gateway:[0-9a-f-]{36}:[0-9a-f-]{36}$/.test(x.source))).toBe(true);

    const run = async () => {
      const r = await t.call('POST', '/api/admin/settlement/run', { cookie: admin });
      expect(r.status, r.text).toBe(200);
      return r.json;
    };
    expect((await run()).step).toBe('proposed');
    await t.chain!.increaseTime(3601);
    expect((await run()).step).toBe('accepted');
    expect(await balance()).toMatchObject({ releasedWei: COST.toString() });

    const cookies = { requester, bob, reviewer, dana: dana.cookie };
    for (const [who, wei] of Object.entries(expected))
      expect(await platformRewards(cookies[who as keyof typeof cookies]), who).toMatchObject({
        claimableWei: wei.toString(),
      });

    const chain = t.chain!.chain;
    const bobBefore = await chain.tokenBalance(token, devAddress('bob'));
    const claim = await t.call('POST', '/api/me/rewards/claim-calls', { cookie: bob });
    expect(claim.status, claim.text).toBe(200);
    await send(bob, claim.json.calls);
    expect((await chain.tokenBalance(token, devAddress('bob'))) - bobBefore).toBe(expected.bob);

    const danaBefore = await chain.tokenBalance(token, dana.address as Address);
    const relayed = await t.call('POST', '/api/me/rewards/relay', { cookie: dana.cookie });
    expect(relayed.status, relayed.text).toBe(200);
    expect((await chain.tokenBalance(token, dana.address as Address)) - danaBefore).toBe(expected.dana);

    // A second round settles nothing more.
    expect(['idle', 'accepted']).toContain((await run()).step);
    const total = await t.db.query(
      `select sum(amount_wei)::text as s from accruals where budget_id is not null`,
    );
    expect(total.rows[0].s).toBe(COST.toString());
  });

  it('stops calls before the budget’s funder may take it back, so no metered call goes unpaid', async () => {
    // The budget stays in escrow a year from its last top-up; a week (and the hold) before that, calls stop.
    t.clock.advance(360 * 86_400_000);
    const r = await chat({ apiKey: aliceKey });
    expect(r.status, r.text).toBe(402);
    expect(r.json.error.code).toBe('INSUFFICIENT_BALANCE');
    expect(r.json.error.message).toMatch(/can be taken back by its funder from .*top it up/);
    const calls = seen.length;
    expect((await chat({ apiKey: aliceKey })).status).toBe(402);
    expect(seen).toHaveLength(calls);
  });
});
