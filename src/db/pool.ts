import { createHash } from 'node:crypto';
import pg from 'pg';

// bigint columns (int8) arrive as strings by default; counts fit in a JS number, ids stay strings.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (v) => v);

export type Db = pg.Pool;
export type Tx = pg.PoolClient;
export type Queryable = pg.Pool | pg.PoolClient;

/** A connection pool; every query runs in UTC. */
export function createPool(url: string, max = 20): Db {
  const pool = new pg.Pool({ connectionString: url, max, options: '-c timezone=UTC' });
  // A client that loses its connection must not crash the process: the query in flight fails, the pool replaces it.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  return preparing(pool);
}

/**
 * Sends every parameterised query through the pool as a named prepared statement: each connection parses and
 * plans it once, not on every call (planning cost more than running for most of our hot queries).
 */
function preparing(pool: pg.Pool): pg.Pool {
  const names = new Map<string, string>();
  const nameOf = (text: string) => {
    let name = names.get(text);
    if (!name) {
      name = `c${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      names.set(text, name);
    }
    return name;
  };
  const query = pool.query.bind(pool) as (...args: unknown[]) => unknown;
  pool.query = ((text: unknown, values?: unknown, callback?: unknown) => {
    if (typeof text === 'string' && Array.isArray(values) && callback === undefined)
      return query({ name: nameOf(text), text, values });
    return query(text, values, callback);
  }) as typeof pool.query;
  return pool;
}

/**
 * Runs `fn` in one transaction: committed if it returns, rolled back if it throws. `snapshot` makes it a read-only
 * repeatable-read transaction: every query in it sees the database as of one moment.
 */
export async function inTransaction<T>(
  db: Db,
  fn: (tx: Tx) => Promise<T>,
  o: { snapshot?: boolean } = {},
): Promise<T> {
  const client = await db.connect();
  try {
    await client.query(o.snapshot ? 'begin isolation level repeatable read read only' : 'begin');
    const result = await fn(client);
    await client.query('commit');
    return result;
  } catch (error) {
    await client.query('rollback').catch(() => {});
    throw error;
  } finally {
    client.release();
  }
}
