import type { Hex } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { MAX_LICENSE_SECONDS } from '../shared/api.ts';
import type { OrgId, UserId } from '../shared/brand.ts';
import type { ChainEvent } from '../usecases/chainPorts.ts';
import type { AssetId, AssetRow, NewAsset } from '../usecases/ports.ts';
import { accountStore } from './accountStore.ts';
import { marketStore } from './marketStore.ts';
import type { Db } from './pool.ts';
import { settlementStore } from './settlementStore.ts';

// The store suite, on the embedded PostgreSQL 18 and, in CI, on PostgreSQL 15: drafts, filters, lineage, and the
// registry's events mirrored by the chain_events trigger, once each.
let db: Db;
let drop: () => Promise<void>;
let market: ReturnType<typeof marketStore>;
let settlement: ReturnType<typeof settlementStore>;
let userId: UserId;
let orgId: OrgId;
const OWNER = '0x00000000000000000000000000000000000000B1';
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const now = new Date('2026-05-01T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await testDb());
  market = marketStore(db);
  settlement = settlementStore(db);
  const accounts = accountStore(db);
  const owner = await accounts.upsertUser(OWNER, 'owner');
  userId = owner.id as UserId;
  orgId = (await accounts.createOrg('Market org', owner.id)).id as OrgId;
});
afterAll(() => drop());

let n = 0;
function draft(o: Partial<NewAsset> = {}): NewAsset {
  n++;
  const id = `00000000-0000-4000-8000-${String(n).padStart(12, '0')}` as AssetId;
  return {
    id,
    kind: 'model',
    name: `Asset ${n}`,
    description: '',
    modality: 'text',
    tags: [],
    ownerUserId: userId,
    orgId,
    ownerAddress: OWNER,
    datasetId: null,
    contentHash: `0x${String(n).padStart(64, '0')}` as Hex,
    metadataUri: `caravan:asset:${id}`,
    terms: {
      commercialUse: true,
      derivativesAllowed: true,
      parentShareBps: 0,
      priceWei: '100',
      currency: TOKEN,
      durationSeconds: 0,
      attributionRequired: false,
    },
    sampleRows: [],
    parents: [],
    ...o,
  };
}

let block = 10;
function event(name: string, args: ChainEvent['args'], logIndex = 0): ChainEvent {
  return {
    blockNumber: block++,
    logIndex,
    txHash: `0x${block.toString(16).padStart(64, '0')}` as Hex,
    contract: 'market',
    name,
    args,
    blockTime: now,
  };
}
const registered = (a: AssetRow, chainId: number, owner = OWNER) =>
  event('AssetRegistered', {
    assetId: String(chainId),
    kind: 1,
    owner,
    registrant: owner,
    community: false,
    contentHash: a.contentHash,
    metadataURI: a.metadataUri,
  });

const NO_FILTER = {
  search: null,
  kind: null,
  modality: null,
  commercial: null,
  derivatives: null,
  minPriceWei: null,
  maxPriceWei: null,
  currency: null,
  cursor: null,
  limit: 10,
};

describe('marketStore', () => {
  let base: AssetRow;
  let child: AssetRow;

  it('keeps drafts off the list until their AssetRegistered event names them', async () => {
    base = (await market.create(draft({ name: 'Base model', tags: ['vision'] }), now))!;
    expect(base).toMatchObject({ status: 'draft', chainAssetId: null, createdAt: now });
    const filter = NO_FILTER;
    expect(await market.list(filter)).toEqual([]);
    // An event from another owner with the same URI is not this row's registration.
    await settlement.recordEvents(
      31_337,
      [registered(base, 1, '0x00000000000000000000000000000000000000C3')],
      block,
    );
    expect((await market.get(base.id))!.status).toBe('draft');
    await settlement.recordEvents(31_337, [registered(base, 1)], block);
    expect(await market.get(base.id)).toMatchObject({ status: 'registered', chainAssetId: 1n });
    expect((await market.list(filter)).map((a) => a.id)).toEqual([base.id]);
    expect(await market.list({ ...filter, search: 'VISION' })).toHaveLength(1);
    expect(await market.list({ ...filter, kind: 'dataset' })).toEqual([]);
    expect(await market.list({ ...filter, minPriceWei: 101n })).toEqual([]);
    expect(await market.list({ ...filter, maxPriceWei: 100n, commercial: true })).toHaveLength(1);
    expect(await market.list({ ...filter, search: '%' })).toEqual([]);
  });

  it('follows the terms and the owner the chain says, for the filters and the page', async () => {
    const moved = (await market.create(draft({ name: 'Moved model' }), now))!;
    await settlement.recordEvents(31_337, [registered(moved, 7)], block);
    const terms = {
      commercialUse: false,
      derivativesAllowed: false,
      parentShareBps: 250,
      price: '5000',
      currency: TOKEN,
      durationSeconds: '18446744073709551615',
      attributionRequired: true,
    };
    const buyer = '0x00000000000000000000000000000000000000D4';
    await settlement.recordEvents(
      31_337,
      [
        event('TermsChanged', { assetId: '7', terms }),
        event('AssetTransferred', { assetId: '7', from: OWNER, to: buyer }, 1),
      ],
      block,
    );
    expect(await market.get(moved.id)).toMatchObject({
      ownerAddress: buyer,
      terms: {
        commercialUse: false,
        derivativesAllowed: false,
        parentShareBps: 250,
        priceWei: '5000',
        currency: TOKEN,
        durationSeconds: MAX_LICENSE_SECONDS,
        attributionRequired: true,
      },
    });
    const filter = { ...NO_FILTER, search: 'moved' };
    expect(await market.list({ ...filter, minPriceWei: 5000n, commercial: false })).toHaveLength(1);
    expect(await market.list({ ...filter, maxPriceWei: 100n })).toEqual([]);
  });

  it('walks the lineage up and down', async () => {
    child = (await market.create(draft({ parents: [{ parentId: base.id, relation: 'trained_on' }] }), now))!;
    const grandchild = (await market.create(
      draft({ kind: 'agent', parents: [{ parentId: child.id, relation: 'fine_tuned_from' }] }),
      now,
    ))!;
    const fromChild = await market.lineage(child.id, 4);
    expect(fromChild.nodes.map((x) => [x.id, x.depth])).toEqual([
      [base.id, -1],
      [child.id, 0],
      [grandchild.id, 1],
    ]);
    expect(fromChild.edges).toEqual([
      { parentId: base.id, childId: child.id, relation: 'trained_on' },
      { parentId: child.id, childId: grandchild.id, relation: 'fine_tuned_from' },
    ]);
    expect((await market.lineage(base.id, 1)).nodes.map((x) => x.id)).toEqual([base.id, child.id]);
  });

  it('mirrors licenses, deposits, credits and claims once each, however often the events are synced', async () => {
    const sale = [
      event('LicensePurchased', {
        assetId: '1',
        buyer: OWNER,
        currency: TOKEN,
        price: '100',
        expiresAt: '18446744073709551615',
      }),
      event('RevenueDeposited', { assetId: '1', token: TOKEN, from: OWNER, received: '100', fee: '5' }, 1),
      event('RevenueRouted', { assetId: '1', fromAssetId: '0', token: TOKEN, received: '95', kept: '95' }, 2),
      event('RevenueClaimed', { assetId: '1', token: TOKEN, account: OWNER, paid: '95' }, 3),
    ];
    await settlement.recordEvents(31_337, sale, block);
    await settlement.recordEvents(31_337, sale, block);
    const licenses = await market.licensesOf(OWNER.toLowerCase());
    expect(licenses).toHaveLength(1);
    expect(licenses[0]).toMatchObject({
      chainAssetId: 1n,
      priceWei: 100n,
      expiresAt: null,
      asset: { id: base.id },
    });
    expect(await market.salesCount(1n)).toBe(1);
    expect(await market.creditTokens([1n, 2n])).toEqual(new Map([[1n, [TOKEN]]]));
    const counts = await db.query(
      `select (select count(*) from asset_revenue)::int as deposits, (select count(*) from revenue_claims)::int as claims`,
    );
    expect(counts.rows[0]).toEqual({ deposits: 1, claims: 1 });
    expect((await market.ownedBy(OWNER)).map((a) => a.id)).toEqual([base.id]);
  });
});
