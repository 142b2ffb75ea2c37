import type { Runner, TaskList, Logger as WorkerLogger } from 'graphile-worker';
import { Logger, run } from 'graphile-worker';
import type pg from 'pg';
import type { Logger as Pino } from 'pino';
import { z } from 'zod';
import type { Clock, WorkStore } from '../usecases/ports.ts';

/** A job is data plus a handler: a name, a versioned payload schema and an idempotent handler. */
type Job<S extends z.ZodType> = {
  name: string;
  version: number;
  payload: S;
  handle: (payload: z.output<S>) => Promise<void>;
};

export type WorkerDeps = { work: WorkStore; clock: Clock; log: Pino };

/** The background jobs: for now, returning items whose leases ran out to the pool. */
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
  return [expireLeases];
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
  const crontab = '* * * * * expire_leases ?id=expire_leases {}';
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
