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
  return pool;
}

/** Runs `fn` in one transaction: committed if it returns, rolled back if it throws. */
export async function inTransaction<T>(db: Db, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const client = await db.connect();
  try {
    await client.query('begin');
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
