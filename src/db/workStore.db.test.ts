import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDb } from '../../test/setup/testDb.ts';
import { answerHash } from '../domain/ledger/answerHash.ts';
import { ledgerPayloadText } from '../domain/ledger/ledgerEntryHash.ts';
import { type StoredLedgerEntry, verifyLedger } from '../domain/ledger/verifyLedger.ts';
import { createProjectBody } from '../shared/api.ts';
import type { ProjectRow, UserRow } from '../usecases/ports.ts';
import { accountStore } from './accountStore.ts';
import type { Db } from './pool.ts';
import { projectStore } from './projectStore.ts';
import { qualityStore } from './qualityStore.ts';
import { workStore } from './workStore.ts';

// The store suite: it runs on the embedded PostgreSQL 18 and, in CI, again on the machine's PostgreSQL 15 (DATABASE_URL).
let db: Db;
let drop: () => Promise<void>;
let accounts: ReturnType<typeof accountStore>;
let projects: ReturnType<typeof projectStore>;
let work: ReturnType<typeof workStore>;
let owner: UserRow;
let orgId: string;
const now = new Date('2026-05-01T12:00:00Z');

beforeAll(async () => {
  ({ db, drop } = await testDb());
  accounts = accountStore(db);
  projects = projectStore(db);
  work = workStore(db);
  owner = await accounts.upsertUser('0x00000000000000000000000000000000000000A1', 'owner');
  orgId = (await accounts.createOrg('Org', owner.id)).id;
});
afterAll(() => drop());

let counter = 0;
async function contributor(): Promise<UserRow> {
  counter++;
  return accounts.upsertUser(`0x${counter.toString(16).padStart(40, '0')}`, null);
}

async function project(overrides: Record<string, unknown> = {}, itemCount = 3): Promise<ProjectRow> {
  const p = await projects.createProject(
    orgId,
    owner.id,
    createProjectBody.parse({
      name: 'Store suite',
      modality: 'text',
      annotation: {
        method: 'single_choice',
        config: {
          choices: [
            { value: 'a', label: 'A' },
            { value: 'b', label: 'B' },
          ],
        },
      },
      overlap: 2,
      rewardPerItemWei: '5',
      ...overrides,
    }),
  );
  await projects.insertItems(
    p.id,
    Array.from({ length: itemCount }, (_, i) => ({
      externalId: `i${i}`,
      data: { text: `item ${i}` },
      gold: null,
    })),
  );
  return (await projects.getProject(p.id))!;
}

async function answer(p: ProjectRow, user: UserRow, choice = 'a', at = now) {
  const lease = await work.leaseNew(p, user.id, at);
  if (!lease) return null;
  const assignment = (await work.assignment(lease.id))!;
  const a = { choice };
  const hash = answerHash(a);
  return work.submit({
    assignment,
    project: p,
    contributor: user.address,
    answer: a,
    answerHash: hash,
    payloadText: ledgerPayloadText({
      contributor: user.address,
      itemId: assignment.itemId,
      answerHash: hash,
      createdAt: at.toISOString(),
    }),
    durationMs: 1000,
    idempotencyKey: null,
    isCorrect: null,
    rewardWei: 5n,
    screening: [],
    screenOutcome: 'pass',
    now: at,
  });
}

async function chain(projectId: string): Promise<StoredLedgerEntry[]> {
  const all: StoredLedgerEntry[] = [];
  for await (const page of projects.ledger(projectId)) all.push(...page);
  return all;
}

describe('accounts', () => {
  it('consumes a nonce once and only before it expires', async () => {
    await accounts.issueNonce('nonce-one-1', now, new Date(now.getTime() + 60_000));
    expect(await accounts.consumeNonce('nonce-one-1', now)).toBe(true);
    expect(await accounts.consumeNonce('nonce-one-1', now)).toBe(false);
    await accounts.issueNonce('nonce-two-2', now, new Date(now.getTime() + 60_000));
    expect(await accounts.consumeNonce('nonce-two-2', new Date(now.getTime() + 61_000))).toBe(false);
    expect(await accounts.consumeNonce('never-issued', now)).toBe(false);
  });

  it('finds users by live session only', async () => {
    const u = await contributor();
    const token = new Uint8Array(32).fill(7);
    await accounts.createSession(token, u.id, now, new Date(now.getTime() + 1000));
    expect((await accounts.userBySession(token, now))?.id).toBe(u.id);
    expect(await accounts.userBySession(token, new Date(now.getTime() + 2000))).toBeNull();
    await accounts.deleteSession(token);
    expect(await accounts.userBySession(token, now)).toBeNull();
  });
});

describe('leases', () => {
  it('never gives one item to one contributor twice and respects overlap', async () => {
    const p = await project({ overlap: 2 }, 2);
    const [u1, u2, u3] = [await contributor(), await contributor(), await contributor()];
    for (const u of [u1, u2]) {
      expect(await answer(p, u)).not.toBeNull();
      expect(await answer(p, u)).not.toBeNull();
      expect(await answer(p, u)).toBeNull();
    }
    expect(await work.leaseNew(p, u3.id, now)).toBeNull();
    const counts = await db.query(
      'select answer_count, claims, is_open from items where project_id = $1 order by id',
      [p.id],
    );
    expect(counts.rows).toEqual([
      { answer_count: 2, claims: 2, is_open: false },
      { answer_count: 2, claims: 2, is_open: false },
    ]);
  });

  it('keeps overlap exact under concurrent leasing', async () => {
    const p = await project({ overlap: 3 }, 10);
    const users = await Promise.all(Array.from({ length: 40 }, () => contributor()));
    const leases = await Promise.all(users.map((u) => work.leaseNew(p, u.id, now)));
    const got = leases.filter((l) => l !== null);
    expect(got).toHaveLength(30);
    const perItem = new Map<string, number>();
    for (const l of got) perItem.set(l.itemId, (perItem.get(l.itemId) ?? 0) + 1);
    expect([...perItem.values()].every((n) => n === 3)).toBe(true);
    expect(perItem.size).toBe(10);
  });

  it('goes back for an earlier item that reopened after the contributor moved past it', async () => {
    const p = await project({ overlap: 1, leaseSeconds: 30 }, 3);
    const [u1, u2] = [await contributor(), await contributor()];
    const first = await work.leaseNew(p, u1.id, now);
    expect(first?.data).toEqual({ text: 'item 0' });
    expect((await answer(p, u2))?.ledgerSeq).toBe(1);
    expect((await answer(p, u2))?.ledgerSeq).toBe(2);
    const later = new Date(now.getTime() + 31_000);
    expect((await work.leaseNew(p, u2.id, later))?.itemId).toBe(first?.itemId);
  });

  it('returns expired leases to the pool', async () => {
    const p = await project({ overlap: 1, leaseSeconds: 30 }, 1);
    const [u1, u2] = [await contributor(), await contributor()];
    expect(await work.leaseNew(p, u1.id, now)).not.toBeNull();
    expect(await work.leaseNew(p, u2.id, now)).toBeNull();
    const later = new Date(now.getTime() + 31_000);
    expect(await work.expireLeases(later, p.id)).toBe(1);
    expect(await work.expireLeases(later, p.id)).toBe(0);
    expect((await work.leaseNew(p, u2.id, later))?.itemId).toBeDefined();
  });
});

describe('contribution ledger', () => {
  it('chains every answer and verifies', async () => {
    const p = await project({ overlap: 2 }, 3);
    for (let k = 0; k < 3; k++) await answer(p, await contributor(), k % 2 ? 'a' : 'b');
    const entries = await chain(p.id);
    expect(entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(verifyLedger(entries, (await projects.ledgerHead(p.id))!)).toMatchObject({ ok: true, entries: 3 });
  });

  it('keeps the chain gapless when many contributors submit at once', async () => {
    const p = await project({ overlap: 5 }, 10);
    const users = await Promise.all(Array.from({ length: 25 }, () => contributor()));
    await Promise.all(users.map((u) => answer(p, u)));
    const entries = await chain(p.id);
    expect(entries).toHaveLength(25);
    expect(verifyLedger(entries, (await projects.ledgerHead(p.id))!).ok).toBe(true);
  });

  it('keeps the count of work answers discovery shows equal to the answers stored, batched or not', async () => {
    const p = await project({ overlap: 3 }, 10);
    const users = await Promise.all(Array.from({ length: 12 }, () => contributor()));
    // answers at once are stored in batches, the last one alone
    await Promise.all(users.map((u) => answer(p, u)));
    await answer(p, users[0]!);
    const stored = await db.query<{ n: number }>(
      `select count(*)::int as n from answers where project_id = $1 and kind = 'work' and is_correct is null`,
      [p.id],
    );
    expect(stored.rows[0]!.n).toBe(13);
    const [row] = await work.tasks(users[0]!.id, now, p.id);
    expect(row!.remainingItems).toBe(10 * 3 - 13);
  });

  it('gives the quality pass one moment of a project: each item counts the answers the pass sees on it', async () => {
    const p = await project({ overlap: 4 }, 20);
    const quality = qualityStore(db);
    const users = await Promise.all(Array.from({ length: 24 }, () => contributor()));
    let writing = true;
    const writers = Promise.all(
      users.map(async (u) => {
        for (let k = 0; k < 3; k++) await answer(p, u);
      }),
    ).finally(() => {
      writing = false;
    });
    let snapshots = 0;
    while (writing || snapshots === 0) {
      const s = (await quality.snapshot(p.id))!;
      const seen = new Map<string, number>();
      for (const a of s.answers) seen.set(a.itemId, (seen.get(a.itemId) ?? 0) + 1);
      for (const [itemId, item] of s.items)
        expect(item.answerCount, `item ${itemId} in snapshot ${snapshots}`).toBe(seen.get(itemId) ?? 0);
      snapshots++;
    }
    await writers;
  });

  it('refuses updates and deletes of entries', async () => {
    const p = await project({}, 1);
    await answer(p, await contributor());
    await expect(
      db.query('update ledger_entries set contributor = $2 where project_id = $1', [p.id, 'x']),
    ).rejects.toThrow(/append-only/);
    await expect(db.query('delete from ledger_entries where project_id = $1', [p.id])).rejects.toThrow(
      /append-only/,
    );
  });

  it('detects an entry edited or removed behind the trigger’s back, and an answer changed', async () => {
    const p = await project({ overlap: 3 }, 2);
    for (let k = 0; k < 4; k++) await answer(p, await contributor());
    const head = (await projects.ledgerHead(p.id))!;
    const client = await db.connect();
    try {
      // Someone with superuser access turns the guard off: the hash chain still gives them away.
      await client.query('begin');
      await client.query('alter table ledger_entries disable trigger ledger_entries_no_update');
      await client.query(
        `update ledger_entries set contributor = '0xdead' where project_id = $1 and seq = 2`,
        [p.id],
      );
      expect(verifyLedger(await chainWith(client, p.id), head).problem).toEqual({
        seq: 2,
        reason: 'entry 2 was edited: its content no longer matches its hash',
      });
      await client.query('rollback');

      await client.query('begin');
      await client.query('alter table ledger_entries disable trigger ledger_entries_no_update');
      await client.query('delete from ledger_entries where project_id = $1 and seq = 3', [p.id]);
      expect(verifyLedger(await chainWith(client, p.id), head).problem?.reason).toBe(
        'entry 3 is missing (found 4 next)',
      );
      await client.query('rollback');

      await client.query('begin');
      await client.query('alter table ledger_entries disable trigger ledger_entries_no_update');
      await client.query('delete from ledger_entries where project_id = $1 and seq = 4', [p.id]);
      expect(verifyLedger(await chainWith(client, p.id), head).problem?.reason).toBe(
        'the chain ends at entry 3 but its head says 4',
      );
      await client.query('rollback');

      await client.query('begin');
      await client.query(
        `update answers set answer = '{"choice":"b"}' where project_id = $1 and ledger_seq = 1`,
        [p.id],
      );
      expect(verifyLedger(await chainWith(client, p.id), head).problem?.reason).toBe(
        'the answer behind entry 1 was changed after it was recorded',
      );
      await client.query('rollback');
    } finally {
      client.release();
    }
    expect(verifyLedger(await chain(p.id), head).ok).toBe(true);
  });
});

/** The chain as one connection (inside its open transaction) sees it. */
async function chainWith(client: { query: Db['query'] }, projectId: string): Promise<StoredLedgerEntry[]> {
  const store = projectStore(client as unknown as Db);
  const all: StoredLedgerEntry[] = [];
  for await (const page of store.ledger(projectId)) all.push(...page);
  return all;
}
