import type { RateLimitStore } from '../usecases/ports.ts';
import type { Db } from './pool.ts';

/** Request counters in PostgreSQL, so every API process counts against the same windows. */
export function rateLimitStore(db: Db): RateLimitStore {
  return {
    async hit(keys, windowStart) {
      // One statement for all of a request's keys; a new window restarts the count.
      const { rows } = await db.query<{ key: string; hits: number }>(
        `insert into rate_windows (key, window_start, hits)
         select k, $2, 1 from unnest($1::text[]) as k
         on conflict (key) do update set
           hits = case when rate_windows.window_start = excluded.window_start then rate_windows.hits + 1 else 1 end,
           window_start = excluded.window_start
         returning key, hits`,
        [keys, windowStart],
      );
      const hits = new Map(rows.map((r) => [r.key, r.hits]));
      return keys.map((k) => hits.get(k) ?? 0);
    },
    async sweep(before) {
      const { rowCount } = await db.query('delete from rate_windows where window_start < $1', [before]);
      return rowCount ?? 0;
    },
  };
}
