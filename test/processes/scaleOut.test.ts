import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../../src/db/pool.ts';
import {
  type CaravanProcess,
  call,
  devSignIn,
  type SharedChain,
  siweSignIn,
  startCaravan,
  startSharedChain,
  until,
} from '../setup/processes.ts';
import { sentimentProject } from '../setup/testApp.ts';
import { testDb } from '../setup/testDb.ts';

// Two API processes behind a round-robin "load balancer" and two workers, on one PostgreSQL database and one
// anvil: every answer lands once, no item is handed out twice to a person or beyond its overlap, every job's
// effect happens once, and the workers settle the approved work in epochs without sending anything twice.

let db: Db;
let dropDb: () => Promise<void>;
let databaseUrl: string;
let chain: SharedChain;
let dir: string;
const processes: CaravanProcess[] = [];
const REWARD = parseEther('1');

const ENV = {
  CARAVAN_QUALITY_DELAY_MS: '200',
  CARAVAN_SETTLE_SECONDS: '0.5',
  CARAVAN_HOLD_SECONDS: '0',
  CARAVAN_EPOCH_SECONDS: '0',
  CARAVAN_RATE_SIGNIN_PER_MINUTE: '100000',
  CARAVAN_RATE_SUBMIT_PER_MINUTE: '100000',
};

beforeAll(async () => {
  ({ db, url: databaseUrl, drop: dropDb } = await testDb());
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-scale-'));
  chain = await startSharedChain(dir);
  processes.push(
    ...(await Promise.all(
      (['api', 'api', 'worker', 'worker'] as const).map((role) =>
        startCaravan({ role, databaseUrl, chain, env: ENV }),
      ),
    )),
  );
}, 180_000);
afterAll(async () => {
  await Promise.all(processes.map((p) => p.stop()));
  await chain?.stop();
  await dropDb?.();
  await fs.rm(dir, { recursive: true, force: true });
});

const rows = async <T>(sql: string, params: unknown[] = []) => (await db.query(sql, params)).rows as T[];
const count = async (sql: string, params: unknown[] = []) =>
  Number((await rows<{ n: string }>(sql, params))[0]!.n);

describe('two API processes and two workers on one database', () => {
  it('serve a crowd with no duplicate assignments, no lost answers and one settlement of each', async () => {
    const [api1, api2, worker1, worker2] = processes as [
      CaravanProcess,
      CaravanProcess,
      CaravanProcess,
      CaravanProcess,
    ];
    // A worker answers health, readiness and metrics only.
    expect((await call(worker1.base, 'GET', '/readyz')).json.ok).toBe(true);
    expect((await call(worker2.base, 'GET', '/api/tasks')).status).toBe(404);
    let turn = 0;
    const next = () => ([api1, api2][turn++ % 2] as CaravanProcess).base;

    const requester = await devSignIn(next(), 'requester');
    const items = 150;
    const created = await call(next(), 'POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({
        overlap: 2,
        rewardPerItemWei: REWARD.toString(),
        budgetWei: (REWARD * BigInt(2 * items)).toString(),
        quality: {
          review: { enabled: false },
          aggregation: { method: 'mv', confidence: 0.5, minAnswers: 2 },
        },
      }),
    });
    expect(created.status).toBe(201);
    const id = created.json.id as string;
    const lines = Array.from({ length: items }, (_, i) => JSON.stringify({ id: `s${i}`, text: `text ${i}` }));
    expect(
      (
        await call(next(), 'POST', `/api/projects/${id}/items?format=jsonl`, {
          cookie: requester,
          raw: lines.join('\n'),
        })
      ).status,
    ).toBe(200);
    const fund = await call(next(), 'POST', `/api/projects/${id}/escrow/fund-calls`, {
      cookie: requester,
      body: { amountWei: (REWARD * BigInt(2 * items)).toString() },
    });
    expect(
      (
        await call(next(), 'POST', '/api/wallet/dev/send', {
          cookie: requester,
          body: { calls: fund.json.calls },
        })
      ).status,
    ).toBe(200);
    await until(
      'the escrow funding seen by a worker',
      async () => (await count('select count(*) as n from escrow_balances where project_id = $1', [id])) > 0,
    );

    // Sixteen contributors, every request to the next API process in turn; all answer the same (consensus).
    const acked: string[] = [];
    const contributors = await Promise.all(
      Array.from({ length: 16 }, (_, i) => siweSignIn(next(), `scale-${i}`)),
    );
    await Promise.all(
      contributors.map(async (cookie, c) => {
        for (let n = 0; ; n++) {
          const lease = await call(next(), 'POST', `/api/tasks/${id}/assignments`, { cookie });
          if (lease.status === 204) return;
          expect(lease.status, lease.text).toBe(200);
          const r = await call(next(), 'POST', `/api/assignments/${lease.json.id}/answer`, {
            cookie,
            body: { answer: { choice: 'pos' }, durationMs: 2500, idempotencyKey: `answer-${c}-${n}` },
          });
          expect(r.status, r.text).toBe(200);
          acked.push(r.json.answerId);
        }
      }),
    );

    // No lost answers and none twice; no item beyond its overlap; nobody twice on one item. Items answered other
    // than twice come first, with what the quality pass asked of them, so a failure says where it went wrong.
    const offItems = await rows(
      `select a.item_id, count(*)::int as answers, i.needed, i.claims, i.is_open,
         json_agg(json_build_object('user', a.user_id, 'status', a.status, 'screen', a.screen_outcome,
           'by', a.decided_by, 'why', a.decision_reason) order by a.id) as detail
       from answers a join items i on i.id = a.item_id where a.project_id = $1
       group by a.item_id, i.needed, i.claims, i.is_open having count(*) <> 2`,
      [id],
    );
    // An answer the screening refuses is rejected and its item offered again: a busy machine may acknowledge a
    // few more than items × overlap, and each item still ends with exactly two answers that count.
    const rejected = await count(
      "select count(*) as n from answers where project_id = $1 and status = 'rejected'",
      [id],
    );
    expect(
      acked.length,
      `acknowledged answers (${rejected} rejected); items not answered twice: ${JSON.stringify(offItems)}`,
    ).toBe(2 * items + rejected);
    expect(new Set(acked).size).toBe(acked.length);
    expect(
      await count('select count(*) as n from answers where project_id = $1', [id]),
      'stored answers',
    ).toBe(acked.length);
    expect(
      await rows(
        `select item_id from answers where project_id = $1 and status <> 'rejected'
         group by item_id having count(*) <> 2`,
        [id],
      ),
    ).toEqual([]);
    expect(
      await rows(
        'select item_id, user_id from assignments where project_id = $1 group by 1, 2 having count(*) > 1',
        [id],
      ),
    ).toEqual([]);
    const seqs = await rows<{ seq: string }>(
      'select seq from ledger_entries where project_id = $1 order by seq',
      [id],
    );
    expect(seqs.map((r) => Number(r.seq))).toEqual(Array.from({ length: acked.length }, (_, i) => i + 1));
    expect(
      (await call(next(), 'GET', `/api/projects/${id}/ledger/verify`, { cookie: requester })).json.ok,
    ).toBe(true);

    // Every answer approved once by the quality passes, credited once, settled in accepted epochs.
    await until('every answer approved, credited and in an accepted epoch', async () => {
      const open = await count(
        `select count(*) as n from answers a where a.project_id = $1 and a.status <> 'rejected'
          and (a.status <> 'approved' or not exists (select 1 from accruals r where r.source = 'answer:' || a.id and r.epoch is not null))`,
        [id],
      );
      const unaccepted = await count(
        "select count(*) as n from epochs where status not in ('accepted', 'revoked')",
      );
      return open === 0 && unaccepted === 0;
    });
    expect(await count('select count(*) as n from accruals where project_id = $1', [id]), 'accruals').toBe(
      2 * items,
    );
    const credited = await rows<{ total: string }>(
      'select sum(amount_wei)::text as total from accruals where project_id = $1',
      [id],
    );
    const epochs = await rows<{ epoch: string; totals: Record<string, string> }>(
      "select epoch::text, totals from epochs where status = 'accepted' order by epoch desc",
    );
    expect(new Set(epochs.map((e) => e.epoch)).size).toBe(epochs.length);
    expect(
      Object.values(epochs[0]!.totals)
        .map(BigInt)
        .reduce((a, b) => a + b, 0n),
    ).toBe(BigInt(credited[0]!.total));
    // Each operator transaction was sent once, whichever worker sent it.
    expect(
      await rows(
        "select purpose from chain_txs where status <> 'dropped' group by purpose having count(*) > 1",
      ),
    ).toEqual([]);
    expect(await count("select count(*) as n from chain_txs where status = 'reverted'")).toBe(0);

    // Each contributor can claim what they earned: overlap 2 of 150 items over 16 people, a whole reward each.
    const earned = await rows<{ n: string }>(
      "select count(*) as n from answers where project_id = $1 and status = 'approved' group by user_id",
      [id],
    );
    expect(
      earned.reduce((sum, r) => sum + Number(r.n), 0),
      'approved answers',
    ).toBe(2 * items);
    const rewards = await call(next(), 'GET', '/api/me/rewards', { cookie: contributors[0]! });
    const platform = rewards.json.tokens.find((t: { claimableWei: string }) => BigInt(t.claimableWei) > 0n);
    expect(platform, rewards.text).toBeTruthy();

    // Jobs: 300 queued at once, taken by both workers, each run exactly once (the per-minute cron may add one a minute).
    const queuedAt = Date.now();
    await db.query(
      "select graphile_worker.add_job('expire_leases', '{}'::json, job_key := 'scale-test-' || g) from generate_series(1, 300) g",
    );
    await until(
      'the queue drained',
      async () =>
        (await count(
          "select count(*) as n from graphile_worker._private_jobs where key like 'scale-test-%'",
        )) === 0,
    );
    const runs = await Promise.all(
      [worker1, worker2].map(async (w) => {
        const text = (await call(w.base, 'GET', '/metrics')).text;
        const m =
          /caravan_job_runs_total\{[^}]*task="expire_leases"[^}]*outcome="completed"[^}]*\} (\d+)/.exec(text);
        return Number(m?.[1] ?? 0);
      }),
    );
    const cronSlots = Math.ceil((Date.now() - queuedAt) / 60_000) + 1;
    console.log(`expire_leases runs by worker: ${runs.join(' + ')}`);
    expect(runs[0]! + runs[1]!).toBeGreaterThanOrEqual(300);
    expect(runs[0]! + runs[1]!).toBeLessThanOrEqual(300 + cronSlots);

    // Metrics come from every process; each names its role.
    const metrics = await call(api2.base, 'GET', '/metrics');
    expect(metrics.text).toMatch(
      /caravan_http_requests_total\{method="POST",route="\/api\/assignments\/:id\/answer",status="200",role="api"\} \d+/,
    );
    expect((await call(worker2.base, 'GET', '/metrics')).text).toContain(
      'caravan_epoch_accepted{role="worker"}',
    );
  }, 240_000);
});
