import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openAiCompatibleJudge } from '../../src/judge/openAiCompatibleJudge.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
});
afterAll(() => t.close());

type Contributor = { cookie: string; id: string; address: string };
const crowd = async (prefix: string, n: number): Promise<Contributor[]> =>
  Promise.all(Array.from({ length: n }, (_, i) => t.signInNew(`${prefix}-${i}`)));

async function project(overrides: Record<string, unknown>, lines: string[]): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject(overrides),
  });
  expect(created.status, created.text).toBe(201);
  const imported = await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  return created.json.id;
}

/** Leases and answers until nothing is left (or `limit` answers); returns the submit responses. */
async function work(
  who: Contributor,
  projectId: string,
  answer: (data: Record<string, unknown>) => unknown,
  o: { limit?: number; durationMs?: number } = {},
) {
  const results = [];
  for (let k = 0; k < (o.limit ?? 1000); k++) {
    const lease = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie: who.cookie });
    if (lease.status !== 200) break;
    t.clock.advance(o.durationMs ?? 8000);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie: who.cookie,
      body: { answer: answer(lease.json.item.data), durationMs: o.durationMs ?? 8000 },
    });
    expect(r.status, r.text).toBe(200);
    results.push({ item: lease.json.item, ...r.json });
  }
  return results;
}

const answersOf = async (projectId: string) =>
  (
    await t.db.query(
      `select a.id::text, a.user_id as "userId", i.external_id as item, a.answer, a.status, a.decided_by as "decidedBy",
         a.decision_reason as reason, a.screening, a.screen_outcome as "screenOutcome"
       from answers a join items i on i.id = a.item_id where a.project_id = $1 and a.kind = 'work' order by a.id`,
      [projectId],
    )
  ).rows;

const sentiment = (data: Record<string, unknown>) => ({
  choice: String(data.text).startsWith('good') ? 'pos' : 'neg',
});
const contrary = (data: Record<string, unknown>) => ({
  choice: String(data.text).startsWith('good') ? 'neg' : 'pos',
});

describe('screening', () => {
  it('records every rule’s verdict with the answer, and flags answers faster than the floor', async () => {
    const id = await project({ overlap: 1 }, ['{"id":"a","text":"good day"}', '{"id":"b","text":"bad day"}']);
    const [c] = await crowd('screen', 1);
    await work(c!, id, sentiment, { limit: 1, durationMs: 300 });
    await work(c!, id, sentiment, { limit: 1, durationMs: 9000 });
    const [fast, slow] = await answersOf(id);
    expect(fast.screenOutcome).toBe('flag');
    expect(fast.screening.map((v: { rule: string }) => v.rule)).toEqual([
      'schema',
      'too_fast',
      'straight_lining',
      'near_duplicate',
    ]);
    expect(fast.screening.find((v: { rule: string }) => v.rule === 'too_fast').reason).toMatch(
      /0\.3 s|faster/,
    );
    expect(slow.screenOutcome).toBe('pass');
  });

  it('takes the server’s clock over a client that claims to have taken longer', async () => {
    const id = await project({ overlap: 1 }, ['{"id":"a","text":"good"}']);
    const [c] = await crowd('clock', 1);
    const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: c!.cookie });
    t.clock.advance(200);
    await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie: c!.cookie,
      body: { answer: { choice: 'pos' }, durationMs: 60_000 },
    });
    const [a] = await answersOf(id);
    expect(a.screenOutcome).toBe('flag');
  });

  it('flags free text copied from another contributor, found through the LSH index', async () => {
    const id = await project({ annotation: { method: 'free_text', config: {} }, overlap: 2 }, [
      '{"id":"q","text":"Describe your town"}',
    ]);
    const [a, b, c] = await crowd('copy', 3);
    const text = 'My town sits by a slow river, with a market every Saturday and a bakery on each corner.';
    await work(a!, id, () => ({ text }));
    await work(b!, id, () => ({ text: `${text} ` }));
    const id2 = await project({ annotation: { method: 'free_text', config: {} }, overlap: 1 }, [
      '{"id":"q","text":"Describe your street"}',
    ]);
    await work(c!, id2, () => ({ text }));
    const [first, copy] = await answersOf(id);
    expect(first.screenOutcome).toBe('pass');
    expect(copy.screenOutcome).toBe('flag');
    expect(copy.screening.find((v: { rule: string }) => v.rule === 'near_duplicate').reason).toMatch(
      /earlier answer/,
    );
    // Another project's texts are not compared.
    expect((await answersOf(id2))[0].screenOutcome).toBe('pass');
  });
});

describe('gold', () => {
  it('mixes gold items into work invisibly, and stops a contributor below the bar with the numbers', async () => {
    const gold = Array.from({ length: 6 }, (_, i) => `{"id":"g${i}","text":"good ${i}","gold":"pos"}`);
    const id = await project(
      { overlap: 1, goldShare: 0.5, quality: { gold: { minAccuracy: 0.7, minAnswers: 3 } } },
      ['{"id":"w1","text":"good w"}', '{"id":"w2","text":"bad w"}', ...gold],
    );
    const [c] = await crowd('gold', 1);
    t.deps.random = () => 0; // every lease draws gold while there is gold left
    try {
      const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: c!.cookie });
      expect(lease.json.kind).toBe('work');
      expect(JSON.stringify(lease.json)).not.toMatch(/gold/i);
      await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie: c!.cookie,
        body: { answer: { choice: 'neg' } },
      });
      await work(c!, id, () => ({ choice: 'neg' }), { limit: 2 });
      const stopped = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: c!.cookie });
      expect(stopped.status).toBe(403);
      expect(stopped.json.error.code).toBe('GOLD_ACCURACY_TOO_LOW');
      expect(stopped.json.error.message).toMatch(/0 of 3 control items.*70%/);
      const card = await t.call('GET', `/api/tasks/${id}`, { cookie: c!.cookie });
      expect(card.json.lockReasons).toContainEqual({
        kind: 'gold',
        message: 'you answered 0 of 3 control items right (0%); this project needs 70%',
      });
    } finally {
      t.deps.random = Math.random;
    }
    await t.settle();
    const answers = await answersOf(id);
    expect(answers.every((a) => a.status === 'rejected' && a.decidedBy === 'gold')).toBe(true);
  });
});

describe('the quality pass', () => {
  it('aggregates into final labels, approves agreeing answers and rejects the outvoted one with a reason', async () => {
    const id = await project(
      { overlap: 3, quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.6 } } },
      ['{"id":"a","text":"good one"}', '{"id":"b","text":"bad one"}'],
    );
    const [x, y, z] = await crowd('agg', 3);
    await work(x!, id, sentiment);
    await work(y!, id, sentiment);
    await work(z!, id, contrary);
    await t.settle();
    const answers = await answersOf(id);
    expect(answers.filter((a) => a.userId !== z!.id).every((a) => a.status === 'approved')).toBe(true);
    const outvoted = answers.filter((a) => a.userId === z!.id);
    expect(outvoted.every((a) => a.status === 'rejected' && a.decidedBy === 'machine')).toBe(true);
    expect(outvoted[0].reason).toMatch(/consensus|agree/i);
    const labels = await t.call('GET', `/api/projects/${id}/labels`, { cookie: requester });
    expect(labels.status).toBe(200);
    expect(
      labels.json.labels.map((l: { externalId: string; label: unknown }) => [l.externalId, l.label]),
    ).toEqual([
      ['a', { choice: 'pos' }],
      ['b', { choice: 'neg' }],
    ]);
    expect(labels.json.labels[0].confidence).toBeCloseTo(2 / 3, 5);
    expect(labels.json.labels[0].isFinal).toBe(true);

    const csv = await t.call('GET', `/api/projects/${id}/export?what=labels&format=csv`, {
      cookie: requester,
    });
    const rows = csv.text.trim().split('\r\n');
    expect(rows[0]).toBe('item_id,external_id,label,confidence,answer_count,final,source');
    expect(rows[1]).toMatch(/^\d+,a,"{""choice"":""pos""}",0\.66\d*,3,true,aggregation$/);
    const jsonl = await t.call('GET', `/api/projects/${id}/export?what=answers`, { cookie: requester });
    const statuses = jsonl.text
      .trim()
      .split('\n')
      .map((l: string) => JSON.parse(l).status);
    expect(statuses.sort()).toEqual(['approved', 'approved', 'approved', 'approved', 'rejected', 'rejected']);
    const bad = await t.call('GET', `/api/projects/${id}/export?what=votes`, { cookie: requester });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toBe('what: what is answers or labels');
  });

  it('asks for more answers where the label is unsure, and stops early where it is sure (dynamic overlap)', async () => {
    const id = await project(
      {
        overlap: 2,
        quality: {
          review: { enabled: false },
          aggregation: { method: 'mv', confidence: 0.9, minAnswers: 2, maxOverlap: 3 },
        },
      },
      ['{"id":"split","text":"good or bad"}'],
    );
    const [x, y, z] = await crowd('dyn', 3);
    await work(x!, id, () => ({ choice: 'pos' }));
    await work(y!, id, () => ({ choice: 'neg' }));
    expect(await work(z!, id, sentiment)).toHaveLength(0); // two answers were all it asked for
    await t.settle();
    const item = async () =>
      (await t.db.query('select needed, is_open from items where project_id = $1', [id])).rows[0];
    expect(await item()).toEqual({ needed: 3, is_open: true });
    expect((await answersOf(id)).every((a) => a.status === 'pending')).toBe(true);
    await work(z!, id, () => ({ choice: 'pos' }));
    await t.settle();
    // At its most answers and still under the bar: settled on the best guess.
    const answers = await answersOf(id);
    expect(answers.map((a) => a.status)).toEqual(['approved', 'rejected', 'approved']);

    const early = await project(
      { overlap: 5, quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.9 } } },
      ['{"id":"clear","text":"good clear"}'],
    );
    await work(x!, early, sentiment);
    await work(y!, early, sentiment);
    await t.settle();
    expect(
      (await t.db.query('select needed, is_open from items where project_id = $1', [early])).rows[0],
    ).toEqual({
      needed: 2,
      is_open: false,
    });
    expect(await work(z!, early, sentiment)).toHaveLength(0);
  });

  it('sends flagged answers to review instead of deciding them', async () => {
    const id = await project({ overlap: 2, quality: { aggregation: { method: 'mv', confidence: 0.6 } } }, [
      '{"id":"a","text":"good"}',
    ]);
    const [x, y] = await crowd('flagged', 2);
    await work(x!, id, sentiment, { durationMs: 200 });
    await work(y!, id, sentiment);
    await t.settle();
    const [fast, careful] = await answersOf(id);
    expect(fast.status).toBe('review');
    expect(fast.reason).toMatch(/under the 2 s minimum/);
    expect(careful.status).toBe('approved');
  });

  it('is safe to run twice: nothing is decided again', async () => {
    const id = await project(
      { overlap: 1, quality: { aggregation: { method: 'mv', confidence: 0.5, minAnswers: 1 } } },
      ['{"id":"a","text":"good"}'],
    );
    const [x] = await crowd('twice', 1);
    await work(x!, id, sentiment);
    const first = await t.call('POST', `/api/projects/${id}/quality/run`, { cookie: requester });
    const second = await t.call('POST', `/api/projects/${id}/quality/run`, { cookie: requester });
    expect(first.json.decided).toBe(1);
    expect(second.json.decided).toBe(0);
  });
});

describe('anti-sybil', () => {
  it('flags a random clicker, keeps them out of labels and pay, and shows the evidence to admins', async () => {
    const items = Array.from(
      { length: 60 },
      (_, i) => `{"id":"i${i}","text":"${i % 2 ? 'bad' : 'good'} ${i}"}`,
    );
    const id = await project(
      { overlap: 4, quality: { review: { enabled: false }, aggregation: { method: 'ds' } } },
      items,
    );
    const honest = await crowd('honest', 3);
    const [spammer] = await crowd('spammer', 1);
    for (const h of honest) await work(h, id, sentiment);
    let k = 0;
    // A fixed pseudo-random pattern, uncorrelated with the truth.
    await work(spammer!, id, () => ({ choice: [1, 0, 0, 1, 0, 1, 1, 0][k++ % 8] ? 'pos' : 'neg' }));
    await t.settle();
    const spam = (await answersOf(id)).filter((a) => a.userId === spammer!.id);
    expect(spam.length).toBe(60);
    expect(spam.every((a) => a.status === 'rejected' && a.decidedBy === 'sybil')).toBe(true);

    const admin = await t.signIn('admin');
    const flags = await t.call('GET', '/api/admin/flags', { cookie: admin });
    expect(flags.status).toBe(200);
    const flag = flags.json.flags.find((f: { user: { id: string } }) => f.user.id === spammer!.id);
    expect(flag.kind).toBe('random_clicker');
    expect(flag.evidence).toMatch(/\d+ of \d+/);
    expect(flag.rejectedAsSpam).toBe(60);
    expect((await t.call('GET', '/api/admin/flags', { cookie: requester })).status).toBe(403);

    const report = await t.call('GET', `/api/projects/${id}/quality`, { cookie: requester });
    expect(report.status).toBe(200);
    const row = report.json.contributors.find((c: { address: string }) => c.address === spammer!.address);
    expect(row.flagged).toEqual(['random_clicker']);
    expect(report.json.rejections).toContainEqual({ reason: 'sybil', count: 60 });

    // Cleared by an admin: the answers go back to the pass, which no longer excludes them.
    const cleared = await t.call('POST', `/api/admin/flags/${flag.id}`, {
      cookie: admin,
      body: { status: 'cleared' },
    });
    expect(cleared.json.status).toBe('cleared');
    const back = (await answersOf(id)).filter((a) => a.userId === spammer!.id);
    expect(back.every((a) => a.status === 'pending')).toBe(true);
    await t.settle();
    const redecided = (await answersOf(id)).filter((a) => a.userId === spammer!.id);
    expect(redecided.every((a) => a.decidedBy === 'machine')).toBe(true);
  });
});

describe('races', () => {
  it('never lets a pass computed earlier overwrite a requester’s ruling or a cleared flag', async () => {
    const id = await project(
      {
        overlap: 1,
        quality: {
          review: { enabled: false },
          aggregation: { method: 'mv', confidence: 0.5, minAnswers: 1 },
        },
      },
      ['{"id":"a","text":"good"}'],
    );
    const [c] = await crowd('race', 1);
    await work(c!, id, sentiment);
    await t.settle();
    const [answer] = await answersOf(id);
    expect(answer).toMatchObject({ status: 'approved', decidedBy: 'machine' });
    const qa = await t.call('POST', `/api/answers/${answer.id}/qa`, {
      cookie: requester,
      body: { verdict: 'accept' },
    });
    expect(qa.status).toBe(200);
    // What a pass that read the answer before the requester's accept would write.
    const stale = {
      answerId: answer.id,
      userId: c!.id,
      from: 'approved' as const,
      fromDecidedBy: 'machine' as const,
      status: 'rejected' as const,
      decidedBy: 'sybil' as const,
      reason: 'stale',
      consensusScore: null,
      consensusAgrees: null,
      askJudge: false,
    };
    const empty = { method: 'mv', labels: [], needed: [], flags: [] };
    expect((await t.deps.quality.apply(id, { ...empty, decisions: [stale] }, t.clock.now())).decided).toBe(0);
    // Even with the state it read still in place, a spam ruling needs a flag that stands.
    expect(
      (
        await t.deps.quality.apply(
          id,
          { ...empty, decisions: [{ ...stale, fromDecidedBy: 'qa' }] },
          t.clock.now(),
        )
      ).decided,
    ).toBe(0);
    expect((await answersOf(id))[0]).toMatchObject({ status: 'approved', decidedBy: 'qa' });
  });

  it('keeps an item closed by an early stop closed when a held lease is skipped', async () => {
    const id = await project(
      { overlap: 5, quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.9 } } },
      ['{"id":"a","text":"good"}'],
    );
    const [x, y, z, w] = await crowd('early-skip', 4);
    const held = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: z!.cookie });
    expect(held.status).toBe(200);
    await work(x!, id, sentiment);
    await work(y!, id, sentiment);
    await t.settle();
    expect(
      (
        await t.call('POST', `/api/assignments/${held.json.id}/skip`, {
          cookie: z!.cookie,
          body: { reason: 'unclear' },
        })
      ).status,
    ).toBe(204);
    expect(
      (await t.db.query('select needed, is_open from items where project_id = $1', [id])).rows[0],
    ).toEqual({
      needed: 2,
      is_open: false,
    });
    expect(await work(w!, id, sentiment)).toHaveLength(0);
  });
});

describe('quality settings', () => {
  it('changes only the settings sent, and names the field of a bad one', async () => {
    const id = await project(
      { quality: { gold: { minAccuracy: 0.9, minAnswers: 20 }, review: { rewardWei: '5' } } },
      ['{"id":"a","text":"good"}'],
    );
    const patched = await t.call('PATCH', `/api/projects/${id}`, {
      cookie: requester,
      body: { quality: { judge: { enabled: true, prompt: 'Be strict.' } } },
    });
    expect(patched.status).toBe(200);
    expect(patched.json.quality.judge).toEqual({ enabled: true, prompt: 'Be strict.' });
    expect(patched.json.quality.gold).toEqual({ minAccuracy: 0.9, minAnswers: 20 });
    expect(patched.json.quality.review.rewardWei).toBe('5');
    const bad = await t.call('PATCH', `/api/projects/${id}`, {
      cookie: requester,
      body: { quality: { aggregation: { method: 'vote', confidence: 2 } } },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/^quality\.aggregation\.method: /);
    expect(bad.json.error.details.map((d: { path: string[] }) => d.path.join('.'))).toContain(
      'quality.aggregation.confidence',
    );
  });
});

describe('colluders', () => {
  it('flags a pair who give the same answers, right or wrong, as a group with each other as peers', async () => {
    const items = Array.from(
      { length: 40 },
      (_, i) => `{"id":"c${i}","text":"${i % 2 ? 'bad' : 'good'} ${i}"}`,
    );
    const id = await project(
      { overlap: 5, quality: { review: { enabled: false }, aggregation: { method: 'ds' } } },
      items,
    );
    const honest = await crowd('ring-honest', 3);
    const ring = await crowd('ring', 2);
    for (const h of honest) await work(h, id, sentiment);
    // The ring's shared answer: copied between its members, right about half the time.
    const shared = (data: Record<string, unknown>) => ({
      choice: Number(String(data.text).split(' ')[1]) % 3 === 0 ? 'pos' : 'neg',
    });
    for (const r of ring) await work(r, id, shared);
    await t.settle();
    const admin = await t.signIn('admin');
    const flags = (await t.call('GET', '/api/admin/flags?status=all', { cookie: admin })).json.flags.filter(
      (f: { kind: string; project: { id: string } }) => f.kind === 'colluder' && f.project.id === id,
    );
    expect(flags.map((f: { user: { id: string } }) => f.user.id).sort()).toEqual(
      ring.map((r) => r.id).sort(),
    );
    for (const f of flags) expect(f.peers).toHaveLength(1);
    expect(flags[0].evidence).not.toBe('');
    const ringAnswers = (await answersOf(id)).filter((a) => ring.some((r) => r.id === a.userId));
    expect(ringAnswers.every((a) => a.status === 'rejected' && a.decidedBy === 'sybil')).toBe(true);
  });
});

describe('model judge', () => {
  it('asks an OpenAI-compatible endpoint about collected text, and never calls one when none is set', async () => {
    const seen: { model: string; messages: { role: string; content: string }[] }[] = [];
    const server = http.createServer((req, res) => {
      let body = '';
      req.on('data', (d) => {
        body += d;
      });
      req.on('end', () => {
        const parsed = JSON.parse(body);
        seen.push(parsed);
        const user = parsed.messages.at(-1).content as string;
        const verdict = user.includes('lorem') ? 'reject' : 'approve';
        res.setHeader('content-type', 'application/json');
        res.end(
          JSON.stringify({
            id: 'x',
            object: 'chat.completion',
            model: 'fake-judge',
            choices: [
              {
                index: 0,
                message: {
                  role: 'assistant',
                  content: JSON.stringify({ verdict, reason: `it is ${verdict}d` }),
                },
                finish_reason: 'stop',
              },
            ],
          }),
        );
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const body = { annotation: { method: 'free_text', config: {} }, overlap: 1 };
      const lines = ['{"id":"a","text":"Write about rain"}', '{"id":"b","text":"Write about snow"}'];
      // No judge configured on the server: the project's wish changes nothing and nothing is called.
      const without = await project(
        { ...body, quality: { judge: { enabled: true, prompt: 'Real prose only.' } } },
        lines,
      );
      const [w] = await crowd('judge', 1);
      await work(w!, without, (d) => ({ text: `Rain falls softly on the roofs ${d.text}` }));
      await t.settle();
      expect(seen).toHaveLength(0);

      t.deps.judge = openAiCompatibleJudge({ url: `http://127.0.0.1:${port}/v1`, model: 'fake-judge' });
      const withJudge = await project(
        { ...body, quality: { judge: { enabled: true, prompt: 'Real prose only.' } } },
        lines,
      );
      let n = 0;
      await work(w!, withJudge, () => ({
        text: n++ ? 'lorem ipsum dolor sit amet filler' : 'Snow makes the city quiet.',
      }));
      await t.settle();
      expect(seen).toHaveLength(2);
      expect(seen[0]!.messages[0]!.content).toContain('Real prose only.');
      const decided = await answersOf(withJudge);
      expect(decided.map((a) => [a.status, a.decidedBy])).toEqual([
        ['approved', 'judge'],
        ['rejected', 'judge'],
      ]);
      expect(decided[1].reason).toMatch(/fake-judge/);
    } finally {
      t.deps.judge = null;
      server.close();
    }
  });
});

describe('model judge failures', () => {
  it('leaves the decision to the machine when the judge fails and nobody reviews', async () => {
    const server = http.createServer((_, res) =>
      res.writeHead(500).end('{"error":{"message":"overloaded"}}'),
    );
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    t.deps.judge = openAiCompatibleJudge({ url: `http://127.0.0.1:${port}/v1`, model: 'down' });
    try {
      const id = await project(
        {
          annotation: { method: 'free_text', config: {} },
          overlap: 1,
          quality: { review: { enabled: false }, judge: { enabled: true }, aggregation: { minAnswers: 1 } },
        },
        ['{"id":"a","text":"Write about rain"}'],
      );
      const [w] = await crowd('judge-down', 1);
      await work(w!, id, () => ({ text: 'Rain drums on the tin roof all night long.' }));
      await t.settle();
      const [a] = await answersOf(id);
      expect(a).toMatchObject({ status: 'approved', decidedBy: 'machine' });
      expect(a.reason).toMatch(/The judge could not be asked: .*500/);
    } finally {
      t.deps.judge = null;
      server.close();
    }
  });
});

describe('dead links', () => {
  it('refuses a text answer whose link does not answer, and records working links as checked', async () => {
    const server = http.createServer((req, res) => res.writeHead(req.url === '/photo.jpg' ? 200 : 404).end());
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    try {
      const id = await project(
        {
          annotation: { method: 'free_text', config: {} },
          overlap: 1,
          quality: { review: { enabled: false }, aggregation: { minAnswers: 1 } },
        },
        ['{"id":"a","text":"Find a photo of a heron"}', '{"id":"b","text":"Find a photo of an owl"}'],
      );
      const [c] = await crowd('links', 1);
      let n = 0;
      await work(c!, id, () => ({ text: n++ ? `Here: ${base}/missing.jpg.` : `Here: ${base}/photo.jpg` }));
      await t.settle();
      const [good, dead] = await answersOf(id);
      expect(good.status).toBe('approved');
      expect(good.screening.at(-1)).toEqual({
        rule: 'dead_link',
        outcome: 'pass',
        reason: 'All 1 link(s) answered.',
      });
      expect(dead.status).toBe('rejected');
      expect(dead.decidedBy).toBe('screening');
      expect(dead.reason).toBe(`${base}/missing.jpg answered 404 Not Found: give links that work.`);
    } finally {
      server.close();
    }
  });
});
