import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;
let alice: string;
let bob: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
  alice = await t.signIn('alice');
  bob = await t.signIn('bob');
});
afterAll(() => t.close());

async function projectWithItems(
  overrides: Record<string, unknown> = {},
  lines = ['{"id":"a","text":"good"}', '{"id":"b","text":"bad"}'],
) {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject(overrides),
  });
  expect(created.status).toBe(201);
  const imported = await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  expect(imported.status).toBe(200);
  return created.json.id as string;
}

describe('requester', () => {
  it('creates a project with typed settings and bigint amounts as strings', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ rewardPerItemWei: '123456789012345678901234567890' }),
    });
    expect(r.status).toBe(201);
    expect(r.json.rewardPerItemWei).toBe('123456789012345678901234567890');
    expect(r.json.annotation.method).toBe('single_choice');
    expect(r.json.exam).toEqual({ enabled: false, questionCount: 5, passRate: 0.8, maxAttempts: 2 });
    expect(r.json.status).toBe('active');
  });

  it('refuses a bad project body with a 400 naming the field', async () => {
    const r = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ overlap: 0, rewardPerItemWei: '-5' }),
    });
    expect(r.status).toBe(400);
    expect(r.json.error.code).toBe('VALIDATION_FAILED');
    const paths = r.json.error.details.map((d: { path: string[] }) => d.path.join('.'));
    expect(paths).toContain('overlap');
    expect(paths).toContain('rewardPerItemWei');
  });

  it('refuses a broken import naming the line, and stores nothing', async () => {
    const id = await projectWithItems({}, ['{"text":"one"}']);
    const r = await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
      cookie: requester,
      raw: '{"text":"ok"}\n{"text": }\n{"nope":1}',
    });
    expect(r.status).toBe(422);
    expect(r.json.error.code).toBe('IMPORT_INVALID');
    expect(r.json.error.message).toMatch(/^line 2: not valid JSON/);
    expect(r.json.error.details.problems).toHaveLength(2);
    expect((await t.call('GET', `/api/projects/${id}`, { cookie: requester })).json.itemCount).toBe(1);
  });

  it('refuses an import repeating an id already in the project', async () => {
    const id = await projectWithItems();
    const r = await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
      cookie: requester,
      raw: '{"id":"a","text":"again"}',
    });
    expect(r.status).toBe(422);
    expect(r.json.error.message).toContain('"a"');
  });

  it('imports CSV and Label Studio JSON, and pages through items', async () => {
    const id = await projectWithItems({}, ['{"text":"x"}']);
    const csv = await t.call('POST', `/api/projects/${id}/items?format=csv`, {
      cookie: requester,
      raw: 'id,text,gold\nc1,"hello, world",pos\nc2,bye,',
    });
    expect(csv.json).toEqual({ imported: 2, gold: 1, itemCount: 3 });
    const ls = await t.call('POST', `/api/projects/${id}/items?format=labelstudio`, {
      cookie: requester,
      raw: JSON.stringify([{ id: 7, data: { text: 'from LS' } }, { data: { text: 'another' } }]),
    });
    expect(ls.json.imported).toBe(2);
    const page1 = await t.call('GET', `/api/projects/${id}/items?limit=3`, { cookie: requester });
    expect(page1.json.items).toHaveLength(3);
    expect(page1.json.items[1]).toMatchObject({
      externalId: 'c1',
      data: { text: 'hello, world' },
      isGold: true,
    });
    const page2 = await t.call('GET', `/api/projects/${id}/items?limit=3&cursor=${page1.json.nextCursor}`, {
      cookie: requester,
    });
    expect(page2.json.items.map((i: { externalId: string | null }) => i.externalId)).toEqual(['7', null]);
    expect(page2.json.nextCursor).toBeNull();
  });

  it('streams import progress as NDJSON when asked', async () => {
    const id = await projectWithItems({}, ['{"text":"x"}']);
    const lines = Array.from({ length: 12_000 }, (_, i) => JSON.stringify({ text: `item ${i}` })).join('\n');
    const r = await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
      cookie: requester,
      raw: lines,
      headers: { accept: 'application/x-ndjson' },
    });
    const events = r.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(events.filter((e) => e.progress?.phase === 'insert').map((e) => e.progress.done)).toEqual([
      5000, 10000, 12000,
    ]);
    expect(events.at(-1)).toEqual({ result: { imported: 12_000, gold: 0, itemCount: 12_001 } });
  });

  it('hides other organizations’ projects', async () => {
    const id = await projectWithItems();
    const r = await t.call('GET', `/api/projects/${id}`, { cookie: alice });
    expect(r.status).toBe(404);
    expect((await t.call('GET', `/api/projects/${id}/export`, { cookie: alice })).status).toBe(404);
    expect((await t.call('GET', '/api/projects', { cookie: alice })).json.projects).toEqual([]);
  });

  it('acts through an API key for its organization only', async () => {
    const me = await t.call('GET', '/api/me', { cookie: requester });
    const orgId = me.json.orgs[0].id;
    const key = await t.call('POST', `/api/orgs/${orgId}/api-keys`, {
      cookie: requester,
      body: { name: 'script' },
    });
    expect(key.status).toBe(201);
    expect(key.json.key).toMatch(/^cvn_/);
    const listed = await t.call('GET', '/api/projects', { apiKey: key.json.key });
    expect(listed.status).toBe(200);
    expect(listed.json.projects.length).toBeGreaterThan(0);
    const keys = await t.call('GET', `/api/orgs/${orgId}/api-keys`, { cookie: requester });
    expect(keys.json.keys[0]).not.toHaveProperty('key');
    expect((await t.call('GET', '/api/projects', { apiKey: 'cvn_wrong_key' })).status).toBe(401);
    const aliceOrg = await t.call('POST', `/api/orgs/${orgId}/api-keys`, {
      cookie: alice,
      body: { name: 'x' },
    });
    expect(aliceOrg.status).toBe(403);
  });
});

describe('contributor', () => {
  it('needs to be signed in', async () => {
    const r = await t.call('GET', '/api/tasks');
    expect(r.status).toBe(401);
    expect(r.json.error.code).toBe('UNAUTHENTICATED');
  });

  it('labels each item once, within overlap, with a replayable idempotent submit and a verified ledger', async () => {
    const id = await projectWithItems({ overlap: 1 });
    const first = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(first.status).toBe(200);
    expect(first.json.item.data.text).toBe('good');
    expect(first.json).not.toHaveProperty('isGold');
    // The preloaded next item is a different one; asking again without `after` gives back the first.
    const next = await t.call('POST', `/api/tasks/${id}/assignments?after=${first.json.id}`, {
      cookie: alice,
    });
    expect(next.json.item.data.text).toBe('bad');
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice })).json.id).toBe(
      first.json.id,
    );
    // Bob finds nothing: overlap 1 and both items are leased to Alice.
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob })).status).toBe(204);

    const bad = await t.call('POST', `/api/assignments/${first.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'meh' } },
    });
    expect(bad.status).toBe(422);
    expect(bad.json.error.message).toBe('choice: choice must be one of: pos, neg');

    const body = { answer: { choice: 'pos' }, durationMs: 1500, idempotencyKey: 'key-000001' };
    const ok = await t.call('POST', `/api/assignments/${first.json.id}/answer`, { cookie: alice, body });
    expect(ok.status).toBe(200);
    expect(ok.json).toMatchObject({ ledgerSeq: 1, replayed: false, exam: null });
    const again = await t.call('POST', `/api/assignments/${first.json.id}/answer`, { cookie: alice, body });
    expect(again.json).toMatchObject({ answerId: ok.json.answerId, ledgerSeq: 1, replayed: true });
    const other = await t.call('POST', `/api/assignments/${first.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'neg' } },
    });
    expect(other.status).toBe(409);
    expect(other.json.error.code).toBe('ASSIGNMENT_CLOSED');
    const stolen = await t.call('POST', `/api/assignments/${next.json.id}/answer`, {
      cookie: bob,
      body: { answer: { choice: 'neg' } },
    });
    expect(stolen.status).toBe(404);

    const stats = await t.call('GET', `/api/projects/${id}/stats`, { cookie: requester });
    expect(stats.json).toMatchObject({
      itemCount: 2,
      answersTotal: 1,
      itemsDone: 1,
      answersNeeded: 2,
      contributors: 1,
      // Nothing is spent until the quality pipeline approves the answer.
      spentWei: '0',
    });
    const ledger = await t.call('GET', `/api/projects/${id}/ledger/verify`, { cookie: requester });
    expect(ledger.json).toMatchObject({ ok: true, entries: 1, head: ok.json.ledgerHash, problem: null });
    const history = await t.call('GET', '/api/me/history', { cookie: alice });
    expect(history.json.entries[0]).toMatchObject({
      answerId: ok.json.answerId,
      answer: { choice: 'pos' },
      rewardWei: '0',
    });
  });

  it('returns a skipped item to the pool but never to the same contributor', async () => {
    const id = await projectWithItems({ overlap: 1 }, ['{"text":"only"}']);
    const a = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(
      (
        await t.call('POST', `/api/assignments/${a.json.id}/skip`, {
          cookie: alice,
          body: { reason: 'whatever' },
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await t.call('POST', `/api/assignments/${a.json.id}/skip`, {
          cookie: alice,
          body: { reason: 'unclear', note: 'ambiguous' },
        })
      ).status,
    ).toBe(204);
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice })).status).toBe(204);
    const b = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob });
    expect(b.json.item.id).toBe(a.json.item.id);
    expect((await t.call('GET', `/api/projects/${id}/stats`, { cookie: requester })).json.skips).toBe(1);
  });

  it('releases a leased item back to the pool, to be offered again', async () => {
    const id = await projectWithItems({ overlap: 1 }, ['{"text":"only"}']);
    const a = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob })).status).toBe(204);
    expect((await t.call('POST', `/api/assignments/${a.json.id}/release`, { cookie: bob })).status).toBe(404);
    expect((await t.call('POST', `/api/assignments/${a.json.id}/release`, { cookie: alice })).status).toBe(
      204,
    );
    expect((await t.call('POST', `/api/assignments/${a.json.id}/release`, { cookie: alice })).status).toBe(
      404,
    );
    const again = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(again.json.item.id).toBe(a.json.item.id);
    expect((await t.call('GET', `/api/projects/${id}/stats`, { cookie: requester })).json.skips).toBe(0);
  });

  it('lets an expired lease go back to the pool and refuses answers on it', async () => {
    const id = await projectWithItems({ overlap: 1, leaseSeconds: 60 }, ['{"text":"only"}']);
    const a = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob })).status).toBe(204);
    t.clock.advance(61_000);
    const late = await t.call('POST', `/api/assignments/${a.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'pos' } },
    });
    expect(late.status).toBe(410);
    expect(late.json.error.code).toBe('LEASE_EXPIRED');
    const b = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob });
    expect(b.json.item.id).toBe(a.json.item.id);
  });

  it('enforces the daily cap, resetting at midnight UTC', async () => {
    const id = await projectWithItems({ overlap: 1, dailyCap: 1 }, ['{"text":"1"}', '{"text":"2"}']);
    const a = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    await t.call('POST', `/api/assignments/${a.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'pos' } },
    });
    const capped = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(capped.status).toBe(429);
    expect(capped.json.error.code).toBe('DAILY_CAP_REACHED');
    const card = (await t.call('GET', '/api/tasks', { cookie: alice })).json.tasks.find(
      (c: { projectId: string }) => c.projectId === id,
    );
    expect(card.lockReasons.map((r: { kind: string }) => r.kind)).toEqual(['daily_cap']);
    const now = t.clock.now();
    t.clock.set(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1, 0, 0, 1)));
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice })).status).toBe(200);
  });

  it('gates by level and lists locked tasks last with what unlocks them', async () => {
    const locked = await projectWithItems({ name: 'Needs level 4', requiredLevel: 4 });
    const open = await projectWithItems({ name: 'Open to all', requiredLevel: 0 });
    const r = await t.call('GET', '/api/tasks', { cookie: alice });
    const ids = r.json.tasks.map((c: { projectId: string }) => c.projectId);
    expect(ids.indexOf(open)).toBeLessThan(ids.indexOf(locked));
    const card = r.json.tasks.find((c: { projectId: string }) => c.projectId === locked);
    expect(card).toMatchObject({ locked: true, requiredLevel: 4, remainingItems: 4 });
    expect(card.lockReasons[0].message).toBe('reach level 4 (you are level 3)');
    const denied = await t.call('POST', `/api/tasks/${locked}/assignments`, { cookie: alice });
    expect(denied.status).toBe(403);
    expect(denied.json.error.code).toBe('LEVEL_TOO_LOW');
    const filtered = await t.call('GET', '/api/tasks?level=1&method=single_choice', { cookie: alice });
    expect(filtered.json.tasks.map((c: { projectId: string }) => c.projectId)).not.toContain(locked);
  });

  it('runs the qualification exam on gold items before work', async () => {
    const gold = ['pos', 'neg', 'pos'].map((g, i) =>
      JSON.stringify({ id: `g${i}`, text: `gold ${i}`, gold: { choice: g } }),
    );
    const id = await projectWithItems(
      { exam: { enabled: true, questionCount: 3, passRate: 0.66, maxAttempts: 1 } },
      [...gold, '{"text":"work"}'],
    );
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice })).json.error.code).toBe(
      'EXAM_REQUIRED',
    );
    const exam = await t.call('POST', `/api/tasks/${id}/exam`, { cookie: alice });
    expect(exam.json.status.status).toBe('in_progress');
    expect(exam.json.assignments).toHaveLength(3);
    const items = await t.call('GET', `/api/projects/${id}/items`, { cookie: requester });
    const goldOf = new Map(
      items.json.items.map((i: { id: string; data: { text: string } }) => [i.id, i.data.text]),
    );
    let last: { exam: { status: string; correct: number } } | null = null;
    for (const [k, a] of exam.json.assignments.entries()) {
      const text = goldOf.get(a.item.id) as string;
      const truth = ['pos', 'neg', 'pos'][Number(text.slice(-1))]!;
      // Two right, one wrong: 2/3 ≥ 0.66 passes.
      const choice = k === 0 ? (truth === 'pos' ? 'neg' : 'pos') : truth;
      last = (
        await t.call('POST', `/api/assignments/${a.id}/answer`, {
          cookie: alice,
          body: { answer: { choice } },
        })
      ).json;
    }
    expect(last!.exam).toMatchObject({ status: 'passed', correct: 2, answered: 3 });
    const work = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(work.json.item.data.text).toBe('work');

    // Bob gets everything wrong and has no attempt left.
    const bobExam = await t.call('POST', `/api/tasks/${id}/exam`, { cookie: bob });
    for (const a of bobExam.json.assignments) {
      const text = goldOf.get(a.item.id) as string;
      const wrong = ['pos', 'neg', 'pos'][Number(text.slice(-1))] === 'pos' ? 'neg' : 'pos';
      last = (
        await t.call('POST', `/api/assignments/${a.id}/answer`, {
          cookie: bob,
          body: { answer: { choice: wrong } },
        })
      ).json;
    }
    expect(last!.exam.status).toBe('failed');
    expect((await t.call('POST', `/api/tasks/${id}/exam`, { cookie: bob })).json.error.code).toBe(
      'EXAM_FAILED',
    );
    expect((await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: bob })).json.error.code).toBe(
      'EXAM_FAILED',
    );
  });

  it('exports answers as JSONL and CSV', async () => {
    const id = await projectWithItems({ overlap: 1 }, ['{"id":"x1","text":"with, comma"}']);
    const a = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    await t.call('POST', `/api/assignments/${a.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'neg' } },
    });
    const jsonl = await t.call('GET', `/api/projects/${id}/export?format=jsonl`, { cookie: requester });
    const row = JSON.parse(jsonl.text.trim());
    expect(row).toMatchObject({
      external_id: 'x1',
      data: { text: 'with, comma' },
      answer: { choice: 'neg' },
      ledger_seq: 1,
    });
    const csv = await t.call('GET', `/api/projects/${id}/export?format=csv`, { cookie: requester });
    expect(csv.headers.get('content-type')).toContain('text/csv');
    const lines = csv.text.trim().split('\r\n');
    expect(lines[0]).toBe(
      'item_id,external_id,contributor,answer,status,duration_ms,created_at,ledger_seq,ledger_hash,data',
    );
    expect(lines[1]).toContain(',x1,');
    expect(lines[1]).toContain('"{""choice"":""neg""}"');
  });
});

describe('API surface', () => {
  it('serves its OpenAPI document', async () => {
    const r = await t.call('GET', '/api/openapi.json');
    expect(r.status).toBe(200);
    expect(r.json.openapi).toBe('3.1.0');
    expect(Object.keys(r.json.paths)).toEqual(
      expect.arrayContaining(['/projects', '/tasks/{projectId}/assignments', '/assignments/{id}/answer']),
    );
  });

  it('answers unknown routes and malformed JSON with clear 4xx errors', async () => {
    expect((await t.call('GET', '/api/nope', { cookie: alice })).json.error.code).toBe('NOT_FOUND');
    const r = await t.app.request('http://caravan.test/api/projects', {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: requester },
      body: '{"name":',
    });
    expect(r.status).toBe(400);
    expect(((await r.json()) as { error: { code: string } }).error.code).toBe('VALIDATION_FAILED');
  });

  it('answers /healthz', async () => {
    expect((await t.call('GET', '/healthz')).json).toEqual({ ok: true });
  });
});

describe('answers arriving together', () => {
  it('stores each once, chains them all, and sorts out raced idempotency keys', async () => {
    const id = await projectWithItems(
      { overlap: 1 },
      Array.from({ length: 12 }, (_, i) => JSON.stringify({ text: `item ${i}` })),
    );
    // Four contributors, each holding two leases (the item on screen and the preloaded one).
    const people = [alice, bob, await t.signIn('reviewer'), await t.signIn('admin')];
    const leases: { aid: string; cookie: string }[] = [];
    for (const cookie of people) {
      const first = (await t.call('POST', `/api/tasks/${id}/assignments`, { cookie })).json.id;
      const second = (await t.call('POST', `/api/tasks/${id}/assignments?after=${first}`, { cookie })).json
        .id;
      leases.push({ aid: first, cookie }, { aid: second, cookie });
    }
    // Alice's two leases share one key: one is stored, the other is told the key is taken.
    const results = await Promise.all(
      leases.map(({ aid, cookie }, k) =>
        t.call('POST', `/api/assignments/${aid}/answer`, {
          cookie,
          body: {
            answer: { choice: 'pos' },
            idempotencyKey: k < 2 ? 'shared-key-1' : `own-key-${k}`,
          },
        }),
      ),
    );
    const statuses = results.map((r) => r.status);
    expect(statuses.filter((s) => s === 200)).toHaveLength(7);
    const conflict = results.find((r) => r.status === 409);
    expect(conflict?.json.error.code).toBe('IDEMPOTENCY_CONFLICT');
    const seqs = results.filter((r) => r.status === 200).map((r) => r.json.ledgerSeq);
    expect(new Set(seqs).size).toBe(7);
    const ledger = await t.call('GET', `/api/projects/${id}/ledger/verify`, { cookie: requester });
    expect(ledger.json).toMatchObject({ ok: true, entries: 7 });
    expect((await t.call('GET', `/api/projects/${id}/stats`, { cookie: requester })).json.answersTotal).toBe(
      7,
    );
  });
});
