import type { Hex } from 'viem';
import type { OrgId, UserId } from '../shared/brand.ts';
import type {
  AssetId,
  BudgetId,
  DatasetId,
  GatewayBudgetBalance,
  GatewayCallRow,
  GatewayEndpointRow,
  GatewayPayees,
  GatewayStore,
} from '../usecases/ports.ts';
import { type Db, inTransaction, type Queryable } from './pool.ts';
import { isUuid } from './projectStore.ts';

type RawEndpoint = {
  asset_id: string;
  url: string;
  api_key: string | null;
  model: string;
  token: string;
  price_per_call_wei: string;
  price_per_1k_tokens_wei: string;
  developer_bps: number;
  data_providers_bps: number;
  validators_bps: number;
  updated_at: Date;
};
const ENDPOINT_COLUMNS = `asset_id, url, api_key, model, token, price_per_call_wei::text, price_per_1k_tokens_wei::text,
  developer_bps, data_providers_bps, validators_bps, updated_at`;
const toEndpoint = (r: RawEndpoint): GatewayEndpointRow => ({
  assetId: r.asset_id as AssetId,
  url: r.url,
  apiKey: r.api_key,
  model: r.model,
  token: r.token,
  pricePerCallWei: BigInt(r.price_per_call_wei),
  pricePer1kTokensWei: BigInt(r.price_per_1k_tokens_wei),
  developerBps: r.developer_bps,
  dataProvidersBps: r.data_providers_bps,
  validatorsBps: r.validators_bps,
  updatedAt: r.updated_at,
});

type RawCall = {
  id: string;
  seq: string;
  asset_id: string;
  asset_name: string;
  org_id: string;
  api_key_id: string | null;
  token: string;
  model: string;
  status: GatewayCallRow['status'];
  prompt_tokens: number | null;
  completion_tokens: number | null;
  cost_wei: string;
  error: string | null;
  latency_ms: number | null;
  request_sha256: string;
  response_sha256: string | null;
  receipt: string | null;
  receipt_signature: string | null;
  receipt_signer: string | null;
  created_at: Date;
};
const toCall = (r: RawCall): GatewayCallRow => ({
  id: r.id as GatewayCallRow['id'],
  seq: r.seq,
  assetId: r.asset_id as AssetId,
  assetName: r.asset_name,
  orgId: r.org_id as OrgId,
  apiKeyId: r.api_key_id,
  token: r.token,
  model: r.model,
  status: r.status,
  promptTokens: r.prompt_tokens,
  completionTokens: r.completion_tokens,
  costWei: BigInt(r.cost_wei),
  error: r.error,
  latencyMs: r.latency_ms,
  requestSha256: r.request_sha256 as Hex,
  responseSha256: r.response_sha256 as Hex | null,
  receipt: r.receipt,
  receiptSignature: r.receipt_signature as Hex | null,
  receiptSigner: r.receipt_signer,
  createdAt: r.created_at,
});

/** A budget's balance in one token; `for update` locks the budget row, so reservations on it queue. */
async function readBalance(
  q: Queryable,
  orgId: string,
  token: string,
  staleBefore: Date,
  lock: boolean,
): Promise<GatewayBudgetBalance | null> {
  const budget = await q.query<{ id: string }>(
    `select id from gateway_budgets where org_id = $1${lock ? ' for update' : ''}`,
    [orgId],
  );
  const id = budget.rows[0]?.id;
  if (!id) return null;
  const r = await q.query<{
    funded: string;
    released: string;
    refunded: string;
    requester: string | null;
    deadline: Date | null;
    spent: string;
    reserved: string;
  }>(
    `select coalesce(b.funded_wei, 0)::text as funded, coalesce(b.released_wei, 0)::text as released,
       coalesce(b.refunded_wei, 0)::text as refunded, b.requester, b.deadline,
       coalesce(b.spent_wei, 0)::text as spent,
       coalesce((select sum(reserved_wei) from gateway_calls c
                 where c.budget_id = $1 and c.token = $2 and c.status = 'pending' and c.created_at >= $3), 0)::text
         as reserved
     from (select 1) one left join gateway_budget_balances b on b.budget_id = $1 and b.token = $2`,
    [id, token, staleBefore],
  );
  const x = r.rows[0]!;
  return {
    budgetId: id as BudgetId,
    token,
    fundedWei: BigInt(x.funded),
    releasedWei: BigInt(x.released),
    refundedWei: BigInt(x.refunded),
    spentWei: BigInt(x.spent),
    reservedWei: BigInt(x.reserved),
    requester: x.requester,
    deadline: x.deadline,
  };
}

/** The metered gateway's tables in PostgreSQL (see migration 0007_gateway.sql). */
export function gatewayStore(db: Db): GatewayStore {
  return {
    setEndpoint: (e) =>
      inTransaction(db, async (tx) => {
        const r = await tx.query<RawEndpoint>(
          `insert into gateway_endpoints (asset_id, url, api_key, model, token, price_per_call_wei,
             price_per_1k_tokens_wei, developer_bps, data_providers_bps, validators_bps, updated_by, updated_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)
           on conflict (asset_id) do update set url = excluded.url,
             api_key = case when $13 then gateway_endpoints.api_key else excluded.api_key end,
             model = excluded.model, token = excluded.token, price_per_call_wei = excluded.price_per_call_wei,
             price_per_1k_tokens_wei = excluded.price_per_1k_tokens_wei, developer_bps = excluded.developer_bps,
             data_providers_bps = excluded.data_providers_bps, validators_bps = excluded.validators_bps,
             updated_by = excluded.updated_by, updated_at = excluded.updated_at
           returning ${ENDPOINT_COLUMNS}`,
          [
            e.assetId,
            e.url,
            e.apiKey ?? null,
            e.model,
            e.token,
            e.pricePerCallWei.toString(),
            e.pricePer1kTokensWei.toString(),
            e.developerBps,
            e.dataProvidersBps,
            e.validatorsBps,
            e.updatedBy,
            e.now,
            e.apiKey === undefined,
          ],
        );
        // The asset's public endpoint is the gateway's, never the upstream's.
        await tx.query('update assets set endpoint_url = $2 where id = $1', [e.assetId, e.publicUrl]);
        return toEndpoint(r.rows[0]!);
      }),

    async endpoint(assetId) {
      if (!isUuid(assetId)) return null;
      const r = await db.query<RawEndpoint>(
        `select ${ENDPOINT_COLUMNS} from gateway_endpoints where asset_id = $1`,
        [assetId],
      );
      return r.rows[0] ? toEndpoint(r.rows[0]) : null;
    },

    async budget(orgId, now) {
      const r = await db.query<{ id: string }>(
        `with made as (
           insert into gateway_budgets (org_id, created_at) values ($1, $2) on conflict (org_id) do nothing returning id
         )
         select id from made union all select id from gateway_budgets where org_id = $1`,
        [orgId, now],
      );
      return r.rows[0]!.id as BudgetId;
    },

    balance: (orgId, token, staleBefore) => readBalance(db, orgId, token, staleBefore, false),

    reserve: (call, staleBefore, settleBy) =>
      inTransaction(db, async (tx) => {
        const b = await readBalance(tx, call.orgId, call.token, staleBefore, true);
        const available = b ? b.fundedWei - b.refundedWei - b.spentWei - b.reservedWei : 0n;
        const refuse = (refused: 'balance' | 'deadline') => ({
          reserved: false as const,
          refused,
          availableWei: available > 0n ? available : 0n,
          refundableFrom: b?.deadline ?? null,
        });
        if (!b || available < call.reservedWei) return refuse('balance');
        if (!b.deadline || b.deadline < settleBy) return refuse('deadline');
        await tx.query(
          `insert into gateway_calls (id, asset_id, budget_id, org_id, user_id, api_key_id, token, model, status,
             reserved_wei, request_sha256, created_at)
           values ($1, $2, $3, $4, $5, $6, $7, $8, 'pending', $9, $10, $11)`,
          [
            call.id,
            call.assetId,
            b.budgetId,
            call.orgId,
            call.userId,
            call.apiKeyId,
            call.token,
            call.model,
            call.reservedWei.toString(),
            call.requestSha256,
            call.now,
          ],
        );
        return { reserved: true };
      }),

    finish: (call) =>
      inTransaction(db, async (tx) => {
        const r = await tx.query<{ budget_id: string; token: string }>(
          `update gateway_calls set status = $2, prompt_tokens = $3, completion_tokens = $4, cost_wei = $5,
             upstream_status = $6, error = $7, latency_ms = $8, response_sha256 = $9, receipt = $10,
             receipt_signature = $11, receipt_signer = $12, finished_at = $13
           where id = $1 and status = 'pending' returning budget_id, token`,
          [
            call.id,
            call.status,
            call.promptTokens,
            call.completionTokens,
            call.costWei.toString(),
            call.upstreamStatus,
            call.error,
            call.latencyMs,
            call.responseSha256,
            call.receipt,
            call.receiptSignature,
            call.receiptSigner,
            call.now,
          ],
        );
        const row = r.rows[0];
        if (!row) return false;
        if (call.costWei > 0n)
          await tx.query(
            'update gateway_budget_balances set spent_wei = spent_wei + $3 where budget_id = $1 and token = $2',
            [row.budget_id, row.token, call.costWei.toString()],
          );
        const paid = call.payouts.filter((p) => p.amountWei > 0n);
        if (paid.length)
          await tx.query(
            `insert into accruals (source, token, user_id, budget_id, amount_wei, created_at)
             select 'gateway:' || $1 || ':' || u, $2, u, $3, a, $4
             from unnest($5::uuid[], $6::numeric[]) as x(u, a)
             on conflict do nothing`,
            [
              call.id,
              row.token,
              row.budget_id,
              call.now,
              paid.map((p) => p.userId),
              paid.map((p) => p.amountWei.toString()),
            ],
          );
        return true;
      }),

    async payees(assetId) {
      if (!isUuid(assetId)) return null;
      const owner = await db.query<{ owner_user_id: string }>(
        'select owner_user_id from assets where id = $1',
        [assetId],
      );
      if (!owner.rows[0]) return null;
      // Every ancestor, however far up, that is a published community dataset, with its co-owners who have an
      // account here (shares name addresses; accruals pay users).
      const r = await db.query<{
        dataset_id: string;
        user_id: string;
        weight: string;
        reviews_counted: number;
      }>(
        `with recursive up(id) as (
           select parent_id from asset_parents where asset_id = $1
           union
           select p.parent_id from asset_parents p join up on p.asset_id = up.id
         )
         select a.dataset_id, u.id as user_id, s.weight::text as weight, s.reviews_counted
         from up join assets a on a.id = up.id and a.kind = 'dataset' and a.dataset_id is not null
           join datasets d on d.id = a.dataset_id and d.status = 'published'
           join dataset_shares s on s.dataset_id = d.id
           join users u on u.address = s.account
         order by d.seq, s.rank`,
        [assetId],
      );
      const byDataset = new Map<string, GatewayPayees['datasets'][number]>();
      for (const x of r.rows) {
        let d = byDataset.get(x.dataset_id);
        if (!d) {
          d = { datasetId: x.dataset_id as DatasetId, shares: [] };
          byDataset.set(x.dataset_id, d);
        }
        d.shares.push({
          userId: x.user_id as UserId,
          weight: BigInt(x.weight),
          reviewsCounted: x.reviews_counted,
        });
      }
      return { developerUserId: owner.rows[0].owner_user_id as UserId, datasets: [...byDataset.values()] };
    },

    async apiKeyId(keyHash) {
      const r = await db.query<{ id: string }>(
        'select id from api_keys where key_hash = $1 and revoked_at is null',
        [keyHash],
      );
      return r.rows[0]?.id ?? null;
    },

    async usage(assetId, since) {
      const r = await db.query<{
        day: string;
        calls: number;
        failed: number;
        prompt: string;
        completion: string;
        revenue: string;
      }>(
        `select to_char(date_trunc('day', created_at at time zone 'UTC'), 'YYYY-MM-DD') as day,
           count(*) filter (where status = 'ok')::int as calls, count(*) filter (where status = 'failed')::int as failed,
           coalesce(sum(prompt_tokens), 0)::text as prompt, coalesce(sum(completion_tokens), 0)::text as completion,
           coalesce(sum(cost_wei), 0)::text as revenue
         from gateway_calls where asset_id = $1 and created_at >= $2 and status <> 'pending'
         group by 1 order by 1`,
        [assetId, since],
      );
      return r.rows.map((x) => ({
        day: x.day,
        calls: x.calls,
        failedCalls: x.failed,
        promptTokens: Number(x.prompt),
        completionTokens: Number(x.completion),
        revenueWei: BigInt(x.revenue),
      }));
    },

    async calls(userId, beforeSeq, limit) {
      const r = await db.query<RawCall>(
        `select c.id, c.seq::text, c.asset_id, a.name as asset_name, c.org_id, c.api_key_id, c.token, c.model,
           c.status, c.prompt_tokens, c.completion_tokens, c.cost_wei::text, c.error, c.latency_ms,
           c.request_sha256, c.response_sha256, c.receipt, c.receipt_signature, c.receipt_signer, c.created_at
         from gateway_calls c join assets a on a.id = c.asset_id
         where c.user_id = $1 and ($2::bigint is null or c.seq < $2::bigint)
         order by c.seq desc limit $3`,
        [userId, beforeSeq, limit],
      );
      return r.rows.map(toCall);
    },
  };
}
