import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createPublicClient, http, parseAbi, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anvilRpc } from '../../src/chain/startAnvil.ts';
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

// The real server as a child process on PostgreSQL and a real anvil, killed with SIGKILL in the middle of the
// work: what it acknowledged is there exactly once, nothing is half-written, and it carries on after a restart.

let db: Db;
let dropDb: () => Promise<void>;
let databaseUrl: string;
let chain: SharedChain;
let dir: string;
let server: CaravanProcess | null = null;

const ENV = {
  CARAVAN_QUALITY_DELAY_MS: '100',
  CARAVAN_SETTLE_SECONDS: '0.3',
  CARAVAN_HOLD_SECONDS: '0',
  CARAVAN_EPOCH_SECONDS: '0',
  CARAVAN_RATE_SIGNIN_PER_MINUTE: '100000',
  CARAVAN_RATE_SUBMIT_PER_MINUTE: '100000',
};
const REWARD = parseEther('1');
const start = () => startCaravan({ role: 'all', databaseUrl, chain, env: ENV });

beforeAll(async () => {
  ({ db, url: databaseUrl, drop: dropDb } = await testDb());
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-crash-'));
  chain = await startSharedChain(dir);
}, 120_000);
afterAll(async () => {
  await server?.stop();
  await chain?.stop();
  await dropDb?.();
  await fs.rm(dir, { recursive: true, force: true });
});

/** A funded project whose single answers are approved by the quality pass (overlap 1, majority of one). */
async function project(base: string, requester: string, items: number) {
  const budget = (REWARD * BigInt(items)).toString();
  const created = await call(base, 'POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({
      overlap: 1,
      rewardPerItemWei: REWARD.toString(),
      budgetWei: budget,
      quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.5, minAnswers: 1 } },
    }),
  });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as string;
  const lines = Array.from({ length: items }, (_, i) => JSON.stringify({ id: `i${i}`, text: `text ${i}` }));
  const imported = await call(base, 'POST', `/api/projects/${id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  const fund = await call(base, 'POST', `/api/projects/${id}/escrow/fund-calls`, {
    cookie: requester,
    body: { amountWei: budget },
  });
  const sent = await call(base, 'POST', '/api/wallet/dev/send', {
    cookie: requester,
    body: { calls: fund.json.calls },
  });
  expect(sent.status, sent.text).toBe(200);
  await until(
    'the funding mirrored from the chain',
    async () => (await count('select count(*) as n from escrow_balances where project_id = $1', [id])) > 0,
  );
  return id;
}

type Acked = { assignmentId: string; answerId: string; key: string };
type InFlight = { assignmentId: string; key: string; cookie: string };

/** One contributor labelling until told to stop, out of items, or the server is gone. */
async function label(
  base: string,
  projectId: string,
  cookie: string,
  name: string,
  acked: Acked[],
  inFlight: InFlight[],
  stop: { now: boolean },
) {
  for (let n = 0; !stop.now; n++) {
    let lease: Awaited<ReturnType<typeof call>>;
    try {
      lease = await call(base, 'POST', `/api/tasks/${projectId}/assignments`, { cookie });
    } catch {
      return;
    }
    if (lease.status !== 200) return;
    const key = `answer-${name}-${n}`;
    try {
      const r = await call(base, 'POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie,
        body: { answer: { choice: n % 2 ? 'pos' : 'neg' }, durationMs: 2500, idempotencyKey: key },
      });
      if (r.status !== 200) throw new Error(`answer refused: ${r.status} ${r.text}`);
      acked.push({ assignmentId: lease.json.id, answerId: r.json.answerId, key });
    } catch (error) {
      if (error instanceof Error && error.message.startsWith('answer refused')) throw error;
      inFlight.push({ assignmentId: lease.json.id, key, cookie });
      return;
    }
  }
}

const count = async (sql: string, params: unknown[] = []) =>
  Number((await db.query<{ n: string }>(sql, params)).rows[0]!.n);

describe('a crash of the server', () => {
  it('keeps every acknowledged answer exactly once, none half-written, and resumes the queue', async () => {
    server = await start();
    const requester = await devSignIn(server.base, 'requester');
    const id = await project(server.base, requester, 2000);
    const contributors = await Promise.all(
      Array.from({ length: 12 }, (_, i) => siweSignIn(server!.base, `crash-${i}`)),
    );

    const acked: Acked[] = [];
    const inFlight: InFlight[] = [];
    const stop = { now: false };
    const loops = contributors.map((cookie, i) =>
      label(server!.base, id, cookie, `c${i}`, acked, inFlight, stop),
    );
    await until('200 acknowledged answers', async () => acked.length >= 200);
    await server.crash();
    await Promise.all(loops);
    const ackedAtCrash = acked.length;
    expect(ackedAtCrash).toBeGreaterThanOrEqual(200);

    server = await start();
    // Every acknowledged answer is stored once, as acknowledged, with its ledger entry.
    const ids = acked.map((a) => a.answerId);
    expect(await count('select count(*) as n from answers where id = any($1::bigint[])', [ids])).toBe(
      ids.length,
    );
    expect(
      await count(
        `select count(*) as n from answers a join assignments s on s.id = a.assignment_id
          where a.id = any($1::bigint[]) and s.status = 'submitted' and a.assignment_id = any($2::bigint[])`,
        [ids, acked.map((a) => a.assignmentId)],
      ),
    ).toBe(ids.length);
    // Nothing half-written: every answer has one submitted assignment and one ledger entry, and back.
    const answers = await count('select count(*) as n from answers where project_id = $1', [id]);
    expect(
      await count("select count(*) as n from assignments where project_id = $1 and status = 'submitted'", [
        id,
      ]),
    ).toBe(answers);
    expect(
      await count('select count(distinct assignment_id) as n from answers where project_id = $1', [id]),
    ).toBe(answers);
    expect(await count('select count(*) as n from ledger_entries where project_id = $1', [id])).toBe(answers);
    // The ledger's hash chain still verifies end to end.
    const verified = await call(server.base, 'GET', `/api/projects/${id}/ledger/verify`, {
      cookie: requester,
    });
    expect(verified.status).toBe(200);
    expect(verified.json).toMatchObject({ ok: true, entries: answers });

    // An answer whose reply was lost is sent again with its key: stored once, whether or not the crash kept it.
    for (const lost of inFlight) {
      const again = await call(server.base, 'POST', `/api/assignments/${lost.assignmentId}/answer`, {
        cookie: lost.cookie,
        body: { answer: { choice: 'pos' }, durationMs: 2500, idempotencyKey: lost.key },
      });
      expect([200, 409, 410], again.text).toContain(again.status);
      expect(
        await count('select count(*) as n from answers where assignment_id = $1', [lost.assignmentId]),
      ).toBeLessThanOrEqual(1);
    }

    // The queue resumes: the quality pass decides every answer left pending by the crash, and labelling goes on.
    await until(
      'every answer decided',
      async () =>
        (await count("select count(*) as n from answers where project_id = $1 and status = 'pending'", [
          id,
        ])) === 0,
    );
    const more: Acked[] = [];
    stop.now = false;
    const after = { now: false };
    const resumed = contributors
      .slice(0, 4)
      .map((cookie, i) => label(server!.base, id, cookie, `r${i}`, more, [], after));
    await until('answers after the restart', async () => more.length >= 20);
    after.now = true;
    await Promise.all(resumed);
    const verifiedAgain = await call(server.base, 'GET', `/api/projects/${id}/ledger/verify`, {
      cookie: requester,
    });
    expect(verifiedAgain.json.ok).toBe(true);
    expect(ackedAtCrash).toBe(acked.length);
  }, 240_000);

  it('in the middle of settlement resumes without paying twice or losing a payout', async () => {
    server ??= await start();
    const requester = await devSignIn(server.base, 'requester');
    const id = await project(server.base, requester, 60);
    const contributors = await Promise.all(
      Array.from({ length: 6 }, (_, i) => siweSignIn(server!.base, `settle-${i}`)),
    );
    const acked: Acked[] = [];
    await Promise.all(
      contributors.map((cookie, i) => label(server!.base, id, cookie, `s${i}`, acked, [], { now: false })),
    );
    // Each item answered once; an answer the screening refuses is rejected and its item offered again, so a busy
    // machine may acknowledge a few more. None lost, none twice: what was acknowledged is what is stored.
    const statuses = await db
      .query('select status, count(*)::int as n from answers where project_id = $1 group by 1', [id])
      .then((r) => JSON.stringify(r.rows));
    expect(acked.length, `acknowledged; stored by status: ${statuses}`).toBeGreaterThanOrEqual(60);
    expect(await count('select count(*) as n from answers where project_id = $1', [id])).toBe(acked.length);
    expect(new Set(acked.map((a) => a.answerId)).size).toBe(acked.length);

    // Blocks once a second, so each transaction waits a while between sent and mined; then kill the process at
    // three moments of settlement: an epoch opened, a transaction signed or sent, a root proposed.
    await anvilRpc(chain.rpcUrl, 'evm_setIntervalMining', [1]);
    const moments = [
      "select count(*) as n from epochs where status in ('releasing', 'built')",
      "select count(*) as n from chain_txs where status in ('signed', 'sent')",
      "select count(*) as n from epochs where status = 'proposed'",
    ];
    for (const moment of moments) {
      await until(`settlement at "${moment}"`, async () => (await count(moment)) > 0, 30_000);
      await server!.crash();
      server = await start();
    }

    // Everything approved ends in an accepted root; nothing is sent twice; the chain agrees with the books.
    await until(
      'every answer credited, in an accepted epoch',
      async () =>
        (await count('select count(*) as n from accruals where project_id = $1', [id])) === 60 &&
        (await count('select count(*) as n from accruals where epoch is null')) === 0 &&
        (await count("select count(*) as n from epochs where status not in ('accepted', 'revoked')")) === 0,
    );
    expect(
      await count("select count(*) as n from answers where status = 'approved' and project_id = $1", [id]),
    ).toBe(60);
    expect(await count('select count(*) as n from accruals where project_id = $1', [id])).toBe(60);
    expect(
      await db
        .query("select purpose from chain_txs where status <> 'dropped' group by purpose having count(*) > 1")
        .then((r) => r.rows),
    ).toEqual([]);
    expect(await count("select count(*) as n from chain_txs where status = 'reverted'")).toBe(0);
    const credited = BigInt(
      (await db.query<{ t: string }>('select sum(amount_wei)::text as t from accruals')).rows[0]!.t,
    );
    const deployment = JSON.parse(await fs.readFile(chain.deploymentFile, 'utf8'));
    const client = createPublicClient({ transport: http(chain.rpcUrl) });
    const abi = parseAbi([
      'function cumulativeTotal(address token) view returns (uint256)',
      'function totalFunded(address token) view returns (uint256)',
    ]);
    const read = (functionName: 'cumulativeTotal' | 'totalFunded') =>
      client.readContract({ address: deployment.distributor, abi, functionName, args: [deployment.token] });
    expect(await read('cumulativeTotal')).toBe(credited);
    expect(await read('totalFunded')).toBe(credited);

    // A contributor claims once through the relayer; asking again pays nothing more.
    const before = await call(server!.base, 'GET', '/api/me/rewards', { cookie: contributors[0]! });
    const claimable = before.json.tokens.reduce(
      (s: bigint, t: { claimableWei: string }) => s + BigInt(t.claimableWei),
      0n,
    );
    expect(claimable).toBeGreaterThan(0n);
    expect(
      (await call(server!.base, 'POST', '/api/me/rewards/relay', { cookie: contributors[0]! })).status,
    ).toBe(200);
    await until('the claim mirrored', async () => {
      const now = await call(server!.base, 'GET', '/api/me/rewards', { cookie: contributors[0]! });
      return now.json.tokens.every((t: { claimableWei: string }) => t.claimableWei === '0');
    });
    const again = await call(server!.base, 'POST', '/api/me/rewards/relay', { cookie: contributors[0]! });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('NOTHING_TO_CLAIM');
  }, 240_000);
});
