import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { serve } from '@hono/node-server';
import pg from 'pg';
import { getAddress } from 'viem';
import { startEmbeddedPostgres } from '../src/db/embeddedPostgres.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool, type Db } from '../src/db/pool.ts';
import { createApp } from '../src/http/app.ts';
import type { HttpDeps } from '../src/http/context.ts';
import { SESSION_COOKIE } from '../src/http/routes/auth.ts';
import { wire } from '../src/main/wire.ts';
import { createProjectBody } from '../src/shared/api.ts';
import { hashSecret, randomToken } from '../src/usecases/auth/keys.ts';
import type { ProjectRow, UserRow } from '../src/usecases/ports.ts';
import {
  backendCpu,
  cpuDelta,
  httpFloor,
  queryTimer,
  storePairs,
  submitAlone,
  waitSampler,
} from './diagnostics.ts';
import { contributorLoop, emptyStats, type Phase } from './httpLoad.ts';

/**
 * Answers accepted per second through the HTTP API (lease, then submit, per contributor) at several concurrency
 * levels, next to the rate of plain single-row autocommit INSERTs of the same rows through the same driver and pool
 * size, on an embedded PostgreSQL server and on the machine's.
 */

export type ApiThroughputOptions = {
  /** Measured seconds per level, after `warmupSeconds`. */
  seconds: number;
  warmupSeconds: number;
  clients: number[];
  /** Connections in the app's pool and in the raw-insert pool (the app's default is 20). */
  poolSize: number;
  /** Items imported into each level's fresh project. */
  items: number;
  /** At most this many leases per level and run, so a fast machine cannot run the items out. */
  maxAnswers: number;
  /** The machine's PostgreSQL server; a fresh database is made on it and dropped afterwards. */
  machineUrl: string;
  targets: ('embedded' | 'machine')[];
  /** Also time every app query and sample what the database backends wait on. */
  profile: boolean;
  log: (line: string) => void;
};

export function apiThroughputOptions(env: NodeJS.ProcessEnv = process.env): ApiThroughputOptions {
  const num = (name: string, fallback: number) => {
    const v = env[name];
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isFinite(n) || n < 0) throw new Error(`${name} must be a non-negative number, got "${v}"`);
    return n;
  };
  const clients = (env.BENCH_CLIENTS ?? '1,16,64').split(',').map((s) => Number(s.trim()));
  if (clients.some((n) => !Number.isInteger(n) || n < 1))
    throw new Error('BENCH_CLIENTS is a list like 1,16,64');
  const targets = (env.BENCH_TARGETS ?? 'embedded,machine').split(',').map((s) => s.trim());
  for (const t of targets)
    if (t !== 'embedded' && t !== 'machine') throw new Error('BENCH_TARGETS is a list of embedded, machine');
  return {
    seconds: num('BENCH_SECONDS', 5),
    warmupSeconds: num('BENCH_WARMUP_SECONDS', 1),
    clients,
    poolSize: num('BENCH_POOL_SIZE', 20),
    items: num('BENCH_ITEMS', 20_000),
    maxAnswers: num('BENCH_MAX_ANSWERS', 100_000),
    machineUrl: env.BENCH_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test',
    targets: targets as ApiThroughputOptions['targets'],
    profile: env.BENCH_PROFILE === '1',
    log: (line) => console.error(line),
  };
}

export type ApiThroughputRow = {
  target: string;
  clients: number;
  answersPerSec: number;
  submitP50: number;
  submitP99: number;
  pairP50: number;
  pairP99: number;
  errors: number;
  /** CPU of this Node process (app and clients) and of the database backends, in % of one core. */
  nodeCpu: number;
  pgCpu: number | null;
  rawPerSec: number;
  rawP50: number;
  rawP99: number;
  rawPgCpu: number | null;
  ratio: number;
  notes: string[];
};

export type ApiThroughputResult = {
  rows: ApiThroughputRow[];
  targets: { name: string; server: string | null; skipped: string | null }[];
  /** Lease+submit-shaped request pairs per second the same client gets from Hono routes that do no database work. */
  httpFloor: { clients: number; perSec: number; nodeCpu: number } | null;
  profiles: string[];
};

/** The goal from the issue: at 64 clients the API sustains at least half the raw insert rate. */
export const GOAL = { clients: 64, ratio: 0.5 };

export async function apiThroughput(
  o: ApiThroughputOptions = apiThroughputOptions(),
): Promise<ApiThroughputResult> {
  const result: ApiThroughputResult = { rows: [], targets: [], httpFloor: null, profiles: [] };
  const most = Math.max(...o.clients);
  o.log(`HTTP floor: ${most} clients against a route without database work`);
  result.httpFloor = { clients: most, ...(await httpFloor(most, Math.min(2, o.seconds))) };
  for (const name of o.targets) {
    let target: Target | null = null;
    try {
      o.log(`[${name}] starting PostgreSQL`);
      target = name === 'embedded' ? await embeddedTarget() : await machineTarget(o.machineUrl);
    } catch (error) {
      const why = (error as Error).message;
      o.log(`[${name}] skipped: ${why}`);
      result.targets.push({ name, server: null, skipped: why });
      continue;
    }
    try {
      result.targets.push({ name, server: target.server, skipped: null });
      await benchTarget(target, o, result);
    } finally {
      await target.close().catch((e) => o.log(`[${name}] cleanup failed: ${(e as Error).message}`));
    }
  }
  return result;
}

// ------------------------------------------------------------------------------------------------ targets

export type Target = { name: string; url: string; server: string; close: () => Promise<void> };

function withDatabase(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function adminClient(url: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5000 });
  client.on('error', () => {});
  await client.connect();
  return client;
}

export async function embeddedTarget(): Promise<Target> {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-bench-pg-'));
  // Postgres runs as the `postgres` system user when we are root; it must reach its data directory.
  await fs.chmod(dir, 0o755);
  let running: Awaited<ReturnType<typeof startEmbeddedPostgres>> | null = null;
  const close = async () => {
    await running?.stop();
    await fs.rm(dir, { recursive: true, force: true });
  };
  try {
    running = await startEmbeddedPostgres(path.join(dir, 'data'));
    const admin = await adminClient(running.url);
    try {
      await admin.query('create database caravan_bench');
      const server = (await admin.query<{ v: string }>("select current_setting('server_version') as v"))
        .rows[0]!.v;
      return { name: 'embedded', url: withDatabase(running.url, 'caravan_bench'), server, close };
    } finally {
      await admin.end();
    }
  } catch (error) {
    await close().catch(() => {});
    throw error;
  }
}

async function machineTarget(serverUrl: string): Promise<Target> {
  let admin: pg.Client;
  try {
    admin = await adminClient(serverUrl);
  } catch (error) {
    throw new Error(
      `${redact(serverUrl)} is unreachable (${(error as Error).message}); set BENCH_DATABASE_URL to benchmark another server`,
    );
  }
  const name = `caravan_bench_${randomBytes(5).toString('hex')}`;
  try {
    const server = (await admin.query<{ v: string }>("select current_setting('server_version') as v"))
      .rows[0]!.v;
    await admin.query(`create database ${name}`);
    return {
      name: 'machine',
      url: withDatabase(serverUrl, name),
      server,
      close: async () => {
        try {
          await admin.query(`drop database if exists ${name} with (force)`);
        } finally {
          await admin.end();
        }
      },
    };
  } catch (error) {
    await admin.end().catch(() => {});
    throw error;
  }
}

const redact = (url: string) => {
  const u = new URL(url);
  if (u.password) u.password = '***';
  return u.toString();
};

// ------------------------------------------------------------------------------------------------ one server

async function benchTarget(target: Target, o: ApiThroughputOptions, result: ApiThroughputResult) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-bench-data-'));
  const timer = o.profile ? queryTimer() : null;
  const pool = createPool(target.url, o.poolSize);
  const rawPool = createPool(target.url, o.poolSize);
  const monitor = createPool(target.url, 1);
  const deps = wire(timer ? timer.wrap(pool) : pool, { dataDir, devWallets: true });
  const app = createApp(deps);
  const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
  try {
    await new Promise<void>((resolve, reject) => {
      if (server.listening) resolve();
      server.once('listening', resolve);
      server.once('error', reject);
    });
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    await migrate(pool);
    await rawPool.query('create table bench_raw_answers (like answers including all)');

    const owner = await deps.accounts.upsertUser(randomAddress(), 'bench owner');
    const org = await deps.accounts.createOrg('Bench org', owner.id);
    const raw = { assignmentId: 0, ledgerSeq: 0 };

    for (const clients of o.clients) {
      o.log(`[${target.name}] ${clients} client(s): setting up`);
      const level = await setUpLevel(deps, pool, {
        ownerId: owner.id,
        orgId: org.id,
        clients,
        items: o.items,
      });
      await checkpoint(monitor);
      o.log(`[${target.name}] ${clients} client(s): API`);
      const sampler = o.profile ? waitSampler(monitor) : null;
      const api = await runApi(o, {
        port,
        projectId: level.project.id,
        cookies: level.cookies,
        monitor,
        onMeasure: timer?.reset,
      });
      const apiWaits = await sampler?.stop();
      const apiQueries = timer?.report(api.answersPerSec * api.seconds);
      await checkpoint(monitor);
      o.log(`[${target.name}] ${clients} client(s): raw inserts`);
      const rawRun = await runRaw(o, rawPool, monitor, level, clients, raw);
      const notes: string[] = [];
      if (api.firstError) notes.push(`first error: ${api.firstError}`);
      if (api.exhausted) notes.push(`${api.exhausted} client(s) ran out of items`);
      if (api.budgetSpent) notes.push('hit BENCH_MAX_ANSWERS before the time was up');
      result.rows.push({
        target: target.name,
        clients,
        answersPerSec: api.answersPerSec,
        submitP50: api.submitP50,
        submitP99: api.submitP99,
        pairP50: api.pairP50,
        pairP99: api.pairP99,
        errors: api.errors,
        nodeCpu: api.nodeCpu,
        pgCpu: api.pgCpu,
        rawPerSec: rawRun.perSec,
        rawP50: rawRun.p50,
        rawP99: rawRun.p99,
        rawPgCpu: rawRun.pgCpu,
        ratio: rawRun.perSec > 0 ? api.answersPerSec / rawRun.perSec : 0,
        notes,
      });
      if (!o.profile) continue;

      o.log(`[${target.name}] ${clients} client(s): profile, store calls without HTTP`);
      const bare = wire(pool, { dataDir, devWallets: true });
      const store = await storePairs(bare, level, o.seconds, o.warmupSeconds);
      o.log(`[${target.name}] ${clients} client(s): profile, the submit statement alone`);
      const perUser = Math.min(o.items, Math.ceil((3000 * (o.seconds + o.warmupSeconds)) / clients));
      const alone = await submitAlone(bare, pool, monitor, level, {
        seconds: o.seconds,
        warmup: o.warmupSeconds,
        perUser,
      });
      result.profiles.push(
        [
          `${target.name}, ${clients} client(s): API ${api.answersPerSec.toFixed(0)} answers/s; the same store calls without HTTP ` +
            `(lease, assignment, submit) ${store.toFixed(0)}/s; the submit statement alone ${alone.perSec.toFixed(0)}/s` +
            `${alone.ranOut ? ' (some clients ran out of prepared leases)' : ''}; raw inserts ${rawRun.perSec.toFixed(0)}/s`,
          apiQueries,
          apiWaits?.replace('active backends', 'API run: active backends'),
          alone.waits.replace('active backends', 'submit statement alone: active backends'),
        ]
          .filter(Boolean)
          .join('\n'),
      );
    }
  } finally {
    (server as http.Server).closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await Promise.allSettled([pool.end(), rawPool.end(), monitor.end()]);
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

const randomAddress = () => getAddress(`0x${randomBytes(20).toString('hex')}`);

async function checkpoint(db: Db) {
  // Start every measured run from the same WAL state; needs superuser, so best effort.
  await db.query('checkpoint').catch(() => {});
}

type Level = { project: ProjectRow; users: UserRow[]; cookies: string[]; itemIds: string[] };

/** A fresh project with its items and `clients` fresh contributors with sessions, so every level starts alike. */
async function setUpLevel(
  deps: HttpDeps,
  db: Db,
  o: { ownerId: string; orgId: string; clients: number; items: number },
): Promise<Level> {
  const project = await deps.projects.createProject(
    o.orgId,
    o.ownerId,
    createProjectBody.parse({
      name: `Bench sentiment ${o.clients}`,
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
      rewardPerItemWei: '1000000000000000',
      budgetWei: '1000000000000000000000',
      dailyCap: 100_000,
    }),
  );
  await deps.projects.insertItems(
    project.id,
    Array.from({ length: o.items }, (_, i) => ({
      externalId: `review-${i}`,
      data: {
        text: `Review ${i}: the delivery was ${i % 2 ? 'quick and the box intact' : 'late and the box was dented'}.`,
      },
      gold: null,
    })),
  );
  const now = new Date();
  const expires = new Date(now.getTime() + 86_400_000);
  const cookies: string[] = [];
  const users: UserRow[] = [];
  for (let i = 0; i < o.clients; i++) {
    const user = await deps.accounts.upsertUser(randomAddress(), `bench contributor ${i}`);
    const token = randomToken();
    await deps.accounts.createSession(hashSecret(token), user.id, now, expires);
    cookies.push(`${SESSION_COOKIE}=${token}`);
    users.push(user);
  }
  // A live deployment has statistics on its tables; give the planner the same.
  await db.query('analyze');
  const items = await db.query<{ id: string }>('select id from items where project_id = $1 order by id', [
    project.id,
  ]);
  return {
    project: (await deps.projects.getProject(project.id))!,
    users,
    cookies,
    itemIds: items.rows.map((r) => r.id),
  };
}

// ------------------------------------------------------------------------------------------------ the runs

function percentile(values: number[], p: number) {
  if (!values.length) return 0;
  const sorted = Float64Array.from(values).sort();
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

/** Waits out the warmup, then measures for `seconds` (or until `done` settles), then stops the load. */
async function measure(
  o: ApiThroughputOptions,
  phase: Phase,
  done: Promise<unknown>,
  monitor: Db,
  onStart?: () => void,
) {
  await Promise.race([sleep(o.warmupSeconds * 1000), done]);
  onStart?.();
  const pgBefore = await backendCpu(monitor);
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  phase.measuring = true;
  await Promise.race([sleep(o.seconds * 1000), done]);
  phase.measuring = false;
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const pgAfter = await backendCpu(monitor);
  phase.stopped = true;
  await done;
  return {
    seconds,
    nodeCpu: ((cpu.user + cpu.system) / 1e6 / seconds) * 100,
    pgCpu: pgBefore && pgAfter ? (cpuDelta(pgBefore, pgAfter) / seconds) * 100 : null,
  };
}

async function runApi(
  o: ApiThroughputOptions,
  run: {
    port: number;
    projectId: string;
    cookies: string[];
    monitor: Db;
    onMeasure?: (() => void) | undefined;
  },
) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: run.cookies.length });
  const phase: Phase = { measuring: false, stopped: false };
  const stats = emptyStats();
  const budget = { left: o.maxAnswers };
  try {
    const loops = Promise.all(
      run.cookies.map((cookie, client) =>
        contributorLoop({
          agent,
          port: run.port,
          projectId: run.projectId,
          cookie,
          client,
          phase,
          stats,
          budget,
        }),
      ),
    );
    const m = await measure(o, phase, loops, run.monitor, run.onMeasure);
    return {
      seconds: m.seconds,
      answersPerSec: stats.accepted / m.seconds,
      submitP50: percentile(stats.submitMs, 50),
      submitP99: percentile(stats.submitMs, 99),
      pairP50: percentile(stats.pairMs, 50),
      pairP99: percentile(stats.pairMs, 99),
      errors: stats.errors,
      firstError: stats.firstError,
      exhausted: stats.exhausted,
      budgetSpent: budget.left <= 0,
      nodeCpu: m.nodeCpu,
      pgCpu: m.pgCpu,
    };
  } finally {
    agent.destroy();
  }
}

const RAW_INSERT = `insert into bench_raw_answers (project_id, item_id, assignment_id, user_id, kind, answer, duration_ms,
  idempotency_key, is_correct, reward_wei, created_at, ledger_seq) values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)`;

/** One autocommit INSERT per row, `clients` at a time, through a pool as large as the app's. */
async function runRaw(
  o: ApiThroughputOptions,
  pool: Db,
  monitor: Db,
  level: Level,
  clients: number,
  seq: { assignmentId: number; ledgerSeq: number },
) {
  const phase: Phase = { measuring: false, stopped: false };
  const latencies: number[] = [];
  let inserted = 0;
  let budget = o.maxAnswers;
  const worker = async (w: number) => {
    let n = 0;
    while (!phase.stopped && budget-- > 0) {
      const assignmentId = ++seq.assignmentId;
      const row = [
        level.project.id,
        level.itemIds[(w * 997 + n) % level.itemIds.length],
        assignmentId,
        level.users[w]!.id,
        'work',
        JSON.stringify({ choice: n % 3 === 0 ? 'neg' : 'pos' }),
        1500 + (n % 500),
        `bench-${w}-${n}-${assignmentId}`,
        null,
        '1000000000000000',
        new Date(),
        ++seq.ledgerSeq,
      ];
      n++;
      const t0 = performance.now();
      await pool.query(RAW_INSERT, row);
      if (!phase.measuring) continue;
      inserted++;
      latencies.push(performance.now() - t0);
    }
  };
  const m = await measure(
    o,
    phase,
    Promise.all(Array.from({ length: clients }, (_, w) => worker(w))),
    monitor,
  );
  return {
    perSec: inserted / m.seconds,
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    pgCpu: m.pgCpu,
  };
}

// ------------------------------------------------------------------------------------------------ report

export function formatApiThroughput(result: ApiThroughputResult): string {
  const f0 = (n: number) => n.toFixed(0);
  const f1 = (n: number) => (n < 10 ? n.toFixed(2) : n.toFixed(1));
  const pct = (n: number | null) => (n === null ? '-' : `${n.toFixed(0)}%`);
  const header = [
    'target',
    'clients',
    'answers/s',
    'p50 ms',
    'p99 ms',
    'pair p50',
    'pair p99',
    'errors',
    'node cpu',
    'pg cpu',
    'raw inserts/s',
    'raw p50',
    'raw p99',
    'raw pg cpu',
    'API/raw',
  ];
  const body = result.rows.map((r) => [
    r.target,
    String(r.clients),
    f0(r.answersPerSec),
    f1(r.submitP50),
    f1(r.submitP99),
    f1(r.pairP50),
    f1(r.pairP99),
    String(r.errors),
    pct(r.nodeCpu),
    pct(r.pgCpu),
    f0(r.rawPerSec),
    f1(r.rawP50),
    f1(r.rawP99),
    pct(r.rawPgCpu),
    `${(r.ratio * 100).toFixed(0)}%`,
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const out = [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...body.map(line)];

  out.push('');
  out.push(
    'answers/s: submits answered 200 per second, each after its own lease (so also lease+submit pairs per second).',
    'p50/p99: latency of the submit request; pair: lease + submit. raw: one autocommit INSERT per row into a copy',
    'of the answers table (same columns and indexes), same driver, pool size and concurrency. cpu: % of one core.',
  );
  const floor = result.httpFloor;
  if (floor)
    out.push(
      `HTTP floor: the same client doing lease- and submit-shaped POSTs against routes without database work gets ` +
        `${f0(floor.perSec)} pairs/s at ${floor.clients} clients (node cpu ${pct(floor.nodeCpu)}): the ceiling from HTTP alone.`,
    );
  for (const t of result.targets) {
    if (t.skipped) {
      out.push(`${t.name}: skipped — ${t.skipped}`);
      continue;
    }
    const row = result.rows.find((r) => r.target === t.name && r.clients === GOAL.clients);
    const goal = `goal: API >= ${GOAL.ratio * 100}% of raw inserts at ${GOAL.clients} clients`;
    if (!row)
      out.push(`${t.name} (PostgreSQL ${t.server}): ${goal}: not measured (no ${GOAL.clients}-client level)`);
    else
      out.push(
        `${t.name} (PostgreSQL ${t.server}): ${goal}: ${row.ratio >= GOAL.ratio ? 'PASS' : 'MISS'} (${(row.ratio * 100).toFixed(0)}%, ${f0(row.answersPerSec)} vs ${f0(row.rawPerSec)}/s)`,
      );
  }
  for (const r of result.rows)
    for (const n of r.notes) out.push(`note ${r.target} ${r.clients} clients: ${n}`);
  if (result.profiles.length) out.push('', 'profile (BENCH_PROFILE=1):', ...result.profiles);
  return out.join('\n');
}
