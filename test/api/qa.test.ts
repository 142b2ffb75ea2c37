import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
});
afterAll(() => t.close());

type Person = { cookie: string; id: string; address: string };
let people = 0;
const person = () => t.signInNew(`qa-${people++}`);

async function project(lines: string[], overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({ overlap: 1, ...overrides }),
  });
  expect(created.status, created.text).toBe(201);
  const imported = await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  return created.json.id;
}
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `i${i}`, text: `text ${i}` }));

async function work(who: Person, projectId: string, choice = 'pos', limit = 1000): Promise<string[]> {
  const ids: string[] = [];
  for (let k = 0; k < limit; k++) {
    const lease = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie: who.cookie });
    if (lease.status !== 200) break;
    t.clock.advance(8000);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie: who.cookie,
      body: { answer: { choice }, durationMs: 8000 },
    });
    expect(r.json.answerId, r.text).toBeTruthy();
    ids.push(r.json.answerId);
  }
  return ids;
}

/** What the quality pass does: the machine approves the answers, labelling their items. */
async function machineApproves(answerIds: string[]) {
  await t.db.query(
    `update answers set status = 'approved', decided_by = 'machine', decision_reason = 'Agrees with the consensus.',
       decided_at = now(), consensus_score = 1 where id = any($1::bigint[])`,
    [answerIds],
  );
  await t.db.query(
    `insert into item_labels (item_id, project_id, label, confidence, answer_count, method, is_final, updated_at)
     select a.item_id, a.project_id, a.answer, 0.93, 1, 'ds', true, now() from answers a where a.id = any($1::bigint[])`,
    [answerIds],
  );
}
const answerRow = async (id: string) =>
  (
    await t.db.query(
      `select status, decided_by as "decidedBy", decision_reason as "decisionReason", qa_verdict as "qaVerdict",
         decided_at as "decidedAt"
       from answers where id = $1`,
      [id],
    )
  ).rows[0];
const labelOf = async (answerId: string) =>
  (
    await t.db.query(
      `select l.label, l.source, l.is_final as "isFinal", l.confidence from item_labels l
       join answers a on a.item_id = l.item_id where a.id = $1`,
      [answerId],
    )
  ).rows[0];

describe('QA sample', () => {
  it('shows a random sample of decided answers with who gave them, to the project’s requesters only', async () => {
    const id = await project([...items(4), JSON.stringify({ text: 'control', gold: { choice: 'pos' } })], {
      goldShare: 0.5,
    });
    const c = await person();
    const random = t.deps.random;
    t.deps.random = () => 0; // the gold item first
    const [gold] = await work(c, id, 'pos', 1);
    t.deps.random = random;
    const answers = await work(c, id);
    expect(answers).toHaveLength(4);
    // Gold answers are decided by their gold answer and are not part of QA.
    await t.db.query(`update answers set status = 'approved', decided_by = 'gold' where id = $1`, [gold]);
    await machineApproves(answers.slice(0, 3));

    const r = await t.call('GET', `/api/projects/${id}/qa?size=2`, { cookie: requester });
    expect(r.status, r.text).toBe(200);
    expect(r.json.counts).toEqual({ sampled: 2, alreadyChecked: 0, decided: 3 });
    expect(r.json.answers).toHaveLength(2);
    const first = r.json.answers[0];
    expect(answers.slice(0, 3)).toContain(first.answerId);
    expect(first).toEqual({
      answerId: first.answerId,
      item: {
        id: expect.any(String),
        externalId: expect.stringMatching(/^i\d$/),
        data: { text: expect.any(String) },
      },
      answer: { choice: 'pos' },
      status: 'approved',
      decidedBy: 'machine',
      decisionReason: 'Agrees with the consensus.',
      decidedAt: expect.any(String),
      consensusScore: 1,
      label: { label: { choice: 'pos' }, confidence: expect.closeTo(0.93, 5), source: 'aggregation' },
      contributor: c.address,
    });
    const all = await t.call('GET', `/api/projects/${id}/qa`, { cookie: requester });
    expect(all.json.counts.sampled).toBe(3);

    expect((await t.call('GET', `/api/projects/${id}/qa?size=0`, { cookie: requester })).status).toBe(400);
    const tooMany = await t.call('GET', `/api/projects/${id}/qa?size=101`, { cookie: requester });
    expect(tooMany.status).toBe(400);
    expect(tooMany.json.error.message).toBe('size: size is a whole number from 1 to 100');

    // Another organization's requester, and a contributor, are told there is no such project or answer.
    const other = await person();
    expect(
      (await t.call('POST', '/api/orgs', { cookie: other.cookie, body: { name: 'Other Labs' } })).status,
    ).toBe(201);
    const hidden = await t.call('GET', `/api/projects/${id}/qa`, { cookie: other.cookie });
    expect(hidden.status).toBe(404);
    expect((await t.call('GET', `/api/projects/${id}/qa`, { cookie: c.cookie })).status).toBe(404);
    const overridden = await t.call('POST', `/api/answers/${answers[0]}/qa`, {
      cookie: other.cookie,
      body: { verdict: 'reject' },
    });
    expect(overridden.status).toBe(404);
    expect(overridden.json.error.message).toBe(`no answer ${answers[0]} in your projects`);
    expect((await answerRow(answers[0]!)).status).toBe('approved');
    expect(
      (await t.call('POST', '/api/answers/999999999/qa', { cookie: requester, body: { verdict: 'accept' } }))
        .status,
    ).toBe(404);
  });
});

describe('QA verdicts', () => {
  it('override the machine’s decision and mark the contributor for a progress refresh', async () => {
    const id = await project(items(2));
    const c = await person();
    const answers = await work(c, id);
    await machineApproves(answers);
    t.clock.advance(60_000);
    const r = await t.call('POST', `/api/answers/${answers[0]}/qa`, {
      cookie: requester,
      body: { verdict: 'reject', note: 'The text is neutral at best.' },
    });
    expect(r.status, r.text).toBe(200);
    expect(r.json).toEqual({
      answerId: answers[0],
      verdict: 'reject',
      status: 'rejected',
      decidedAt: t.clock.now().toISOString(),
    });
    expect(await answerRow(answers[0]!)).toMatchObject({
      status: 'rejected',
      decidedBy: 'qa',
      qaVerdict: 'reject',
      decisionReason: 'Rejected by the requester. The text is neutral at best.',
    });
    const dirty = await t.db.query('select 1 from progress_dirty where user_id = $1', [c.id]);
    expect(dirty.rowCount).toBe(1);
    // Checked answers leave the sample.
    const sample = await t.call('GET', `/api/projects/${id}/qa`, { cookie: requester });
    expect(sample.json.counts).toEqual({ sampled: 1, alreadyChecked: 1, decided: 2 });
    expect(sample.json.answers[0].answerId).toBe(answers[1]);

    // Accept overrides a rejection too, whatever decided it.
    const accepted = await t.call('POST', `/api/answers/${answers[0]}/qa`, {
      cookie: requester,
      body: { verdict: 'accept' },
    });
    expect(accepted.json.status).toBe('approved');
    expect(await answerRow(answers[0]!)).toMatchObject({
      status: 'approved',
      decidedBy: 'qa',
      qaVerdict: 'accept',
    });
  });

  it('fix checks the corrected answer, makes it the item’s final label, and decides the answer by it', async () => {
    const id = await project(items(2));
    const c = await person();
    const answers = await work(c, id, 'pos');
    await machineApproves(answers);
    const url = `/api/answers/${answers[0]}/qa`;
    const missing = await t.call('POST', url, { cookie: requester, body: { verdict: 'fix' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toBe(
      'fixedAnswer: a fix needs fixedAnswer: the right answer, in the shape of the task’s method',
    );
    const invalid = await t.call('POST', url, {
      cookie: requester,
      body: { verdict: 'fix', fixedAnswer: { choice: 'meh' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.message).toBe('fixedAnswer.choice: choice must be one of: pos, neg');
    expect((await t.call('POST', url, { cookie: requester, body: { verdict: 'nope' } })).status).toBe(400);

    const fixed = await t.call('POST', url, {
      cookie: requester,
      body: { verdict: 'fix', fixedAnswer: { choice: 'neg' } },
    });
    expect(fixed.status, fixed.text).toBe(200);
    expect(fixed.json.status).toBe('rejected');
    expect(await answerRow(answers[0]!)).toMatchObject({
      status: 'rejected',
      decidedBy: 'qa',
      qaVerdict: 'fix',
    });
    expect(await labelOf(answers[0]!)).toEqual({
      label: { choice: 'neg' },
      source: 'qa',
      isFinal: true,
      confidence: 1,
    });

    const agreeing = await t.call('POST', `/api/answers/${answers[1]}/qa`, {
      cookie: requester,
      body: { verdict: 'fix', fixedAnswer: { choice: 'pos' } },
    });
    expect(agreeing.json.status).toBe('approved');
    expect(await labelOf(answers[1]!)).toMatchObject({ label: { choice: 'pos' }, source: 'qa' });
  });
});

describe('API surface', () => {
  it('documents the QA routes', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json;
    expect(doc.paths['/projects/{id}/qa'].get.tags).toEqual(['qa']);
    expect(doc.paths['/answers/{id}/qa'].post.tags).toEqual(['qa']);
  });
});
