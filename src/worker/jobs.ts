import type { Runner, TaskList, Logger as WorkerLogger } from 'graphile-worker';
import { Logger, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger as Pino } from 'pino';
import { z } from 'zod';
import type { Clock, QualityQueue, QualityStore, WorkStore } from '../usecases/ports.ts';

/** A job is data plus a handler: a name, a versioned payload schema and an idempotent handler. */
type Job<S extends z.ZodType> = {
  name: string;
  version: number;
  payload: S;
  handle: (payload: z.output<S>) => Promise<void>;
};

export type WorkerDeps = {
  work: WorkStore;
  qualityQueue: QualityQueue;
  quality: QualityStore;
  clock: Clock;
  log: Pino;
};

/** The background jobs: returning items whose leases ran out, and sweeping up quality passes left undone. */
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
  return [expireLeases, qualitySweep];
}

/** Starts graphile-worker on the same database, with the jobs and their schedule. */
export async function startWorker(pool: pg.Pool, deps: WorkerDeps, concurrency = 2): Promise<Runner> {
  const taskList: TaskList = {};
  for (const job of jobs(deps)) {
    taskList[job.name] = async (raw) => {
      const parsed = job.payload.safeParse(raw ?? {});
      if (!parsed.success)
        throw new Error(`job ${job.name} v${job.version} got a bad payload: ${parsed.error.message}`);
      await job.handle(parsed.data);
    };
  }
  // Every minute; a missed minute is not backfilled.
  const crontab = [
    '* * * * * expire_leases ?id=expire_leases {}',
    '* * * * * quality_sweep ?id=quality_sweep {}',
  ].join('\n');
  const logger: WorkerLogger = new Logger(() => (level, message, meta) => {
    const method = level === 'error' ? 'error' : level === 'warning' ? 'warn' : 'debug';
    deps.log[method]({ worker: true, ...meta }, message);
  });
  return run({
    pgPool: pool,
    taskList,
    crontab,
    concurrency,
    noHandleSignals: true,
    pollInterval: 2000,
    logger,
  });
}
