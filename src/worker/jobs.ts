import type { Runner, TaskList, Logger as WorkerLogger } from 'graphile-worker';
import { Logger, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger as Pino } from 'pino';
import { z } from 'zod';
import type { Clock, QualityQueue, QualityStore, RateLimitStore, WorkStore } from '../usecases/ports.ts';

/** A job is data plus a handler: a name, a versioned payload schema and an idempotent handler. */
type Job<S extends z.ZodType> = {
  name: string;
  version: number;
  payload: S;
  handle: (payload: z.output<S>) => Promise<void>;
};

export type WorkerDeps = {
  work: WorkStore;
  rateWindows: RateLimitStore;
  qualityQueue: QualityQueue;
  quality: QualityStore;
  clock: Clock;
  log: Pino;
  /** Told of every job run, for metrics. */
  onJobRun?: (task: string, outcome: 'completed' | 'failed') => void;
};

/** The background jobs: returning items whose leases ran out, sweeping up quality passes left undone, forgetting old rate-limit windows. */
export function jobs(deps: WorkerDeps) {
  const expireLeases: Job<z.ZodObject<{ projectId: z.ZodOptional<z.ZodString> }>> = {
    name: 'expire_leases',
    version: 1,
    payload: z.object({ projectId: z.string().uuid().optional() }),
    // Safe to run twice: a lease that already expired is not leased any more.
    handle: async ({ projectId }) => {
      const n = await deps.work.expireLeases(deps.clock.now(), projectId);
      if (n) deps.log.info({ job: 'expire_leases', expired: n }, 'leases returned to the pool');
    },
  };
  const qualitySweep: Job<z.ZodObject> = {
    name: 'quality_sweep',
    version: 1,
    payload: z.object({}),
    // Answers wait for a pass queued in the process that took them; after a crash or restart this finds them.
    handle: async () => {
      for (const projectId of await deps.quality.projectsWithPending()) deps.qualityQueue.touch(projectId);
    },
  };
  const forgetRateWindows: Job<z.ZodObject> = {
    name: 'forget_rate_windows',
    version: 1,
    payload: z.object({}),
    // The longest window is an hour; older counters say nothing any more.
    handle: async () => {
      await deps.rateWindows.sweep(new Date(deps.clock.now().getTime() - 2 * 3600_000));
    },
  };
  return [expireLeases, qualitySweep, forgetRateWindows];
}

/** Starts graphile-worker on the same database, with the jobs and their schedule. */
export async function startWorker(pool: pg.Pool, deps: WorkerDeps, concurrency = 2): Promise<Runner> {
  const taskList: TaskList = {};
  for (const job of jobs(deps)) {
    taskList[job.name] = async (raw) => {
      const parsed = job.payload.safeParse(raw ?? {});
      if (!parsed.success)
        throw new Error(`job ${job.name} v${job.version} got a bad payload: ${parsed.error.message}`);
      try {
        await job.handle(parsed.data);
        deps.onJobRun?.(job.name, 'completed');
      } catch (error) {
        deps.onJobRun?.(job.name, 'failed');
        throw error;
      }
    };
  }
  // Every minute; a missed minute is not backfilled.
  const crontab = [
    '* * * * * expire_leases ?id=expire_leases {}',
    '* * * * * quality_sweep ?id=quality_sweep {}',
    '17 * * * * forget_rate_windows ?id=forget_rate_windows {}',
  ].join('\n');
  const logger: WorkerLogger = new Logger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    deps.log[method]({ worker: true, ...meta }, message);
  });
  const runner = await run({
    pgPool: pool,
    taskList,
    crontab,
    concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
  });
  // Answers left pending by a crash or restart get their quality pass now, not at the next minute.
  await runner.addJob('quality_sweep', {}, { jobKey: 'quality_sweep_on_start' });
  return runner;
}
