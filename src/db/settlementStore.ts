import { type Address, getAddress, type Hex } from 'viem';
import { projectIdFromKey } from '../domain/chain/projectKey.ts';
import type {
  ChainEvent,
  ClaimProof,
  EarningsRow,
  EpochRow,
  EscrowRow,
  SettlementStore,
} from '../usecases/chainPorts.ts';
import { splitProof } from './bytes.ts';
import { type Db, inTransaction, type Tx } from './pool.ts';
import { isUuid } from './projectStore.ts';

type RawEpoch = {
  id: string;
  epoch: string;
  status: EpochRow['status'];
  root: Hex | null;
  manifest_hash: Hex | null;
  totals: Record<string, string>;
  leaf_count: number;
  acceptable_at: Date | null;
  created_at: Date;
  proposed_at: Date | null;
  accepted_at: Date | null;
};
const EPOCH_COLUMNS =
  'id::text, epoch, status, root, manifest_hash, totals, leaf_count, acceptable_at, created_at, proposed_at, accepted_at';
const toEpoch = (r: RawEpoch): EpochRow => ({
  id: r.id,
  epoch: Number(r.epoch),
  status: r.status,
  root: r.root,
  manifestHash: r.manifest_hash,
  totals: r.totals,
  leafCount: r.leaf_count,
  acceptableAt: r.acceptable_at,
  createdAt: r.created_at,
  proposedAt: r.proposed_at,
  acceptedAt: r.accepted_at,
});

/** Settlement's tables in PostgreSQL (see migration 0003_chain.sql). */
export function settlementStore(db: Db): SettlementStore {
  return {
    async cursor(chainId) {
      const r = await db.query<{ next_block: string }>(
        'select next_block from chain_cursor where chain_id = $1',
        [chainId],
      );
      return r.rows[0] ? Number(r.rows[0].next_block) : null;
    },

    recordEvents: (chainId, events, nextBlock) =>
      inTransaction(db, async (tx) => {
        let fresh = 0;
        for (const e of events) {
          const inserted = await tx.query(
            `insert into chain_events (block_number, log_index, tx_hash, contract, name, args, block_time)
             values ($1, $2, $3, $4, $5, $6, $7) on conflict do nothing`,
            [e.blockNumber, e.logIndex, e.txHash, e.contract, e.name, JSON.stringify(e.args), e.blockTime],
          );
          if (!inserted.rowCount) continue;
          fresh++;
          await applyEvent(tx, e);
        }
        await tx.query(
          `insert into chain_cursor (chain_id, next_block) values ($1, $2)
           on conflict (chain_id) do update set next_block = greatest(chain_cursor.next_block, excluded.next_block)`,
          [chainId, nextBlock],
        );
        return fresh;
      }),

    accrue: (input) =>
      inTransaction(db, async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['caravan-accrue']);
        const cursor = await tx.query<{ accrued_to: Date }>('select accrued_to from accrual_cursor');
        // Decisions committed a little after their decided_at are caught by looking back a day.
        const since = cursor.rows[0]
          ? new Date(cursor.rows[0].accrued_to.getTime() - 86_400_000)
          : new Date(0);
        const r = await tx.query(
          `insert into accruals (source, token, user_id, project_id, amount_wei, created_at)
           select 'answer:' || a.id, $3::text, a.user_id, a.project_id, a.reward_wei, $4::timestamptz
             from answers a
             where a.status = 'approved' and a.decided_at > $1::timestamptz and a.decided_at <= $2::timestamptz and a.reward_wei > 0
           union all
           select 'answer:' || a.id, p.partner_token, a.user_id, a.project_id, p.partner_reward_per_item_wei, $4::timestamptz
             from answers a join projects p on p.id = a.project_id
             where a.status = 'approved' and a.decided_at > $1 and a.decided_at <= $2 and a.kind = 'work'
               and p.partner_token is not null and p.partner_reward_per_item_wei > 0
           union all
           select 'review:' || r.id, $3::text, r.reviewer_id, r.project_id, r.reward_wei, $4::timestamptz
             from reviews r
             where r.status = 'done' and r.decided_at > $1 and r.decided_at <= $2 and r.reward_wei > 0
           on conflict do nothing`,
          [since, input.cutoff, input.platformToken, input.now],
        );
        await tx.query(
          `insert into accrual_cursor (accrued_to) values ($1)
           on conflict (id) do update set accrued_to = greatest(accrual_cursor.accrued_to, excluded.accrued_to)`,
          [input.cutoff],
        );
        return r.rowCount ?? 0;
      }),

    async openEpoch() {
      const r = await db.query<RawEpoch>(
        `select ${EPOCH_COLUMNS} from epochs where status in ('releasing', 'built', 'proposed') order by epoch limit 1`,
      );
      return r.rows[0] ? toEpoch(r.rows[0]) : null;
    },

    async lastAccepted() {
      const r = await db.query<RawEpoch>(
        `select ${EPOCH_COLUMNS} from epochs where status = 'accepted' order by epoch desc limit 1`,
      );
      return r.rows[0] ? toEpoch(r.rows[0]) : null;
    },

    async epochs(limit) {
      const r = await db.query<RawEpoch>(`select ${EPOCH_COLUMNS} from epochs order by id desc limit $1`, [
        limit,
      ]);
      return r.rows.map(toEpoch);
    },

    openNext: (epoch, now) =>
      inTransaction(db, async (tx) => {
        await tx.query('select pg_advisory_xact_lock(hashtext($1))', ['caravan-accrue']);
        // Oldest first, each escrow's accruals join the epoch while the escrow (what was funded, less what was
        // refunded and what earlier epochs took) still covers them. An escrow is a project's, or a gateway
        // caller's prepaid budget (accruals.budget_id, migration 0007_gateway.sql).
        await tx.query(
          `with free as (
             select e.project_id as payer, e.token, e.funded_wei - e.refunded_wei - coalesce((
               select sum(x.amount_wei) from accruals x
               where x.project_id = e.project_id and x.token = e.token and x.epoch is not null), 0) as free_wei
             from escrow_balances e
             union all
             select b.budget_id, b.token, b.funded_wei - b.refunded_wei - coalesce((
               select sum(x.amount_wei) from accruals x
               where x.budget_id = b.budget_id and x.token = b.token and x.epoch is not null), 0)
             from gateway_budget_balances b
           ), ranked as (
             select a.source, a.token, f.free_wei,
               sum(a.amount_wei) over (partition by f.payer, a.token order by a.created_at, a.source) as running
             from accruals a join free f on f.payer = coalesce(a.project_id, a.budget_id) and f.token = a.token
             where a.epoch is null
           )
           update accruals a set epoch = $1 from ranked r
           where a.source = r.source and a.token = r.token and r.running <= r.free_wei`,
          [epoch],
        );
        const any = await tx.query('select 1 from accruals where epoch = $1 limit 1', [epoch]);
        if (!any.rowCount) return null;
        const r = await tx.query<RawEpoch>(
          `insert into epochs (epoch, status, created_at) values ($1, 'releasing', $2) returning ${EPOCH_COLUMNS}`,
          [epoch, now],
        );
        return toEpoch(r.rows[0]!);
      }),

    async releases(epoch) {
      const r = await db.query<{ project_id: string; token: Address; amount: string }>(
        // A gateway budget's escrow is keyed by the budget id as a project's is by its id.
        `select coalesce(project_id, budget_id) as project_id, token, sum(amount_wei)::text as amount
         from accruals where epoch = $1 group by 1, token order by 1, token`,
        [epoch],
      );
      return r.rows.map((x) => ({ projectId: x.project_id, token: x.token, amountWei: BigInt(x.amount) }));
    },

    async cumulativeTotals(epoch) {
      const r = await db.query<{ account: Address; token: Address; total: string }>(
        `select u.address as account, a.token, sum(a.amount_wei)::text as total
         from accruals a join users u on u.id = a.user_id where a.epoch <= $1
         group by u.address, a.token order by u.address, a.token`,
        [epoch],
      );
      return r.rows.map((x) => ({ account: x.account, token: x.token, cumulativeWei: BigInt(x.total) }));
    },

    saveTree: (epochId, t) =>
      inTransaction(db, async (tx) => {
        await tx.query('delete from epoch_leaves where epoch_id = $1', [epochId]);
        for (let k = 0; k < t.leaves.length; k += 5000) {
          const { positions, proofs } = t.proofs(k, Math.min(k + 5000, t.leaves.length));
          const part = Array.from(positions, (i) => t.leaves[i]!);
          await tx.query(
            `insert into epoch_leaves (epoch_id, account, token, cumulative_wei, proof)
             select $1, * from unnest($2::text[], $3::text[], $4::numeric[], $5::bytea[])`,
            [
              epochId,
              part.map((l) => l.account),
              part.map((l) => l.token),
              part.map((l) => l.cumulativeWei.toString()),
              proofs.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
            ],
          );
        }
        await tx.query(
          `update epochs set status = 'built', root = $2, manifest_hash = $3, totals = $4, leaf_count = $5
           where id = $1 and status = 'releasing'`,
          [epochId, t.root, t.manifestHash, JSON.stringify(t.totals), t.leaves.length],
        );
      }),

    async markProposed(epochId, acceptableAt, now) {
      await db.query(
        `update epochs set status = 'proposed', acceptable_at = $2, proposed_at = coalesce(proposed_at, $3)
         where id = $1 and status in ('built', 'proposed')`,
        [epochId, acceptableAt, now],
      );
    },

    async markAccepted(epochId, now) {
      await db.query(
        `update epochs set status = 'accepted', accepted_at = coalesce(accepted_at, $2) where id = $1 and status <> 'revoked'`,
        [epochId, now],
      );
    },

    async earnings(address, platformToken) {
      const r = await db.query<{
        token: Address;
        accruing: string;
        in_epoch: string;
        claimable: string;
        claimed: string;
      }>(
        `with me as (select id, address from users where address = $1),
         last as (select id, epoch from epochs where status = 'accepted' order by epoch desc limit 1),
         mine as (select a.token, a.amount_wei, a.epoch from accruals a where a.user_id = (select id from me)),
         settled as (
           select l.token, l.cumulative_wei from epoch_leaves l
           where l.epoch_id = (select id from last) and l.account = (select address from me)
         ),
         unaccrued as (
           select 'platform' as kind, a.reward_wei as amount from answers a
           where a.user_id = (select id from me) and a.status = 'approved' and a.reward_wei > 0
             and not exists (select 1 from accruals x where x.source = 'answer:' || a.id)
           union all
           select 'platform', r.reward_wei from reviews r
           where r.reviewer_id = (select id from me) and r.status = 'done' and r.reward_wei > 0
             and not exists (select 1 from accruals x where x.source = 'review:' || r.id)
         ),
         tokens as (
           select token from mine union select token from claims where account = (select address from me)
         )
         select t.token,
           (coalesce((select sum(amount_wei) from mine m where m.token = t.token and m.epoch is null), 0))::text as accruing,
           (coalesce((select sum(amount_wei) from mine m where m.token = t.token and m.epoch is not null
              and m.epoch > coalesce((select epoch from last), 0)), 0))::text as in_epoch,
           (coalesce((select cumulative_wei from settled s where s.token = t.token), 0)
             - coalesce((select claimed_wei from claims c where c.account = (select address from me) and c.token = t.token), 0))::text
             as claimable,
           (coalesce((select claimed_wei from claims c where c.account = (select address from me) and c.token = t.token), 0))::text
             as claimed
         from tokens t
         union all
         select null, coalesce(sum(amount), 0)::text, '0', '0', '0' from unaccrued`,
        [address],
      );
      const rows: EarningsRow[] = [];
      let unaccrued = 0n;
      for (const x of r.rows) {
        if (x.token === null) {
          unaccrued = BigInt(x.accruing);
          continue;
        }
        const claimable = BigInt(x.claimable);
        rows.push({
          token: x.token,
          accruingWei: BigInt(x.accruing),
          inEpochWei: BigInt(x.in_epoch),
          claimableWei: claimable > 0n ? claimable : 0n,
          claimedWei: BigInt(x.claimed),
        });
      }
      if (unaccrued === 0n) return rows;
      const platform = rows.find((x) => x.token === platformToken);
      if (platform) platform.accruingWei += unaccrued;
      else
        rows.unshift({
          token: platformToken,
          accruingWei: unaccrued,
          inEpochWei: 0n,
          claimableWei: 0n,
          claimedWei: 0n,
        });
      return rows;
    },

    async claimProofs(address) {
      const r = await db.query<{
        epoch: string;
        token: Address;
        cumulative: string;
        claimed: string;
        proof: Buffer;
      }>(
        `select e.epoch, l.token, l.cumulative_wei::text as cumulative,
           coalesce(c.claimed_wei, 0)::text as claimed, l.proof
         from epochs e join epoch_leaves l on l.epoch_id = e.id
           left join claims c on c.account = l.account and c.token = l.token
         where e.id = (select id from epochs where status = 'accepted' order by epoch desc limit 1)
           and l.account = $1
         order by l.token`,
        [address],
      );
      return r.rows.map(
        (x): ClaimProof => ({
          epoch: Number(x.epoch),
          token: x.token,
          cumulativeWei: BigInt(x.cumulative),
          claimedWei: BigInt(x.claimed),
          proof: splitProof(x.proof),
        }),
      );
    },

    async unclaimed(limit) {
      const r = await db.query<{
        epoch: string;
        account: Address;
        token: Address;
        cumulative: string;
        claimed: string;
        proof: Buffer;
      }>(
        `select e.epoch, l.account, l.token, l.cumulative_wei::text as cumulative,
           coalesce(c.claimed_wei, 0)::text as claimed, l.proof
         from epochs e join epoch_leaves l on l.epoch_id = e.id
           left join claims c on c.account = l.account and c.token = l.token
         where e.id = (select id from epochs where status = 'accepted' order by epoch desc limit 1)
           and l.cumulative_wei > coalesce(c.claimed_wei, 0)
         order by l.account, l.token limit $1`,
        [limit],
      );
      return r.rows.map((x) => ({
        epoch: Number(x.epoch),
        account: x.account,
        token: x.token,
        cumulativeWei: BigInt(x.cumulative),
        claimedWei: BigInt(x.claimed),
        proof: splitProof(x.proof),
      }));
    },

    async escrow(projectId) {
      if (!isUuid(projectId)) return [];
      const r = await db.query<{
        token: Address;
        funded: string;
        released: string;
        refunded: string;
        committed: string;
        requester: Address | null;
        deadline: Date | null;
      }>(
        `select e.token, e.funded_wei::text as funded, e.released_wei::text as released,
           e.refunded_wei::text as refunded, e.requester, e.deadline,
           (case when e.token = p.partner_token then p.partner_committed_wei else p.committed_wei end)::text as committed
         from escrow_balances e join projects p on p.id = e.project_id
         where e.project_id = $1 order by e.token`,
        [projectId],
      );
      return r.rows.map(
        (x): EscrowRow => ({
          token: x.token,
          fundedWei: BigInt(x.funded),
          releasedWei: BigInt(x.released),
          refundedWei: BigInt(x.refunded),
          committedWei: BigInt(x.committed),
          requester: x.requester,
          deadline: x.deadline,
        }),
      );
    },

    async badgeChanges(tierNames, limit) {
      const r = await db.query<{
        user_id: string;
        address: Address;
        tier: number;
        action: 'issue' | 'revoke';
        version: string;
      }>(
        `with want as (
           select u.id as user_id, u.address, t.tier
           from users u cross join lateral generate_series(1, array_position($1::text[], u.tier) - 1) as t(tier)
         )
         select w.user_id, w.address, w.tier, 'issue' as action,
           coalesce(extract(epoch from b.updated_at) * 1000, 0)::bigint::text as version
         from want w left join badges b on b.user_id = w.user_id and b.tier = w.tier
         where b.status is distinct from 'issued'
         union all
         select b.user_id, u.address, b.tier, 'revoke', (extract(epoch from b.updated_at) * 1000)::bigint::text
         from badges b join users u on u.id = b.user_id
         where b.status = 'issued' and b.tier > array_position($1::text[], u.tier) - 1
         limit $2`,
        [tierNames, limit],
      );
      return r.rows.map((x) => ({
        userId: x.user_id,
        address: x.address,
        tier: x.tier,
        action: x.action,
        version: Number(x.version),
      }));
    },

    async recordSlash(x) {
      const r = await db.query<{ id: string }>(
        `insert into slashes (user_id, amount_wei, evidence, evidence_hash, decided_by, created_at)
         select u.id, $2, $3, $4, $5, $6 from users u where u.address = $1 returning id::text`,
        [x.address, x.amountWei.toString(), JSON.stringify(x.evidence), x.evidenceHash, x.decidedBy, x.now],
      );
      return r.rows[0] ?? null;
    },

    async setSlashTx(id, txHash) {
      await db.query('update slashes set tx_hash = $2 where id = $1', [id, txHash]);
    },

    async slashes(limit) {
      const r = await db.query<{
        id: string;
        address: Address;
        amount: string;
        evidence: unknown;
        evidence_hash: Hex;
        tx_hash: Hex | null;
        created_at: Date;
      }>(
        `select s.id::text, u.address, s.amount_wei::text as amount, s.evidence, s.evidence_hash, s.tx_hash, s.created_at
         from slashes s join users u on u.id = s.user_id order by s.id desc limit $1`,
        [limit],
      );
      return r.rows.map((x) => ({
        id: x.id,
        address: x.address,
        amountWei: BigInt(x.amount),
        evidence: x.evidence,
        evidenceHash: x.evidence_hash,
        txHash: x.tx_hash,
        createdAt: x.created_at,
      }));
    },

    async markBadge(userId, tier, status, now) {
      await db.query(
        `insert into badges (user_id, tier, status, updated_at) values ($1, $2, $3, $4)
         on conflict (user_id, tier) do update set status = excluded.status, updated_at = excluded.updated_at`,
        [userId, tier, status, now],
      );
    },
  };
}

/** Applies one new chain event to the mirrors it changes. */
async function applyEvent(tx: Tx, e: ChainEvent) {
  const a = e.args as Record<string, string>;
  const key = `${e.contract}.${e.name}`;
  switch (key) {
    case 'escrow.Funded': {
      const projectId = projectIdFromKey(a.projectId!);
      if (!projectId) return;
      await tx.query(
        `insert into escrow_balances (project_id, token, funded_wei, requester, deadline)
         select $1, $2, $3, $4, to_timestamp($5) where exists (select 1 from projects where id = $1)
         on conflict (project_id, token) do update set funded_wei = escrow_balances.funded_wei + excluded.funded_wei,
           requester = excluded.requester, deadline = excluded.deadline`,
        [projectId, getAddress(a.token!), a.received, getAddress(a.requester!), Number(a.deadline)],
      );
      return;
    }
    case 'escrow.Released':
    case 'escrow.Refunded': {
      const projectId = projectIdFromKey(a.projectId!);
      if (!projectId) return;
      const column = e.name === 'Released' ? 'released_wei' : 'refunded_wei';
      await tx.query(
        `update escrow_balances set ${column} = ${column} + $3 where project_id = $1 and token = $2`,
        [projectId, getAddress(a.token!), a.amount],
      );
      return;
    }
    case 'distributor.Claimed':
      await tx.query(
        `insert into claims (account, token, claimed_wei, last_tx, updated_at) values ($1, $2, $3, $4, $5)
         on conflict (account, token) do update set claimed_wei = greatest(claims.claimed_wei, excluded.claimed_wei),
           last_tx = excluded.last_tx, updated_at = excluded.updated_at`,
        [getAddress(a.account!), getAddress(a.token!), a.cumulativeAmount, e.txHash, e.blockTime],
      );
      return;
    case 'distributor.RootProposed':
      await tx.query(
        `update epochs set status = 'proposed', acceptable_at = to_timestamp($3), proposed_at = coalesce(proposed_at, $4)
         where epoch = $1 and root = $2 and status in ('built', 'proposed')`,
        [a.epoch, a.root, Number(a.acceptableAt), e.blockTime],
      );
      return;
    case 'distributor.RootAccepted':
      await tx.query(
        `update epochs set status = 'accepted', accepted_at = coalesce(accepted_at, $3)
         where epoch = $1 and root = $2 and status <> 'revoked'`,
        [a.epoch, a.root, e.blockTime],
      );
      return;
    case 'distributor.RootRevoked':
      await tx.query(`update epochs set status = 'revoked' where epoch = $1 and root = $2`, [
        a.epoch,
        a.root,
      ]);
      return;
    case 'provenance.Anchored':
      await tx.query(
        `update provenance_batches set status = 'anchored', tx_hash = $2, block_number = $3, anchored_at = $4
         where batch_id = $1`,
        [a.batchId, e.txHash, e.blockNumber, e.blockTime],
      );
      return;
    case 'stakes.Slashed':
      await tx.query(`update slashes set tx_hash = $2 where evidence_hash = $1 and tx_hash is null`, [
        a.evidenceHash,
        e.txHash,
      ]);
      return;
    default:
  }
}
