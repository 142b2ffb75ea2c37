import fs from 'node:fs/promises';
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import type { Db } from '../src/db/pool.ts';
import { answerHash } from '../src/domain/ledger/answerHash.ts';
import { ledgerPayloadText } from '../src/domain/ledger/ledgerEntryHash.ts';
import type { HttpDeps } from '../src/http/context.ts';
import type { AssignmentRow, ProjectRow, UserRow } from '../src/usecases/ports.ts';
import { post } from './httpLoad.ts';

/** Where the time goes: CPU per process, query timings, database waits, and the SQL path without HTTP. */

// ------------------------------------------------------------------------------------------------ CPU

/** CPU seconds used so far by each backend of this database, read from /proc (a server on this machine only). */
export async function backendCpu(monitor: Db): Promise<Map<number, number> | null> {
  try {
    const r = await monitor.query<{ pid: number }>(
      'select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()',
    );
    const ticksPerSecond = 100; // USER_HZ on Linux
    const out = new Map<number, number>();
    for (const { pid } of r.rows) {
      const stat = await fs.readFile(`/proc/${pid}/stat`, 'utf8').catch(() => null);
      if (!stat) continue;
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      out.set(pid, (Number(fields[11]) + Number(fields[12])) / ticksPerSecond);
    }
    return out.size ? out : null;
  } catch {
    return null;
  }
}

export function cpuDelta(before: Map<number, number>, after: Map<number, number>) {
  let sum = 0;
  for (const [pid, t] of after) sum += t - (before.get(pid) ?? t);
  return sum;
}

// ------------------------------------------------------------------------------------------------ app queries

/** Times every query the app sends through the pool, grouped by its first words; includes waiting for a connection. */
export function queryTimer() {
  const totals = new Map<string, { n: number; ms: number }>();
  const keyOf = (text: string) => text.replace(/\s+/g, ' ').trim().slice(0, 64);
  return {
    wrap(pool: Db): Db {
      const timed = async (...args: unknown[]) => {
        const text = typeof args[0] === 'string' ? args[0] : String((args[0] as { text?: string }).text);
        const t0 = performance.now();
        try {
          // biome-ignore lint/suspicious/noExplicitAny: forwards pg's overloaded query signature unchanged
          return await (pool.query as any)(...args);
        } finally {
          const k = keyOf(text);
          const e = totals.get(k) ?? { n: 0, ms: 0 };
          e.n++;
          e.ms += performance.now() - t0;
          totals.set(k, e);
        }
      };
      return new Proxy(pool, {
        get(target, prop) {
          if (prop === 'query') return timed;
          const v = Reflect.get(target, prop, target);
          return typeof v === 'function' ? v.bind(target) : v;
        },
      });
    },
    reset: () => totals.clear(),
    report(answers: number) {
      const rows = [...totals.entries()].sort((a, b) => b[1].ms - a[1].ms).slice(0, 12);
      return [
        '  app queries while measuring (per accepted answer, mean time in pool.query incl. waiting for a connection):',
        ...rows.map(
          ([k, e]) =>
            `  ${(e.n / Math.max(1, answers)).toFixed(2).padStart(6)}/answer ${(e.ms / e.n).toFixed(2).padStart(8)} ms  ${k}`,
        ),
      ].join('\n');
    },
  };
}

/** Samples pg_stat_activity every 10 ms: what this database's active backends wait on (CPU = not waiting). */
export function waitSampler(monitor: Db) {
  const counts = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const r = await monitor
        .query<{ w: string; q: string }>(
          `select coalesce(wait_event_type || ':' || wait_event, 'CPU') as w,
             left(regexp_replace(query, '\\s+', ' ', 'g'), 36) as q
           from pg_stat_activity
           where datname = current_database() and pid <> pg_backend_pid() and state = 'active'`,
        )
        .catch(() => null);
      samples++;
      for (const row of r?.rows ?? []) {
        const k = `${row.w.padEnd(22)} ${row.q}`;
        counts.set(k, (counts.get(k) ?? 0) + 1);
      }
      await sleep(10);
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      const rows = [...counts.entries()].sort((a, b) => b[1] - a[1]).slice(0, 8);
      return [
        `  active backends, mean over ${samples} samples of pg_stat_activity (wait event, query):`,
        ...rows.map(([k, n]) => `  ${(n / samples).toFixed(2).padStart(6)}  ${k}`),
      ].join('\n');
    },
  };
}

// ------------------------------------------------------------------------------------------------ HTTP floor

/**
 * The same client doing lease-shaped and submit-shaped POSTs (no body, then a JSON body that is parsed) against Hono
 * routes that touch no database, in this process: the most pairs per second the client and HTTP layer allow here.
 */
export async function httpFloor(
  clients: number,
  seconds: number,
): Promise<{ perSec: number; nodeCpu: number }> {
  const app = new Hono();
  app.post('/lease', (c) =>
    c.json({ id: '1', projectId: 'p', kind: 'work', item: { id: '1', data: { text: 'x' } } }),
  );
  app.post('/answer', async (c) => c.json({ answerId: '1', ledgerSeq: 1, echo: await c.req.json() }));
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }) as http.Server;
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  try {
    await new Promise<void>((resolve) => (server.listening ? resolve() : server.once('listening', resolve)));
    const port = (server.address() as { port: number }).port;
    let stop = false;
    let n = 0;
    let measuring = false;
    const loops = Promise.all(
      Array.from({ length: clients }, async () => {
        while (!stop) {
          await post(agent, port, '/lease', {});
          await post(
            agent,
            port,
            '/answer',
            {},
            '{"answer":{"choice":"pos"},"idempotencyKey":"bench-0-0-1"}',
          );
          if (measuring) n++;
        }
      }),
    );
    await sleep(1000);
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    measuring = true;
    await sleep(seconds * 1000);
    measuring = false;
    const s = (performance.now() - t0) / 1000;
    const cpu = process.cpuUsage(cpu0);
    stop = true;
    await loops;
    return { perSec: n / s, nodeCpu: ((cpu.user + cpu.system) / 1e6 / s) * 100 };
  } finally {
    agent.destroy();
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
}

// ------------------------------------------------------------------------------------------------ SQL without HTTP

type Users = { users: UserRow[]; project: ProjectRow };

function submitInput(a: AssignmentRow, project: ProjectRow, user: UserRow, key: string) {
  const now = new Date();
  const answer = { choice: 'pos' };
  const hash = answerHash(answer);
  return {
    assignment: a,
    project,
    contributor: user.address,
    answer,
    answerHash: hash,
    payloadText: ledgerPayloadText({
      contributor: user.address,
      itemId: a.itemId,
      answerHash: hash,
      createdAt: now.toISOString(),
    }),
    durationMs: 1500,
    idempotencyKey: key,
    isCorrect: null,
    rewardWei: BigInt(project.rewardPerItemWei),
    screening: [],
    screenOutcome: 'pass' as const,
    now,
  };
}

async function timedLoops(
  clients: number,
  seconds: number,
  warmup: number,
  step: (w: number) => Promise<boolean>,
) {
  let stop = false;
  let measuring = false;
  let n = 0;
  const loops = Promise.all(
    Array.from({ length: clients }, async (_, w) => {
      while (!stop) {
        if (!(await step(w))) return;
        if (measuring) n++;
      }
    }),
  );
  await Promise.race([sleep(warmup * 1000), loops]);
  const t0 = performance.now();
  measuring = true;
  await Promise.race([sleep(seconds * 1000), loops]);
  measuring = false;
  const s = (performance.now() - t0) / 1000;
  stop = true;
  await loops;
  return n / s;
}

/**
 * The store calls behind one answer, without HTTP, sessions or the use cases' checks: lease (workStore.leaseNew), read
 * the assignment, submit (workStore.submit); `clients` loops over the app's pool.
 */
export async function storePairs(deps: HttpDeps, level: Users, seconds: number, warmup: number) {
  let k = 0;
  return timedLoops(level.users.length, seconds, warmup, async (w) => {
    const user = level.users[w]!;
    const lease = await deps.work.leaseNew(level.project, user.id, new Date());
    if (!lease) return false;
    const a = (await deps.work.assignment(lease.id))!;
    if (!(await deps.work.submit(submitInput(a, level.project, user, `store-${w}-${k++}`))))
      throw new Error('submit lost its lease');
    return true;
  });
}

/**
 * Only the submit statement (workStore.submit), `clients` at a time on one project: leases are made in bulk by SQL
 * beforehand. Every submit advances the project's ledger head, so this is where that row lock shows.
 */
export async function submitAlone(
  deps: HttpDeps,
  db: Db,
  monitor: Db,
  level: Users,
  o: { seconds: number; warmup: number; perUser: number },
) {
  const ids = level.users.map((u) => u.id);
  await db.query(
    `insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at)
     select $1, x.id, x.user_id, 'work', 'leased', now(), now() + interval '1 hour'
     from (select i.id, u.id as user_id, row_number() over (partition by u.id order by i.id) as n
           from items i cross join unnest($2::uuid[]) as u(id)
           where i.project_id = $1 and not i.is_gold
             and not exists (select 1 from assignments a where a.item_id = i.id and a.user_id = u.id and a.kind = 'work')) x
     where x.n <= $3`,
    [level.project.id, ids, o.perUser],
  );
  const leased = await db.query<AssignmentRow>(
    // The columns of workStore.assignment, for all the leases at once.
    `select a.id, a.project_id as "projectId", a.item_id as "itemId", a.user_id as "userId", a.kind, a.status,
       a.leased_at as "leasedAt", a.expires_at as "expiresAt", a.exam_attempt as "examAttempt", i.data as "itemData",
       i.gold_answer as "goldAnswer", i.is_gold as "isGold"
     from assignments a join items i on i.id = a.item_id
     where a.project_id = $1 and a.status = 'leased' and a.user_id = any($2::uuid[]) order by a.id desc`,
    [level.project.id, ids],
  );
  const queues = ids.map((id) => leased.rows.filter((a) => a.userId === id));
  await db.query('analyze');
  const sampler = waitSampler(monitor);
  let k = 0;
  const perSec = await timedLoops(level.users.length, o.seconds, o.warmup, async (w) => {
    const a = queues[w]!.pop();
    if (!a) return false;
    const ok = await deps.work.submit(submitInput(a, level.project, level.users[w]!, `alone-${w}-${k++}`));
    if (!ok) throw new Error('submit lost its lease');
    return true;
  });
  return { perSec, waits: await sampler.stop(), ranOut: queues.some((q) => q.length === 0) };
}
