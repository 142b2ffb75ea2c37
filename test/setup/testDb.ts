import { randomBytes } from 'node:crypto';
import { inject } from 'vitest';
import { migrate } from '../../src/db/migrate.ts';
import { createPool, type Db } from '../../src/db/pool.ts';

/** A fresh, migrated database of its own for one test file, on the run's PostgreSQL server. */
export async function testDb(): Promise<{ db: Db; url: string; drop: () => Promise<void> }> {
  const serverUrl = inject('databaseUrl');
  const name = `caravan_test_${randomBytes(5).toString('hex')}`;
  const admin = createPool(serverUrl, 1);
  await admin.query(`create database ${name}`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const db = createPool(url.toString(), 10);
  await migrate(db);
  return {
    db,
    url: url.toString(),
    drop: async () => {
      await db.end();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}
