import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { accountStore } from '../db/accountStore.ts';
import type { Db } from '../db/pool.ts';
import { projectStore } from '../db/projectStore.ts';
import { qualityStore } from '../db/qualityStore.ts';
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
});
