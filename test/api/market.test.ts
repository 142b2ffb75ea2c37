import { type Address, encodeFunctionData, getAddress, keccak256, parseEther, stringToHex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { assetRegistryAbi } from '../../src/chain/contracts.generated.ts';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import { resumeDatasetRegistrations } from '../../src/usecases/market/registerDataset.ts';
import { syncChain } from '../../src/usecases/settlement/syncChain.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// The marketplace on a real anvil: a requester registers a model from their wallet, then a community dataset
// derived from it (the platform registers it and commits its co-owners' shares); another user buys a license,
// the chain sync mirrors it, and the download opens; a stranger is refused; the sale's revenue reaches the
// model's owner by the dataset's parent share and the co-owners by their weights, each claim paying once.

let t: TestApp;
const cookies: Record<string, string> = {};
const addressOf = (name: string) => getAddress(listDevAccounts().find((a) => a.name === name)!.address);
let token: Address;
const FEE_BPS = 500n;
const PARENT_SHARE_BPS = 2000n;
const PRICE = parseEther('1000');

beforeAll(async () => {
  t = await testApp({ chain: true });
  for (const name of ['requester', 'alice', 'bob', 'reviewer']) cookies[name] = await t.signIn(name);
  token = getAddress((await t.call('GET', '/api/chain', { cookie: cookies.alice! })).json.contracts.token);
}, 120_000);
afterAll(() => t?.close());

const terms = (o: Record<string, unknown> = {}) => ({
  commercialUse: true,
  derivativesAllowed: true,
  parentShareBps: 0,
  priceWei: '0',
  currency: token,
  durationSeconds: 30 * 86_400,
  attributionRequired: true,
  ...o,
});
const balance = (who: string) => t.chain!.chain.tokenBalance(token, addressOf(who));

/** Sends calls from a development account's wallet on the server (which syncs the chain after). */
async function send(who: string, calls: unknown[]) {
  const r = await t.call('POST', '/api/wallet/dev/send', { cookie: cookies[who]!, body: { calls } });
  expect(r.status, r.text).toBe(200);
  expect(r.json.txs.map((x: { status: string }) => x.status)).toEqual(calls.map(() => 'success'));
}

/** A community project with `split` items answered by each contributor, every answer approved by QA. */
async function approvedCommunityProject(split: Record<string, number>): Promise<string> {
  const total = Object.values(split).reduce((a, b) => a + b, 0);
  const created = await t.call('POST', '/api/projects', {
    cookie: cookies.requester!,
    body: sentimentProject({
      name: 'Market sentiment',
      taskType: 'community',
      rewardPerItemWei: '0',
      budgetWei: '0',
      overlap: 1,
    }),
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as string;
  const raw = Array.from({ length: total }, (_, i) =>
    JSON.stringify({ id: `m${i}`, text: `market row ${i}` }),
  );
  const imported = await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
    cookie: cookies.requester!,
    raw: raw.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  for (const [who, n] of Object.entries(split))
    for (let i = 0; i < n; i++) {
      const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: cookies[who]! });
      expect(lease.status, lease.text).toBe(200);
      t.clock.advance(8000);
      const answered = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie: cookies[who]!,
        body: { answer: { choice: 'pos' }, durationMs: 8000 },
      });
      expect(answered.status, answered.text).toBe(200);
      const qa = await t.call('POST', `/api/answers/${answered.json.answerId}/qa`, {
        cookie: cookies.requester!,
        body: { verdict: 'accept' },
      });
      expect(qa.status, qa.text).toBe(200);
    }
  // The quality pass writes each item's label: the dataset's rows.
  await t.settle();
  return id;
}

describe('the marketplace', () => {
  let modelId: string;
  let datasetAssetId: string;
  let datasetId: string;
  let shares: { account: string; weight: bigint }[];
  let totalWeight: bigint;

  it('registers a model from the requester’s wallet; the chain sync puts it on the marketplace', async () => {
    const r = await t.call('POST', '/api/assets', {
      cookie: cookies.requester!,
      body: {
        kind: 'model',
        name: 'Sentiment base model',
        description: 'A small text classifier',
        modality: 'text',
        tags: ['nlp', 'classifier'],
        contentHash: keccak256(stringToHex('weights of the base model')),
        terms: terms({ priceWei: parseEther('5').toString(), commercialUse: false }),
      },
    });
    expect(r.status, r.text).toBe(201);
    expect(r.json.asset).toMatchObject({
      status: 'draft',
      chainAssetId: null,
      ownerAddress: addressOf('requester'),
    });
    expect(r.json.calls.map((c: { label: string }) => c.label)).toEqual(['register the asset']);
    modelId = r.json.asset.id;
    // A draft is its organization's alone until the chain says it is registered.
    expect((await t.call('GET', `/api/assets/${modelId}`, { cookie: cookies.alice! })).status).toBe(404);
    expect((await t.call('GET', '/api/assets', { cookie: cookies.alice! })).json.assets).toEqual([]);

    await send('requester', r.json.calls);
    const page = await t.call('GET', `/api/assets/${modelId}`, { cookie: cookies.alice! });
    expect(page.status, page.text).toBe(200);
    expect(page.json.asset).toMatchObject({ status: 'registered', chainAssetId: '1' });
    expect(page.json.asset.registerTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(page.json.owners).toMatchObject({ kind: 'sole', owner: addressOf('requester') });
    expect(page.json.license).toEqual({ held: false, expiresAt: null, owner: false });
    expect(page.json.feeBps).toBe(Number(FEE_BPS));
  });

  it('registers a community dataset derived from the model and commits its shares, exactly once', async () => {
    const projectId = await approvedCommunityProject({ alice: 3, bob: 1 });
    const published = await t.call('POST', `/api/projects/${projectId}/publish`, {
      cookie: cookies.requester!,
      body: { name: 'Market sentiment dataset' },
    });
    expect(published.status, published.text).toBe(201);
    datasetId = published.json.id;
    const body = {
      terms: terms({
        priceWei: PRICE.toString(),
        parentShareBps: Number(PARENT_SHARE_BPS),
        durationSeconds: 0,
      }),
      tags: ['sentiment'],
      parents: [{ assetId: modelId, relation: 'derived_from' }],
    };
    // Only the dataset's organization registers it.
    expect(
      (await t.call('POST', `/api/datasets/${datasetId}/register`, { cookie: cookies.alice!, body })).status,
    ).toBe(404);
    const r = await t.call('POST', `/api/datasets/${datasetId}/register`, {
      cookie: cookies.requester!,
      body,
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json.calls).toEqual([]);
    expect(r.json.asset).toMatchObject({
      kind: 'dataset',
      status: 'registered',
      chainAssetId: '2',
      datasetId,
    });
    datasetAssetId = r.json.asset.id;
    const again = await t.call('POST', `/api/datasets/${datasetId}/register`, {
      cookie: cookies.requester!,
      body,
    });
    expect(again.status, again.text).toBe(200);
    expect(again.json.asset.chainAssetId).toBe('2');
    const journal = await t.db.query(
      `select purpose from chain_txs where purpose like 'market:%' order by id`,
    );
    expect(journal.rows.map((x) => x.purpose)).toEqual([
      `market:register:${datasetId}`,
      `market:commit:${datasetId}`,
    ]);

    const dataset = (await t.call('GET', `/api/datasets/${datasetId}`, { cookie: cookies.bob! })).json;
    expect(dataset.dataset.assetId).toBe('2');
    expect(dataset.dataset.commitTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    const onChain = await t.chain!.chain.market.shares(2n);
    expect(onChain).toEqual({
      root: dataset.dataset.shareRoot,
      totalWeight: BigInt(dataset.dataset.totalWeight),
    });
    shares = dataset.shares.map((s: { account: string; weight: string }) => ({
      account: s.account,
      weight: BigInt(s.weight),
    }));
    totalWeight = BigInt(dataset.dataset.totalWeight);
    expect(shares.map((s) => s.account).sort()).toEqual([addressOf('alice'), addressOf('bob')].sort());

    const page = (await t.call('GET', `/api/assets/${datasetAssetId}`, { cookie: cookies.reviewer! })).json;
    expect(page.owners.kind).toBe('community');
    expect(page.owners.shares).toHaveLength(2);
    expect(page.sampleRows).toHaveLength(4);
    expect(page.provenance).toMatchObject({
      shareRoot: dataset.dataset.shareRoot,
      commitTxHash: dataset.dataset.commitTxHash,
    });
    expect(page.lineage.edges).toEqual([
      { parentId: modelId, childId: datasetAssetId, relation: 'derived_from' },
    ]);
    const model = (await t.call('GET', `/api/assets/${modelId}`, { cookie: cookies.reviewer! })).json;
    expect(model.lineage.nodes.map((n: { id: string; depth: number }) => [n.id, n.depth])).toEqual([
      [modelId, 0],
      [datasetAssetId, 1],
    ]);
  });

  it('searches and filters the marketplace', async () => {
    const list = async (q: string) =>
      (await t.call('GET', `/api/assets?${q}`, { cookie: cookies.bob! })).json.assets.map(
        (a: { id: string }) => a.id,
      );
    expect(await list('')).toEqual([datasetAssetId, modelId]);
    expect(await list('kind=model')).toEqual([modelId]);
    expect(await list('search=DATASET')).toEqual([datasetAssetId]);
    expect(await list('search=classifier')).toEqual([modelId]);
    expect(await list('commercial=true')).toEqual([datasetAssetId]);
    expect(await list(`minPriceWei=${parseEther('10')}`)).toEqual([datasetAssetId]);
    expect(await list(`maxPriceWei=${parseEther('10')}`)).toEqual([modelId]);
    expect(await list('modality=image')).toEqual([]);
    const first = (await t.call('GET', '/api/assets?limit=1', { cookie: cookies.bob! })).json;
    expect(first.assets.map((a: { id: string }) => a.id)).toEqual([datasetAssetId]);
    expect(await list(`limit=1&cursor=${first.nextCursor}`)).toEqual([modelId]);
    const bad = await t.call('GET', '/api/assets?commercial=maybe', { cookie: cookies.bob! });
    expect(bad.status).toBe(400);
  });

  it('refuses the download to someone without a license, saying how to buy one', async () => {
    const stranger = await t.signInNew('market-stranger');
    const r = await t.call('GET', `/api/assets/${datasetAssetId}/download`, { cookie: stranger.cookie });
    expect(r.status).toBe(402);
    expect(r.json.error.code).toBe('LICENSE_REQUIRED');
    expect(r.json.error.message).toMatch(/purchase-calls/);
    const reviewer = await t.call('GET', `/api/assets/${datasetAssetId}/download`, {
      cookie: cookies.reviewer!,
    });
    expect(reviewer.status).toBe(402);
    // Its organization and its co-owners always may.
    for (const who of ['requester', 'alice', 'bob']) {
      const ok = await t.call('GET', `/api/assets/${datasetAssetId}/download`, { cookie: cookies[who]! });
      expect(ok.status, `${who}: ${ok.text}`).toBe(200);
    }
  });

  it('sells a license: the buyer’s wallet sends the calls, the sync mirrors it, the download opens', async () => {
    const before = await balance('reviewer');
    const calls = await t.call('POST', `/api/assets/${datasetAssetId}/purchase-calls`, {
      cookie: cookies.reviewer!,
    });
    expect(calls.status, calls.text).toBe(200);
    expect(calls.json.calls.map((c: { label: string }) => c.label)).toEqual([
      'approve the transfer',
      'buy the license',
    ]);
    await send('reviewer', calls.json.calls);
    expect(before - (await balance('reviewer'))).toBe(PRICE);

    const purchases = (await t.call('GET', '/api/me/purchases', { cookie: cookies.reviewer! })).json
      .purchases;
    expect(purchases).toHaveLength(1);
    expect(purchases[0]).toMatchObject({
      asset: { id: datasetAssetId, chainAssetId: '2' },
      buyer: addressOf('reviewer'),
      priceWei: PRICE.toString(),
      currency: token,
      expiresAt: null,
      active: true,
    });
    expect((await t.call('GET', '/api/me/purchases', { cookie: cookies.bob! })).json.purchases).toEqual([]);
    const page = (await t.call('GET', `/api/assets/${datasetAssetId}`, { cookie: cookies.reviewer! })).json;
    expect(page.license).toMatchObject({ held: true, expiresAt: null });
    expect(page.sales.count).toBe(1);

    const download = await t.call('GET', `/api/assets/${datasetAssetId}/download`, {
      cookie: cookies.reviewer!,
    });
    expect(download.status, download.text).toBe(200);
    const rows = download.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ data: { text: 'market row 0' }, label: { choice: 'pos' } });

    // A perpetual license is bought once.
    const twice = await t.call('POST', `/api/assets/${datasetAssetId}/purchase-calls`, {
      cookie: cookies.reviewer!,
    });
    expect(twice.status).toBe(409);
    // Syncing again mirrors nothing twice.
    await syncChain({ chain: t.chain!.chain, settlement: t.deps.settlement });
    expect((await t.db.query('select count(*)::int as n from licenses')).rows[0].n).toBe(1);
  });

  it('pays the model’s owner its parent share and each co-owner exactly its weight’s part, once', async () => {
    const received = PRICE - (PRICE * FEE_BPS) / 10_000n;
    const toParent = (received * PARENT_SHARE_BPS) / 10_000n;
    const kept = received - toParent;

    const ownerEarnings = (await t.call('GET', '/api/me/earnings', { cookie: cookies.requester! })).json
      .assets;
    expect(ownerEarnings).toHaveLength(1);
    expect(ownerEarnings[0]).toMatchObject({
      asset: { id: modelId },
      role: 'owner',
      tokens: [
        { token, creditedWei: toParent.toString(), claimedWei: '0', claimableWei: toParent.toString() },
      ],
    });
    const ownerBefore = await balance('requester');
    const ownerCalls = await t.call('POST', `/api/assets/${modelId}/claim-calls`, {
      cookie: cookies.requester!,
    });
    expect(ownerCalls.status, ownerCalls.text).toBe(200);
    await send('requester', ownerCalls.json.calls);
    expect((await balance('requester')) - ownerBefore).toBe(toParent);

    for (const who of ['alice', 'bob']) {
      const weight = shares.find((s) => s.account === addressOf(who))!.weight;
      const owed = (kept * weight) / totalWeight;
      expect(owed).toBeGreaterThan(0n);
      const earnings = (await t.call('GET', '/api/me/earnings', { cookie: cookies[who]! })).json.assets;
      expect(earnings).toEqual([
        expect.objectContaining({
          asset: expect.objectContaining({ id: datasetAssetId }),
          role: 'co-owner',
          weight: weight.toString(),
          totalWeight: totalWeight.toString(),
          tokens: [expect.objectContaining({ creditedWei: kept.toString(), claimableWei: owed.toString() })],
        }),
      ]);
      const before = await balance(who);
      const calls = await t.call('POST', `/api/assets/${datasetAssetId}/claim-calls`, {
        cookie: cookies[who]!,
      });
      expect(calls.status, calls.text).toBe(200);
      await send(who, calls.json.calls);
      expect((await balance(who)) - before).toBe(owed);
      const second = await t.call('POST', `/api/assets/${datasetAssetId}/claim-calls`, {
        cookie: cookies[who]!,
      });
      expect(second.status).toBe(409);
      expect(second.json.error.code).toBe('NOTHING_TO_CLAIM');
      // Straight to the chain, a second claim pays nothing either.
      const again = await t.call('POST', '/api/wallet/dev/send', {
        cookie: cookies[who]!,
        body: { calls: calls.json.calls },
      });
      expect(again.status).toBe(422);
      expect((await balance(who)) - before).toBe(owed);
    }
    const claims = await t.db.query(
      'select account, paid_wei::text as paid from revenue_claims order by account',
    );
    expect(claims.rows).toHaveLength(3);
    // The buyer holds no share of anything.
    expect((await t.call('GET', '/api/me/earnings', { cookie: cookies.reviewer! })).json.assets).toEqual([]);
    expect(
      (await t.call('POST', `/api/assets/${datasetAssetId}/claim-calls`, { cookie: cookies.reviewer! }))
        .status,
    ).toBe(409);
  });

  it('refuses a parent that is not registered and terms in a token the registry does not take', async () => {
    const base = {
      kind: 'agent',
      name: 'An agent',
      modality: 'text',
      contentHash: keccak256(stringToHex('agent')),
      terms: terms(),
    };
    const draft = await t.call('POST', '/api/assets', { cookie: cookies.requester!, body: base });
    expect(draft.status, draft.text).toBe(201);
    const child = await t.call('POST', '/api/assets', {
      cookie: cookies.requester!,
      body: { ...base, parents: [{ assetId: draft.json.asset.id, relation: 'fine_tuned_from' }] },
    });
    expect(child.status).toBe(409);
    expect(child.json.error.code).toBe('ASSET_NOT_REGISTERED');
    const currency = await t.call('POST', '/api/assets', {
      cookie: cookies.requester!,
      body: { ...base, terms: terms({ currency: addressOf('alice') }) },
    });
    expect(currency.status).toBe(400);
    expect((await t.call('POST', '/api/assets', { cookie: cookies.alice!, body: base })).status).toBe(403);
  });

  it('follows terms its owner changes on chain, outside Caravan: the sync mirrors them for the filters', async () => {
    const registry = getAddress(
      (await t.call('GET', '/api/chain', { cookie: cookies.alice! })).json.contracts.assetRegistry,
    );
    const page = await t.call('GET', `/api/assets/${modelId}`, { cookie: cookies.alice! });
    const newTerms = {
      commercialUse: true,
      derivativesAllowed: true,
      parentShareBps: 0,
      price: parseEther('7'),
      currency: token,
      durationSeconds: 0n,
      attributionRequired: false,
    };
    const data = encodeFunctionData({
      abi: assetRegistryAbi,
      functionName: 'setTerms',
      args: [BigInt(page.json.asset.chainAssetId), newTerms],
    });
    // A struct with uints in the event: stored (the sync would stop at its block if it could not be) and mirrored.
    await send('requester', [{ label: 'change the terms', to: registry, data }]);
    const list = async (q: string) =>
      (await t.call('GET', `/api/assets?${q}`, { cookie: cookies.bob! })).json.assets.map(
        (a: { id: string }) => a.id,
      );
    expect(await list('kind=model&commercial=true')).toEqual([modelId]);
    expect(await list(`kind=model&minPriceWei=${parseEther('7')}`)).toEqual([modelId]);
    const after = await t.call('GET', `/api/assets/${modelId}`, { cookie: cookies.bob! });
    expect(after.json.asset.terms).toMatchObject({
      commercialUse: true,
      priceWei: parseEther('7').toString(),
      durationSeconds: 0,
    });
  });

  it('finishes a dataset registration a failure cut short, in the worker’s chain round, once', async () => {
    const projectId = await approvedCommunityProject({ alice: 1, bob: 1 });
    const published = await t.call('POST', `/api/projects/${projectId}/publish`, {
      cookie: cookies.requester!,
      body: { name: 'Cut short dataset' },
    });
    expect(published.status, published.text).toBe(201);
    const id = published.json.id as string;
    const market = t.deps.chain!.market;
    const commitShares = market.commitShares;
    market.commitShares = async () => {
      throw new Error('the node went away');
    };
    const r = await t.call('POST', `/api/datasets/${id}/register`, {
      cookie: cookies.requester!,
      body: { terms: terms(), tags: [] },
    });
    market.commitShares = commitShares;
    expect(r.status, r.text).toBe(422);
    expect(r.json.error.code).toBe('CHAIN_REFUSED');

    // Registered on chain, its shares not committed: a round leaves it to the request for a while, then finishes it.
    expect(await resumeDatasetRegistrations(t.deps)).toEqual({ step: 'idle' });
    t.clock.advance(3 * 60_000);
    expect(await resumeDatasetRegistrations(t.deps)).toEqual({ step: 'registered', datasets: 1 });
    const dataset = (await t.call('GET', `/api/datasets/${id}`, { cookie: cookies.bob! })).json.dataset;
    expect(dataset.commitTxHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(await market.shares(BigInt(dataset.assetId))).toEqual({
      root: dataset.shareRoot,
      totalWeight: BigInt(dataset.totalWeight),
    });
    const journal = await t.db.query(`select purpose from chain_txs where purpose like $1 order by id`, [
      `market:%:${id}`,
    ]);
    expect(journal.rows.map((x) => x.purpose)).toEqual([`market:register:${id}`, `market:commit:${id}`]);
    expect(await resumeDatasetRegistrations(t.deps)).toEqual({ step: 'idle' });
  });
});
