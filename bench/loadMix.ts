import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http, { type IncomingHttpHeaders } from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import autocannon from 'autocannon';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { createPool, type Db } from '../src/db/pool.ts';
import {
  type CaravanProcess,
  call,
  devSignIn,
  processTestAccount,
  type SharedChain,
  siweSignIn,
  startCaravan,
  startSharedChain,
  until,
} from '../test/setup/processes.ts';

/**
 * A realistic mix against real `caravan start --role api` processes (one worker beside them) on the machine's
 * PostgreSQL and a local anvil: contributors discover tasks, lease the next item and submit it; trusted reviewers
 * look at their queue, lease a review and approve it. autocannon spreads the connections over the processes and
 * reports the latency of every request of the mix; the same load runs against 1, 2 and 4 API processes.
 */

export type LoadMixOptions = {
  processes: number[];
  /** Concurrent connections; one in `reviewerEvery` is a reviewer, the rest contributors. */
  connections: number;
  reviewerEvery: number;
  warmupSeconds: number;
  seconds: number;
  /**
   * After the run as fast as the processes answer, one run at about each of these shares of the throughput it
   * reached: each person waits a random think time (exponential, so arrivals spread out as real people's do)
   * before each request. Their latency is what requests see at loads the processes carry, not their queue at
   * saturation. Empty skips them.
   */
  pacedShares: number[];
  /** Items in each level's project, with overlap 3: more than the level can answer. */
  items: number;
  machineUrl: string;
  log: (line: string) => void;
};

export function loadMixOptions(env: NodeJS.ProcessEnv = process.env): LoadMixOptions {
  const list = (name: string, fallback: string) => {
    const values = (env[name] ?? fallback).split(',').map((s) => Number(s.trim()));
    if (values.some((n) => !Number.isInteger(n) || n < 1))
      throw new Error(`${name} is a list like ${fallback}`);
    return values;
  };
  const shares = (name: string, fallback: string) => {
    const text = env[name] ?? fallback;
    if (text === '0' || text === '') return [];
    const values = text.split(',').map((x) => Number(x.trim()));
    if (values.some((x) => !(x > 0 && x < 1)))
      throw new Error(`${name} is a list of shares like ${fallback}, or 0`);
    return values;
  };
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n <= 0) throw new Error(`${name} must be a positive number, got "${v}"`);
    return n;
  };
  return {
    processes: list('BENCH_LOAD_PROCESSES', '1,2,4'),
    connections: num('BENCH_LOAD_CONNECTIONS', 64),
    reviewerEvery: 8,
    warmupSeconds: num('BENCH_LOAD_WARMUP_SECONDS', 3),
    seconds: num('BENCH_LOAD_SECONDS', 10),
    pacedShares: shares('BENCH_LOAD_PACED', '0.25,0.5'),
    items: num('BENCH_LOAD_ITEMS', 30_000),
    machineUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    log: (line) => console.error(line),
  };
}

export type LoadMixRow = {
  processes: number;
  connections: number;
  /** The mean think time before each request; null when every connection sends as soon as it has its answer. */
  thinkMs: number | null;
  requestsPerSec: number;
  answersPerSec: number;
  reviewsPerSec: number;
  p50: number;
  p90: number;
  p99: number;
  max: number;
  errors: number;
  statuses: string;
  refusals: string[];
};

/** The goal from the issue: at 64 clients on one API process, no errors and p99 under 50 ms. */
export const LOAD_GOAL = { processes: 1, connections: 64, p99Ms: 50 };

const ENV = {
  LOG_LEVEL: 'error',
  // The bench measures the API, not the limiter: every client comes from one address.
  CARAVAN_RATE_SIGNIN_PER_MINUTE: '1000000',
  CARAVAN_RATE_SUBMIT_PER_MINUTE: '1000000',
  CARAVAN_QUALITY_DELAY_MS: '1000',
};

export async function loadMix(o: LoadMixOptions = loadMixOptions()): Promise<LoadMixRow[]> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-load-'));
  const admin = new pg.Client({ connectionString: o.machineUrl, connectionTimeoutMillis: 5000 });
  await admin.connect().catch((error: Error) => {
    throw new Error(`${o.machineUrl} is unreachable (${error.message}); set BENCH_DATABASE_URL`);
  });
  const name = `caravan_load_${randomBytes(5).toString('hex')}`;
  await admin.query(`create database ${name}`);
  const url = new URL(o.machineUrl);
  url.pathname = `/${name}`;
  const databaseUrl = url.toString();
  const db = createPool(databaseUrl, 2);
  let chain: SharedChain | null = null;
  const running: CaravanProcess[] = [];
  try {
    await migrate(db);
    o.log('[load] starting anvil and a worker');
    chain = await startSharedChain(dir);
    running.push(await startCaravan({ role: 'worker', databaseUrl, chain, env: ENV }));
    const rows: LoadMixRow[] = [];
    for (const n of o.processes) {
      o.log(`[load] ${n} API process(es): starting`);
      const apis: CaravanProcess[] = [];
      while (apis.length < n) {
        const p = await startCaravan({ role: 'api', databaseUrl, chain, env: ENV });
        apis.push(p);
        running.push(p);
      }
      const bases = apis.map((p) => p.base);
      const level = await setUpLevel(bases, db, o, n);
      o.log(`[load] ${n} API process(es): warming up ${o.warmupSeconds} s`);
      await run(bases, level, o, o.warmupSeconds);
      const measure = async (thinkMs: number | null) => {
        // The reviewers' queue: what the runs so far submitted waits for review.
        await db.query(`update answers set status = 'review' where project_id = $1 and status = 'pending'`, [
          level.projectId,
        ]);
        o.log(
          `[load] ${n} API process(es): measuring ${o.seconds} s${thinkMs ? `, think time ${thinkMs} ms` : ''}`,
        );
        const before = await counts(db, level.projectId);
        const m = thinkMs
          ? await runThinking(bases, level, o, thinkMs)
          : await run(bases, level, o, o.seconds);
        const after = await counts(db, level.projectId);
        const row: LoadMixRow = {
          processes: n,
          connections: o.connections,
          thinkMs,
          requestsPerSec: m.requests / m.seconds,
          answersPerSec: (after.answers - before.answers) / m.seconds,
          reviewsPerSec: (after.reviews - before.reviews) / m.seconds,
          ...m.latency,
          errors: m.errors,
          statuses: m.statuses,
          refusals: m.refusals,
        };
        rows.push(row);
        return row;
      };
      const closed = await measure(null);
      for (const share of o.pacedShares)
        await measure(Math.round((o.connections * 1000) / (closed.requestsPerSec * share)));
      for (const p of apis) {
        await p.stop();
        running.splice(running.indexOf(p), 1);
      }
      // The next level lists the same tasks as this one: one active project, its own.
      await db.query(`update projects set status = 'paused' where id = $1`, [level.projectId]);
    }
    return rows;
  } finally {
    await Promise.allSettled(running.map((p) => p.stop()));
    await chain?.stop();
    await db.end();
    // BENCH_LOAD_KEEP_DB=1 keeps the database to look at afterwards (EXPLAIN the queries the mix sent).
    if (process.env.BENCH_LOAD_KEEP_DB === '1') o.log(`[load] kept the database ${databaseUrl}`);
    else await admin.query(`drop database if exists ${name} with (force)`).catch(() => {});
    await admin.end();
    await fs.rm(dir, { recursive: true, force: true });
  }
}

/** Answers and finished reviews in the project so far. */
async function counts(db: Db, projectId: string) {
  const r = await db.query<{ answers: string; reviews: string }>(
    `select (select count(*) from answers where project_id = $1) as answers,
            (select count(*) from reviews where project_id = $1 and status = 'done') as reviews`,
    [projectId],
  );
  return { answers: Number(r.rows[0]!.answers), reviews: Number(r.rows[0]!.reviews) };
}

type Level = {
  projectId: string;
  contributors: string[];
  reviewers: string[];
};

const REWARD_WEI = 10n ** 12n;

/** A funded project with `items` items, contributors and trusted reviewers with sessions, for one level. */
async function setUpLevel(bases: string[], db: Db, o: LoadMixOptions, level: number): Promise<Level> {
  const base = bases[0]!;
  const requester = await devSignIn(base, 'requester');
  const budgetWei = REWARD_WEI * BigInt(o.items * 3);
  const created = await call(base, 'POST', '/api/projects', {
    cookie: requester,
    body: {
      name: `Load mix ${level}`,
      modality: 'text',
      annotation: {
        method: 'single_choice',
        config: {
          choices: [
            { value: 'pos', label: 'Positive' },
            { value: 'neg', label: 'Negative' },
          ],
        },
      },
      overlap: 3,
      rewardPerItemWei: REWARD_WEI.toString(),
      budgetWei: budgetWei.toString(),
      dailyCap: 100_000,
      quality: { review: { enabled: true, goldShare: 0 } },
    },
  });
  if (created.status !== 201) throw new Error(`creating the project failed: ${created.text}`);
  const projectId = created.json.id as string;
  const lines = Array.from({ length: o.items }, (_, i) =>
    JSON.stringify({
      id: `r${i}`,
      text: `Review ${i}: the parcel came ${i % 2 ? 'early and intact' : 'late'}.`,
    }),
  );
  const imported = await call(base, 'POST', `/api/projects/${projectId}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  if (imported.status !== 200) throw new Error(`importing items failed: ${imported.text}`);
  const fund = await call(base, 'POST', `/api/projects/${projectId}/escrow/fund-calls`, {
    cookie: requester,
    body: { amountWei: budgetWei.toString() },
  });
  const sent = await call(base, 'POST', '/api/wallet/dev/send', {
    cookie: requester,
    body: { calls: fund.json.calls },
  });
  if (sent.status !== 200) throw new Error(`funding the escrow failed: ${sent.text}`);
  await until(
    'the escrow funding seen by the worker',
    async () =>
      (await db.query('select 1 from escrow_balances where project_id = $1', [projectId])).rows.length > 0,
  );
  const reviewerCount = Math.max(1, Math.floor(o.connections / o.reviewerEvery));
  const cookies: string[] = [];
  for (let i = 0; i < o.connections; i++) cookies.push(await siweSignIn(base, `load-${level}-${i}`));
  const reviewers = cookies.slice(0, reviewerCount);
  // Trusted reviewers, set before any of their sessions is used (an API process caches who a session is).
  const reviewerAddresses = Array.from({ length: reviewerCount }, (_, i) =>
    processTestAccount(`load-${level}-${i}`),
  );
  await db.query('update users set is_reviewer = true where address = any($1::text[])', [reviewerAddresses]);
  await db.query('analyze');
  return { projectId, contributors: cookies.slice(reviewerCount), reviewers };
}

/**
 * One autocannon run of the mix. Each connection is one person (its cookie set once in setupClient) and loops over
 * three requests: a contributor lists tasks, leases the next item and answers it; a reviewer lists the review queue,
 * leases the next review and approves it. A lease that finds nothing restarts the loop.
 */
/** What one run measured, whichever driver ran it. */
type Measured = {
  requests: number;
  seconds: number;
  latency: { p50: number; p90: number; p99: number; max: number };
  errors: number;
  statuses: string;
  refusals: string[];
};

async function run(bases: string[], level: Level, o: LoadMixOptions, seconds: number): Promise<Measured> {
  const reviewer = new Set(level.reviewers);
  const people = [...level.reviewers, ...level.contributors];
  let nextPerson = 0;
  // Keys unique across runs: the same people answer in the warmup and the measured run.
  const runKey = randomBytes(4).toString('hex');
  let keys = 0;
  const cookieOf = (req: { headers?: IncomingHttpHeaders | undefined }) => String(req.headers?.cookie ?? '');
  type Context = { id?: string };
  // The first refusal of each status, to say what went wrong next to the counts.
  const refusals = new Map<number, string>();
  const note = (step: string) => (status: number, body: string) => {
    if (status >= 400 && !refusals.has(status)) refusals.set(status, `${step}: ${body.slice(0, 160)}`);
  };
  const result = await autocannon({
    // autocannon spreads the connections over several URLs; its types only know one.
    url: bases as unknown as string,
    connections: o.connections,
    duration: seconds,
    timeout: 10,
    setupClient: (client) => {
      client.setHeaders({
        cookie: people[nextPerson++ % people.length]!,
        'content-type': 'application/json',
      });
    },
    requests: [
      {
        method: 'GET',
        setupRequest: (req) => ({
          ...req,
          path: reviewer.has(cookieOf(req)) ? '/api/reviews' : '/api/tasks',
        }),
        onResponse: note('discovery'),
      },
      {
        method: 'POST',
        setupRequest: (req) =>
          reviewer.has(cookieOf(req))
            ? { ...req, path: '/api/reviews/next', body: JSON.stringify({ projectId: level.projectId }) }
            : { ...req, path: `/api/tasks/${level.projectId}/assignments`, body: '' },
        onResponse: (status, body, context: Context) => {
          note('lease')(status, body);
          if (status !== 200) return;
          const leased = JSON.parse(body) as { id?: string; review?: { id: string } | null };
          context.id = leased.id ?? leased.review?.id ?? '';
        },
      },
      {
        method: 'POST',
        setupRequest: (req, context: Context) => {
          if (!context.id) return null as never;
          return reviewer.has(cookieOf(req))
            ? { ...req, path: `/api/reviews/${context.id}`, body: JSON.stringify({ verdict: 'approve' }) }
            : {
                ...req,
                path: `/api/assignments/${context.id}/answer`,
                body: JSON.stringify({
                  answer: { choice: keys % 3 === 0 ? 'neg' : 'pos' },
                  durationMs: 3000,
                  idempotencyKey: `load-${runKey}-${keys++}`,
                }),
              };
        },
        onResponse: note('answer or review'),
      },
    ],
  });
  return {
    requests: result.requests.total,
    seconds: result.duration,
    latency: {
      p50: result.latency.p50,
      p90: result.latency.p90,
      p99: result.latency.p99,
      max: result.latency.max,
    },
    errors: result.errors + result.timeouts + result.non2xx,
    statuses: Object.entries(result.statusCodeStats ?? {})
      .map(([code, x]) => `${code}×${x.count ?? 0}`)
      .join(' '),
    refusals: [...refusals].map(([status, text]) => `${status} ${text}`),
  };
}

/**
 * The same mix by people who think: each person (one keep-alive connection) waits an exponentially distributed
 * pause of mean `thinkMs` before each request, then times the request alone. autocannon's fixed rates send every
 * connection's request in the same instant, a burst each second; random pauses spread the arrivals instead.
 */
async function runThinking(
  bases: string[],
  level: Level,
  o: LoadMixOptions,
  thinkMs: number,
): Promise<Measured> {
  const reviewers = new Set(level.reviewers);
  const people = [...level.reviewers, ...level.contributors];
  const runKey = randomBytes(4).toString('hex');
  const latencies: number[] = [];
  const statusCounts = new Map<number, number>();
  const refusals = new Map<number, string>();
  let errors = 0;
  let keys = 0;
  const started = performance.now();
  const until = started + o.seconds * 1000;
  const think = () => sleep(-thinkMs * Math.log(1 - Math.random()));
  await Promise.all(
    people.map(async (cookie, i) => {
      const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
      const base = new URL(bases[i % bases.length]!);
      const send = (method: string, path: string, body: string, step: string) =>
        new Promise<{ status: number; text: string }>((resolve) => {
          const t0 = performance.now();
          const done = (status: number, text: string) => {
            latencies.push(performance.now() - t0);
            statusCounts.set(status, (statusCounts.get(status) ?? 0) + 1);
            if (status === 0 || status >= 400) {
              errors++;
              if (!refusals.has(status)) refusals.set(status, `${step}: ${text.slice(0, 160)}`);
            }
            resolve({ status, text });
          };
          const req = http.request(
            {
              host: base.hostname,
              port: base.port,
              method,
              path,
              agent,
              timeout: 10_000,
              headers: {
                cookie,
                'content-type': 'application/json',
                'content-length': Buffer.byteLength(body),
              },
            },
            (res) => {
              let text = '';
              res.setEncoding('utf8');
              res.on('data', (chunk: string) => {
                text += chunk;
              });
              res.on('end', () => done(res.statusCode ?? 0, text));
            },
          );
          req.on('timeout', () => req.destroy(new Error('timed out')));
          req.on('error', (error) => done(0, error.message));
          req.end(body);
        });
      const reviewer = reviewers.has(cookie);
      try {
        while (performance.now() < until) {
          await think();
          await send('GET', reviewer ? '/api/reviews' : '/api/tasks', '', 'discovery');
          await think();
          const leased = reviewer
            ? await send('POST', '/api/reviews/next', JSON.stringify({ projectId: level.projectId }), 'lease')
            : await send('POST', `/api/tasks/${level.projectId}/assignments`, '', 'lease');
          if (leased.status !== 200) continue;
          const task = JSON.parse(leased.text) as { id?: string; review?: { id: string } | null };
          const id = task.id ?? task.review?.id;
          if (!id) continue;
          await think();
          if (reviewer)
            await send(
              'POST',
              `/api/reviews/${id}`,
              JSON.stringify({ verdict: 'approve' }),
              'answer or review',
            );
          else
            await send(
              'POST',
              `/api/assignments/${id}/answer`,
              JSON.stringify({
                answer: { choice: keys % 3 === 0 ? 'neg' : 'pos' },
                durationMs: 3000,
                idempotencyKey: `think-${runKey}-${keys++}`,
              }),
              'answer or review',
            );
        }
      } finally {
        agent.destroy();
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0);
  return {
    requests: latencies.length,
    seconds,
    latency: { p50: at(0.5), p90: at(0.9), p99: at(0.99), max: at(1) },
    errors,
    statuses: [...statusCounts]
      .sort(([a], [b]) => a - b)
      .map(([code, n]) => `${code}×${n}`)
      .join(' '),
    refusals: [...refusals].map(([status, text]) => `${status} ${text}`),
  };
}

export function formatLoadMix(rows: LoadMixRow[], o: LoadMixOptions): string {
  const closed = rows.filter((r) => r.thinkMs === null);
  const one = closed.find((r) => r.processes === 1);
  const atGoal = (r: LoadMixRow) =>
    r.processes === LOAD_GOAL.processes && r.connections >= LOAD_GOAL.connections;
  const verdict = (r: LoadMixRow) =>
    `${r.errors === 0 && r.p99 < LOAD_GOAL.p99Ms ? 'MET' : 'MISSED'} (${r.errors} errors, p99 ${r.p99} ms)`;
  const saturated = closed.find(atGoal);
  const paced = rows.filter((r) => r.thinkMs !== null && atGoal(r));
  const load = (r: LoadMixRow) => (r.thinkMs === null ? 'as fast as answered' : `think time ${r.thinkMs} ms`);
  return [
    `${o.connections} connections (1 in ${o.reviewerEvery} a reviewer), ${o.warmupSeconds} s warmup + ${o.seconds} s a run, ` +
      `one worker beside the API processes, ${os.cpus().length} CPU(s) for everything; each count runs as fast as ` +
      `the processes answer, then with think times for about ${o.pacedShares.map((x) => `${x * 100}%`).join(' and ')} of that throughput`,
    '',
    '| API processes | load | requests/s | answers/s | reviews/s | p50 ms | p90 ms | p99 ms | max ms | errors | requests/s vs 1 process | statuses |',
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.processes} | ${load(r)} | ${r.requestsPerSec.toFixed(0)} | ${r.answersPerSec.toFixed(0)} | ` +
        `${r.reviewsPerSec.toFixed(0)} | ${r.p50} | ${r.p90} | ${r.p99} | ${r.max} | ${r.errors} | ` +
        `${one && r.thinkMs === null ? (r.requestsPerSec / one.requestsPerSec).toFixed(2) : '-'} | ${r.statuses} |`,
    ),
    ...rows.flatMap((r) => r.refusals.map((x) => `${r.processes} process(es), ${load(r)}: first ${x}`)),
    '',
    saturated
      ? `Goal (${LOAD_GOAL.connections} clients, one API process: zero errors, p99 < ${LOAD_GOAL.p99Ms} ms), ` +
        `as fast as answered: ${verdict(saturated)}` +
        paced
          .map(
            (r) => `; with think time ${r.thinkMs} ms (${r.requestsPerSec.toFixed(0)} req/s): ${verdict(r)}`,
          )
          .join('')
      : 'Goal not measured: run with 1 process and 64 connections',
  ].join('\n');
}
