import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { createProjectBody } from '../shared/api.ts';
import type { ProjectId, UserId } from '../shared/brand.ts';
import type { DatasetRow, NewDataset, ProjectRow, UserRow } from '../usecases/ports.ts';
import { accountStore } from './accountStore.ts';
import { datasetStore } from './datasetStore.ts';
import type { Db } from './pool.ts';
import { projectStore } from './projectStore.ts';

// The store suite: it runs on the embedded PostgreSQL 18 and, in CI, again on the machine's PostgreSQL 15 (DATABASE_URL).
let db: Db;
let drop: () => Promise<void>;
let accounts: ReturnType<typeof accountStore>;
let projects: ReturnType<typeof projectStore>;
let datasets: ReturnType<typeof datasetStore>;
let owner: UserRow;
let orgId: string;
const now = new Date('2026-05-01T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await testDb());
  accounts = accountStore(db);
  projects = projectStore(db);
  datasets = datasetStore(db);
  owner = await accounts.upsertUser('0x00000000000000000000000000000000000000A1', 'owner');
  orgId = (await accounts.createOrg('Org', owner.id)).id;
});
afterAll(() => drop());

let counter = 0;
async function contributor(): Promise<UserRow> {
  counter++;
  return accounts.upsertUser(`0x${(0xc000 + counter).toString(16).padStart(40, '0')}`, null);
}

async function communityProject(name = 'Community suite'): Promise<{ project: ProjectRow; items: string[] }> {
  const p = await projects.createProject(
    orgId,
    owner.id,
    createProjectBody.parse({
      name,
      modality: 'text',
      taskType: 'community',
      annotation: { method: 'free_text', config: {} },
      overlap: 2,
      rewardPerItemWei: '0',
      budgetWei: '0',
    }),
  );
  await projects.insertItems(p.id, [
    { externalId: 'w1', data: { text: 'one' }, gold: null },
    { externalId: 'w2', data: { text: 'two' }, gold: null },
    { externalId: 'g1', data: { text: 'gold' }, gold: { text: 'gold answer' } },
  ]);
  const items = (
    await db.query<{ id: string }>('select id::text from items where project_id = $1 order by id', [p.id])
  ).rows.map((r) => r.id);
  return { project: (await projects.getProject(p.id))!, items };
}

let seq = 0;
/** An answer as the pipeline would have left it, written directly: the store under test only reads it. */
async function answer(
  project: ProjectRow,
  itemId: string,
  user: UserRow,
  a: {
    status: string;
    decidedBy?: string | null;
    qaVerdict?: string | null;
    isCorrect?: boolean | null;
    agrees?: boolean | null;
    kind?: 'work' | 'exam';
  },
): Promise<string> {
  seq++;
  const kind = a.kind ?? 'work';
  const assignment = await db.query<{ id: string }>(
    `insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at, exam_attempt)
     values ($1, $2, $3, $4, 'submitted', $5, $5, $6) returning id::text`,
    [project.id, itemId, user.id, kind, now, kind === 'exam' ? 1 : null],
  );
  const r = await db.query<{ id: string }>(
    `insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, created_at, ledger_seq, status,
       decided_by, qa_verdict, decided_at, is_correct, consensus_agrees)
     values ($1, $2, $3, $4, $5, '{"text":"x"}', $6, $7, $8, $9, $10, $6, $11, $12) returning id::text`,
    [
      project.id,
      itemId,
      assignment.rows[0]!.id,
      user.id,
      kind,
      now,
      seq,
      a.status,
      a.decidedBy ?? null,
      a.qaVerdict ?? null,
      a.isCorrect ?? null,
      a.agrees ?? null,
    ],
  );
  return r.rows[0]!.id;
}

async function review(
  project: ProjectRow,
  answerId: string,
  reviewer: UserRow,
  verdict: string,
  isGold = false,
) {
  await db.query(
    `insert into reviews (project_id, answer_id, reviewer_id, is_gold, status, leased_at, expires_at, verdict, decided_at)
     values ($1, $2, $3, $4, 'done', $5, $5, $6, $5)`,
    [project.id, answerId, reviewer.id, isGold, now, verdict],
  );
}

function newDataset(
  project: ProjectRow,
  accountsWeights: [string, bigint][],
  name = project.name,
): NewDataset {
  const total = accountsWeights.reduce((s, [, w]) => s + w, 0n);
  return {
    projectId: project.id as ProjectId,
    orgId: orgId as DatasetRow['orgId'],
    name,
    description: 'a description',
    licenseSummary: 'co-owned',
    publishedAt: now,
    publishedBy: owner.id as UserId,
    rowCount: 2,
    answerCount: 3,
    reviewCount: 1,
    contributorCount: accountsWeights.length,
    shareRoot: `0x${'ab'.repeat(32)}`,
    totalWeight: total,
    formulaVersion: 1,
    shares: accountsWeights.map(([account, weight], i) => ({
      account,
      weight,
      sharePpm: (weight * 1_000_000n) / total,
      answersCounted: i + 1,
      reviewsCounted: i,
      accuracyPpm: 700_000 + i,
      proof: new Uint8Array(64).fill(i + 1),
    })),
  };
}

describe('datasetStore', () => {
  it('reads what the formula needs: final statuses, fixes, gold, labels, reviews that stood, evidence', async () => {
    const { project, items } = await communityProject();
    const [w1, w2, g1] = items as [string, string, string];
    const alice = await contributor();
    const bob = await contributor();
    const reviewer = await contributor();
    const a1 = await answer(project, w1, alice, { status: 'approved', decidedBy: 'machine', agrees: true });
    const a2 = await answer(project, w2, alice, { status: 'approved', decidedBy: 'qa', qaVerdict: 'fix' });
    await answer(project, g1, alice, { status: 'approved', decidedBy: 'gold', isCorrect: true });
    await answer(project, g1, alice, { status: 'pending', isCorrect: false, kind: 'exam' });
    const b1 = await answer(project, w1, bob, { status: 'approved', decidedBy: 'review' });
    const b2 = await answer(project, w2, bob, { status: 'rejected', decidedBy: 'review' });
    await review(project, b1, reviewer, 'fix');
    await review(project, b2, reviewer, 'reject');
    await review(project, a1, reviewer, 'approve', true); // a gold review only scores the reviewer
    await review(project, a2, owner, 'approve'); // the requester's organization reviews as the buyer
    await db.query(
      `insert into item_labels (item_id, project_id, label, confidence, answer_count, method, is_final, updated_at)
       values ($1, $2, '{"text":"x"}', 0.8, 2, 'text', true, $3)`,
      [w1, project.id, now],
    );

    const inputs = await datasets.shareInputs(project.id as ProjectId);
    expect(inputs.answers).toEqual([
      { account: alice.address, itemId: w1, status: 'approved', isGold: false, fixed: false },
      { account: alice.address, itemId: w2, status: 'approved', isGold: false, fixed: true },
      { account: alice.address, itemId: g1, status: 'approved', isGold: true, fixed: false },
      { account: bob.address, itemId: w1, status: 'approved', isGold: false, fixed: true },
      { account: bob.address, itemId: w2, status: 'rejected', isGold: false, fixed: false },
    ]);
    expect(inputs.labels).toEqual([
      { itemId: w1, confidence: expect.closeTo(0.8, 5), source: 'aggregation' },
    ]);
    expect(inputs.reviews).toEqual([
      { account: reviewer.address, accepted: true },
      { account: reviewer.address, accepted: true },
      { account: reviewer.address, accepted: false },
    ]);
    expect(inputs.evidence.get(alice.address)).toEqual({
      goldCorrect: 1,
      goldTotal: 2,
      reviewApproved: 1,
      reviewRejected: 0,
      consensusAgree: 1,
      consensusTotal: 1,
    });
    expect(inputs.evidence.get(bob.address)).toMatchObject({
      reviewApproved: 1,
      reviewRejected: 1,
      goldTotal: 0,
    });
  });

  it('publishes once, lists newest first with search and cursor, and pages shares with their proofs', async () => {
    const { project } = await communityProject('Bird songs');
    const [x, y, z] = [await contributor(), await contributor(), await contributor()];
    const stored = await datasets.publish(
      newDataset(project, [
        [x.address, 3n * 10n ** 40n],
        [y.address, 2n],
        [z.address, 1n],
      ]),
    );
    expect(stored).toMatchObject({
      projectId: project.id,
      name: 'Bird songs',
      status: 'published',
      method: 'free_text',
      shareRoot: `0x${'ab'.repeat(32)}`,
      totalWeight: 3n * 10n ** 40n + 3n,
      assetId: null,
    });
    expect(await datasets.publish(newDataset(project, [[x.address, 1n]]))).toBeNull();
    expect(await datasets.byProject(project.id as ProjectId)).toEqual(stored);
    expect(await datasets.get(stored!.id)).toEqual(stored);
    expect(await datasets.get('not-a-uuid')).toBeNull();

    const other = await communityProject('Whale calls');
    await datasets.publish(newDataset(other.project, [[x.address, 5n]]));
    const all = await datasets.list({ search: null, cursor: null, limit: 10 });
    expect(all.map((d) => d.name).slice(0, 2)).toEqual(['Whale calls', 'Bird songs']);
    expect((await datasets.list({ search: 'BIRD', cursor: null, limit: 10 })).map((d) => d.name)).toEqual([
      'Bird songs',
    ]);
    expect(await datasets.list({ search: '%', cursor: null, limit: 10 })).toEqual([]);
    const second = await datasets.list({ search: null, cursor: all[0]!.seq, limit: 10 });
    expect(second[0]!.name).toBe('Bird songs');

    const first = await datasets.shares(stored!.id, 0, 2);
    expect(first.map((s) => [s.rank, s.account, s.weight])).toEqual([
      [1, x.address, 3n * 10n ** 40n],
      [2, y.address, 2n],
    ]);
    expect(first[1]!.proof).toEqual([`0x${'02'.repeat(32)}`, `0x${'02'.repeat(32)}`]);
    expect((await datasets.shares(stored!.id, 2, 2)).map((s) => s.account)).toEqual([z.address]);

    const mine = await datasets.sharesOf(x.address);
    expect(mine.map((m) => [m.dataset.name, m.share.weight])).toEqual([
      ['Whale calls', 5n],
      ['Bird songs', 3n * 10n ** 40n],
    ]);
  });

  it('keeps published shares frozen; the chain commitment is recorded once', async () => {
    const { project } = await communityProject('Frozen');
    const user = await contributor();
    const stored = (await datasets.publish(newDataset(project, [[user.address, 7n]])))!;
    await expect(
      db.query('update dataset_shares set weight = 8 where dataset_id = $1', [stored.id]),
    ).rejects.toThrow(/frozen/);
    await expect(db.query('delete from dataset_shares where dataset_id = $1', [stored.id])).rejects.toThrow(
      /frozen/,
    );
    await expect(db.query(`update datasets set name = 'changed' where id = $1`, [stored.id])).rejects.toThrow(
      /frozen/,
    );
    await expect(db.query('update datasets set total_weight = 1 where id = $1', [stored.id])).rejects.toThrow(
      /frozen/,
    );
    await expect(db.query('delete from datasets where id = $1', [stored.id])).rejects.toThrow(/frozen/);
    await db.query(
      `update datasets set asset_id = '0x01', commit_tx_hash = '0x02', committed_at = $2 where id = $1`,
      [stored.id, now],
    );
    await expect(
      db.query(`update datasets set asset_id = '0x03' where id = $1`, [stored.id]),
    ).rejects.toThrow(/frozen/);
    expect(await datasets.get(stored.id)).toMatchObject({ name: 'Frozen', totalWeight: 7n, assetId: '0x01' });
  });
});
