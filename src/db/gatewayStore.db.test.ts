import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { projectKey } from '../domain/chain/projectKey.ts';
import type { OrgId, UserId } from '../shared/brand.ts';
import type { AssetId, GatewayCallId, UserRow } from '../usecases/ports.ts';
import { accountStore } from './accountStore.ts';
import { gatewayStore } from './gatewayStore.ts';
import type { Db } from './pool.ts';

// The gateway store on a real PostgreSQL: budgets mirrored from escrow events, reservations that never overspend,
// calls metered once with their accruals.
let db: Db;
let drop: () => Promise<void>;
let store: ReturnType<typeof gatewayStore>;
let owner: UserRow;
let orgId: OrgId;
let assetId: AssetId;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';
const now = new Date('2026-05-01T12:00:00Z');
let block = 1;

beforeAll(async () => {
  ({ db, drop } = await testDb());
  store = gatewayStore(db);
  const accounts = accountStore(db);
  owner = await accounts.upsertUser('0x00000000000000000000000000000000000000B1', 'owner');
  orgId = (await accounts.createOrg('Gateway org', owner.id)).id as OrgId;
  assetId = crypto.randomUUID() as AssetId;
  await db.query(
    `insert into assets (id, kind, name, modality, owner_user_id, org_id, owner_address, content_hash, metadata_uri,
       terms, price_wei, created_at)
     values ($1, 'model', 'Store model', 'text', $2, $3, $4, $5, $6, '{}', 0, $7)`,
    [assetId, owner.id, orgId, owner.address, `0x${'1'.repeat(64)}`, `caravan:asset:${assetId}`, now],
  );
});
afterAll(() => drop());

/** Stores an escrow event as the chain sync would. */
async function escrowEvent(name: string, args: Record<string, string>) {
  block++;
  await db.query(
    `insert into chain_events (block_number, log_index, tx_hash, contract, name, args, block_time)
     values ($1, 0, $2, 'escrow', $3, $4, $5)`,
    [block, `0x${block.toString(16).padStart(64, '0')}`, name, JSON.stringify(args), now],
  );
}

const call = (reservedWei: bigint, at = now) => ({
  id: crypto.randomUUID() as GatewayCallId,
  assetId,
  orgId,
  userId: owner.id as UserId,
  apiKeyId: null,
  token: TOKEN,
  model: 'm',
  reservedWei,
  requestSha256: `0x${'2'.repeat(64)}` as const,
  now: at,
});

describe('gatewayStore', () => {
  it('makes one budget per organization and mirrors its escrow events', async () => {
    const budget = await store.budget(orgId, now);
    expect(await store.budget(orgId, now)).toBe(budget);
    const key = projectKey(budget);
    await escrowEvent('Funded', {
      projectId: key,
      token: TOKEN,
      requester: owner.address,
      received: '100',
      deadline: String(now.getTime() / 1000 + 86_400),
    });
    // An escrow that is neither a budget nor anything known is left alone.
    await escrowEvent('Funded', {
      projectId: projectKey(crypto.randomUUID()),
      token: TOKEN,
      requester: owner.address,
      received: '999',
      deadline: '2000000000',
    });
    await escrowEvent('Released', { projectId: key, token: TOKEN, amount: '7' });
    expect(await store.balance(orgId, TOKEN, now)).toMatchObject({
      budgetId: budget,
      fundedWei: 100n,
      releasedWei: 7n,
      refundedWei: 0n,
      spentWei: 0n,
      reservedWei: 0n,
      requester: owner.address,
    });
    const total = await db.query('select count(*)::int as n from gateway_budget_balances');
    expect(total.rows[0].n).toBe(1);
  });

  it('never reserves more than the budget holds, however many calls race', async () => {
    const results = await Promise.all(Array.from({ length: 6 }, () => store.reserve(call(30n), now, now)));
    expect(results.filter((r) => r.reserved)).toHaveLength(3);
    const refundableFrom = new Date(now.getTime() + 86_400_000);
    expect(results.find((r) => !r.reserved)).toEqual({
      reserved: false,
      refused: 'balance',
      availableWei: 10n,
      refundableFrom,
    });
    // A call that could not be settled before the funder may take the budget back is not reserved either.
    expect(await store.reserve(call(5n), now, new Date(refundableFrom.getTime() + 1))).toEqual({
      reserved: false,
      refused: 'deadline',
      availableWei: 10n,
      refundableFrom,
    });
    expect((await store.balance(orgId, TOKEN, now))!.reservedWei).toBe(90n);
    // Reservations older than the cut-off no longer hold the budget.
    expect((await store.balance(orgId, TOKEN, new Date(now.getTime() + 1)))!.reservedWei).toBe(0n);
  });

  it('meters a call and writes its accruals once', async () => {
    const pending = await db.query<{ id: string }>(
      `select id from gateway_calls where status = 'pending' limit 1`,
    );
    const id = pending.rows[0]!.id as GatewayCallId;
    const finished = {
      id,
      status: 'ok' as const,
      promptTokens: 3,
      completionTokens: 4,
      costWei: 25n,
      upstreamStatus: 200,
      error: null,
      latencyMs: 12,
      responseSha256: `0x${'3'.repeat(64)}` as const,
      receipt: '{"v":1}',
      receiptSignature: null,
      receiptSigner: null,
      payouts: [{ userId: owner.id as UserId, amountWei: 25n }],
      now,
    };
    expect(await store.finish(finished)).toBe(true);
    expect(await store.finish({ ...finished, costWei: 30n })).toBe(false);
    const accruals = await db.query(
      'select source, amount_wei::text as a, project_id, budget_id from accruals',
    );
    expect(accruals.rows).toEqual([
      {
        source: `gateway:${id}:${owner.id}`,
        a: '25',
        project_id: null,
        budget_id: (await store.balance(orgId, TOKEN, now))!.budgetId,
      },
    ]);
    expect(await store.balance(orgId, TOKEN, now)).toMatchObject({ spentWei: 25n, reservedWei: 60n });
    const [usage] = await store.usage(assetId, new Date(0));
    expect(usage).toMatchObject({
      day: '2026-05-01',
      calls: 1,
      promptTokens: 3,
      completionTokens: 4,
      revenueWei: 25n,
    });
    const calls = await store.calls(owner.id as UserId, null, 10);
    expect(calls.map((c) => c.status).sort()).toEqual(['ok', 'pending', 'pending']);
  });

  it('keeps the stored upstream key unless told otherwise, and publishes only the gateway URL', async () => {
    const e = {
      assetId,
      url: 'https://models.example.com/v1',
      model: 'm',
      token: TOKEN,
      pricePerCallWei: 1n,
      pricePer1kTokensWei: 2n,
      developerBps: 10_000,
      dataProvidersBps: 0,
      validatorsBps: 0,
      publicUrl: `/api/gateway/${assetId}/v1`,
      updatedBy: owner.id as UserId,
      now,
    };
    expect((await store.setEndpoint({ ...e, apiKey: 'sk-1' })).apiKey).toBe('sk-1');
    expect((await store.setEndpoint({ ...e, apiKey: undefined })).apiKey).toBe('sk-1');
    expect((await store.setEndpoint({ ...e, apiKey: null })).apiKey).toBeNull();
    const a = await db.query('select endpoint_url from assets where id = $1', [assetId]);
    expect(a.rows[0].endpoint_url).toBe(`/api/gateway/${assetId}/v1`);
    await expect(store.setEndpoint({ ...e, apiKey: null, developerBps: 9000 })).rejects.toThrow(/check/);
  });
});
