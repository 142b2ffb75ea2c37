import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '@hono/node-server';
import pino from 'pino';
import { ANVIL_OPERATOR_KEY } from '../chain/chainClients.ts';
import type { Config } from '../config/config.ts';
import { type RunningPostgres, startEmbeddedPostgres } from '../db/embeddedPostgres.ts';
import { migrate } from '../db/migrate.ts';
import { createPool, type Db } from '../db/pool.ts';
import { rateLimitStore } from '../db/rateLimitStore.ts';
import { type ProgressRules, progressRules } from '../domain/progress/progressRules.ts';
import { createApp } from '../http/app.ts';
import type { HttpDeps } from '../http/context.ts';
import { createMetrics } from '../http/metrics.ts';
import { opsRoutes } from '../http/routes/ops.ts';
import { openAiCompatibleJudge } from '../judge/openAiCompatibleJudge.ts';
import type { Chain } from '../usecases/chainPorts.ts';
import { resumeDatasetRegistrations } from '../usecases/market/registerDataset.ts';
import { anchorLedger } from '../usecases/provenance/anchorLedger.ts';
import { settleRewards } from '../usecases/settlement/settleRewards.ts';
import { syncBadges } from '../usecases/settlement/syncBadges.ts';
import { syncChain } from '../usecases/settlement/syncChain.ts';
import { type ChainStep, startChainLoop } from '../worker/chainLoop.ts';
import { startWorker } from '../worker/jobs.ts';
import { ensureWebBuilt } from './ensureWebBuilt.ts';
import { seedDemo } from './seedDemo.ts';
import { startChain } from './startChain.ts';
import { wire } from './wire.ts';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export type RunningPlatform = { url: string; stop: () => Promise<void> };

/** Starts everything on one port: database (embedded unless DATABASE_URL), migrations, worker, API and web app. */
export async function startPlatform(config: Config): Promise<RunningPlatform> {
  const log = pino({ level: config.logLevel, base: null, timestamp: pino.stdTimeFunctions.isoTime });
  await fs.mkdir(config.dataDir, { recursive: true });

  let embedded: RunningPostgres | null = null;
  let databaseUrl = config.databaseUrl;
  if (!databaseUrl) {
    const started = Date.now();
    embedded = await startEmbeddedPostgres(path.join(config.dataDir, 'postgres'), (line) =>
      log.trace({ postgres: true }, line.trim()),
    );
    await ensureDatabase(embedded.url, 'caravan');
    databaseUrl = embedded.url.replace(/\/postgres$/, '/caravan');
    log.info(
      { ms: Date.now() - started, dir: path.join(config.dataDir, 'postgres') },
      'embedded PostgreSQL started',
    );
  }
  const pool = createPool(databaseUrl, config.dbPoolSize);
  const applied = await migrate(pool);
  if (applied.length) log.info({ applied }, 'migrations applied');

  const chain = await startChain(config, pool, { now: () => new Date() }, log);
  const deps = wire(pool, {
    chain: chain.chain,
    chainRpcUrl: chain.rpcUrl,
    // The local chain's operator is anvil's first key; a configured chain's is CARAVAN_OPERATOR_KEY.
    receiptKey: config.chain.operatorKey ?? ANVIL_OPERATOR_KEY,
    holdSeconds: config.chain.holdSeconds,
    dataDir: config.dataDir,
    chainId: config.chainId,
    devWallets: config.devWallets,
    publicUrl: config.publicUrl,
    qualityDelayMs: config.qualityDelayMs,
    reputationSigner: config.reputationSigner ?? null,
    progressRules: await readProgressRules(config.progressRulesFile),
    judge: config.judge ? openAiCompatibleJudge(config.judge) : null,
    rateLimits: config.rateLimits,
    trustProxy: config.trustProxy,
    log,
  });
  if (config.seedDemo && (await seedOnce(pool, () => seedDemo(deps)))) log.info('demo data seeded');
  const runsWorker = config.role !== 'api';
  const metrics = createMetrics(deps.ops, config.role);
  const worker = runsWorker
    ? await startWorker(pool, {
        work: deps.work,
        quality: deps.quality,
        qualityQueue: deps.qualityQueue,
        rateWindows: rateLimitStore(pool),
        clock: deps.clock,
        log,
        onJobRun: metrics.jobRun,
      })
    : null;

  const chainLoop = runsWorker
    ? startChainLoop({
        intervalMs: config.chain.settleSeconds * 1000,
        log,
        steps: chainSteps(deps, chain.chain, config.chain.epochSeconds),
      })
    : null;

  let started = false;
  const readyChecks = { chain: () => chain.chain.now().then((t) => `latest block at ${t.toISOString()}`) };
  // A worker serves only health, readiness and metrics; the API and web app run where the role says.
  const app =
    config.role === 'worker'
      ? opsRoutes({ ops: deps.ops, metrics, started: () => started, checks: readyChecks })
      : createApp(deps, {
          webDir: await ensureWebBuilt(ROOT, log),
          metrics,
          started: () => started,
          readyChecks,
        });
  const server = serve({ fetch: app.fetch, port: config.port, hostname: config.host });
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  started = true;
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`;
  log.info({ url, role: config.role }, 'listening');

  let stopping: Promise<void> | null = null;
  const stop = () =>
    (stopping ??= (async () => {
      started = false;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await chainLoop?.stop();
      await worker?.stop();
      await pool.end();
      await chain.stop();
      await embedded?.stop();
    })());
  return { url, stop };
}

/** One round of the platform's chain work, in order. */
function chainSteps(deps: HttpDeps, chain: Chain, epochSeconds: number): ChainStep[] {
  const settlement = {
    chain,
    settlement: deps.settlement,
    clock: deps.clock,
    holdSeconds: deps.settings.holdSeconds,
    epochSeconds,
  };
  return [
    { name: 'chain sync', run: () => syncChain(settlement) },
    { name: 'settlement', run: () => settleRewards(settlement) },
    { name: 'anchoring', run: () => anchorLedger({ chain, provenance: deps.provenance, clock: deps.clock }) },
    { name: 'badges', run: () => syncBadges({ chain, settlement: deps.settlement, clock: deps.clock }) },
    { name: 'dataset registrations', run: () => resumeDatasetRegistrations(deps) },
  ];
}

/** The operator's progress rules, or the defaults; a bad file stops the start with what is wrong in it. */
async function readProgressRules(file: string | undefined): Promise<ProgressRules> {
  if (!file) return progressRules.parse({});
  let raw: unknown;
  try {
    raw = JSON.parse(await fs.readFile(file, 'utf8'));
  } catch (error) {
    throw new Error(`CARAVAN_PROGRESS_RULES: cannot read ${file} as JSON (${(error as Error).message})`);
  }
  const parsed = progressRules.safeParse(raw);
  if (!parsed.success)
    throw new Error(
      `CARAVAN_PROGRESS_RULES: ${file} has problems:\n${parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`).join('\n')}`,
    );
  return parsed.data;
}

/** Seeds under a database lock, so processes starting together seed once. */
async function seedOnce(pool: Db, seed: () => Promise<boolean>): Promise<boolean> {
  const client = await pool.connect();
  try {
    await client.query('select pg_advisory_lock(hashtext($1))', ['caravan-seed-demo']);
    return await seed();
  } finally {
    await client.query('select pg_advisory_unlock(hashtext($1))', ['caravan-seed-demo']).catch(() => {});
    client.release();
  }
}

async function ensureDatabase(adminUrl: string, name: string) {
  const pool = createPool(adminUrl, 1);
  try {
    const exists = await pool.query('select 1 from pg_database where datname = $1', [name]);
    if (!exists.rowCount) await pool.query(`create database ${name}`);
  } finally {
    await pool.end();
  }
}
