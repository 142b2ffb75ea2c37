import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { accountStore } from '../db/accountStore.ts';
import type { Db } from '../db/pool.ts';
import { projectStore } from '../db/projectStore.ts';
import { qualityStore } from '../db/qualityStore.ts';
import { rateLimitStore } from '../db/rateLimitStore.ts';
import { workStore } from '../db/workStore.ts';
import { createProjectBody } from '../shared/api.ts';
import { startWorker } from './jobs.ts';

let db: Db;
let drop: () => Promise<void>;
beforeAll(async () => {
  ({ db, drop } = await testDb());
});
afterAll(() => drop());

describe('background jobs', () => {
  it('returns expired leases to the pool through the Postgres-backed queue', async () => {
    const accounts = accountStore(db);
    const projects = projectStore(db);
    const work = workStore(db);
    const owner = await accounts.upsertUser('0x00000000000000000000000000000000000000B1', null);
    const org = await accounts.createOrg('Jobs', owner.id);
    const p = await projects.createProject(
      org.id,
      owner.id,
      createProjectBody.parse({
        name: 'Jobs project',
        modality: 'text',
        annotation: { method: 'free_text', config: {} },
        overlap: 1,
        rewardPerItemWei: '1',
        leaseSeconds: 30,
      }),
    );
    await projects.insertItems(p.id, [{ externalId: null, data: { text: 'x' }, gold: null }]);
    const project = (await projects.getProject(p.id))!;
    const past = new Date(Date.now() - 60_000);
    expect(await work.leaseNew(project, owner.id, past)).not.toBeNull();

    const runner = await startWorker(
      db,
      {
        work,
        quality: qualityStore(db),
        qualityQueue: { touch: () => {} },
        rateWindows: rateLimitStore(db),
        clock: { now: () => new Date() },
        log: pino({ level: 'silent' }),
      },
      1,
    );
    try {
      await runner.addJob('expire_leases', { projectId: p.id }, { jobKey: `expire:${p.id}` });
      let open = false;
      for (let i = 0; i < 100 && !open; i++) {
        await new Promise((r) => setTimeout(r, 100));
        open = (await db.query('select is_open from items where project_id = $1', [p.id])).rows[0].is_open;
      }
      expect(open).toBe(true);
      const status = await db.query('select status from assignments where project_id = $1', [p.id]);
      expect(status.rows).toEqual([{ status: 'expired' }]);
    } finally {
      await runner.stop();
    }
  });

  it('counts requests per key and window, restarts a new window at one, and forgets old windows', async () => {
    const windows = rateLimitStore(db);
    const first = new Date('2026-01-01T10:00:00Z');
    expect(await windows.hit(['a', 'b'], first)).toEqual([1, 1]);
    expect(await windows.hit(['a', 'b'], first)).toEqual([2, 2]);
    expect(await windows.hit(['b', 'a'], first)).toEqual([3, 3]);
    expect(await windows.hit(['a'], new Date('2026-01-01T10:01:00Z'))).toEqual([1]);
    // Concurrent hits on one key are all counted.
    await Promise.all(Array.from({ length: 20 }, () => windows.hit(['c'], first)));
    expect(await windows.hit(['c'], first)).toEqual([21]);
    expect(await windows.sweep(new Date('2026-01-01T10:00:30Z'))).toBe(2);
    expect(await windows.hit(['b'], first)).toEqual([1]);
  });
});
