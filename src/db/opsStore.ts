import type { OpsStore } from '../usecases/ports.ts';
import type { Db } from './pool.ts';

/** What operators watch: whether the database answers, and the queues and epochs worth graphing. */
export function opsStore(db: Db): OpsStore {
  return {
    async ready() {
      const { rows } = await db.query<{ migrations: number }>(
        'select count(*)::int as migrations from schema_migrations',
      );
      return { migrations: rows[0]?.migrations ?? 0 };
    },
    async gauges() {
      const [answers, jobs, epochs] = await Promise.all([
        db.query<{ pending: number; review: number }>(
          `select (select count(*)::int from answers where status = 'pending') as pending,
                  (select count(*)::int from answers where status = 'review') as review`,
        ),
        // graphile-worker's table exists once a worker has started on this database.
        db
          .query<{ present: boolean }>(
            "select to_regclass('graphile_worker._private_jobs') is not null as present",
          )
          .then(({ rows }) =>
            rows[0]?.present
              ? db.query<{ waiting: number; running: number; failing: number }>(
                  `select count(*) filter (where locked_at is null and run_at <= now() and attempts < max_attempts)::int as waiting,
                          count(*) filter (where locked_at is not null)::int as running,
                          count(*) filter (where attempts >= max_attempts)::int as failing
                     from graphile_worker._private_jobs`,
                )
              : null,
          ),
        db.query<{ epoch: string; status: string; accepted: string | null }>(
          `select epoch::text, status,
                  (select max(epoch)::text from epochs where status = 'accepted') as accepted
             from epochs order by id desc limit 1`,
        ),
      ]);
      const job = jobs?.rows[0];
      const latest = epochs.rows[0];
      return {
        answersPending: answers.rows[0]?.pending ?? 0,
        answersInReview: answers.rows[0]?.review ?? 0,
        jobsWaiting: job?.waiting ?? 0,
        jobsRunning: job?.running ?? 0,
        jobsFailing: job?.failing ?? 0,
        latestEpoch: latest ? { epoch: Number(latest.epoch), status: latest.status } : null,
        acceptedEpoch: latest?.accepted ? Number(latest.accepted) : null,
      };
    },
  };
}
