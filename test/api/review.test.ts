import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REVIEW_WAITING_CAP } from '../../src/shared/api.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;
let alice: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
  alice = await t.signIn('alice');
});
afterAll(() => t.close());

type Person = { cookie: string; id: string; address: string };
let people = 0;
const person = () => t.signInNew(`review-${people++}`);
async function reviewer(): Promise<Person> {
  const p = await person();
  await t.deps.accounts.setUserRoles(p.id, { isReviewer: true });
  return p;
}

async function project(overrides: Record<string, unknown>, lines: string[]): Promise<string> {
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
const items = (n: number, prefix = 'item') =>
  Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${prefix}${i}`, text: `good ${prefix} ${i}` }));

/** Leases and answers up to `limit` items; returns the answer ids. */
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

/** What the quality pass does to unsure or flagged answers: sends them to review. */
async function sendToReview(answerIds: string[], reason = 'The crowd is split on this item.') {
  await t.db.query(
    `update answers set status = 'review', decision_reason = $2 where id = any($1::bigint[])`,
    [answerIds, reason],
  );
}
const answerRow = async (id: string) =>
  (
    await t.db.query(
      `select status, decided_by as "decidedBy", decision_reason as "decisionReason", qa_verdict as "qaVerdict"
       from answers where id = $1`,
      [id],
    )
  ).rows[0];
const reviewRow = async (id: string) =>
  (
    await t.db.query(
      `select answer_id::text as "answerId", status, verdict, reason_code as "reasonCode", note, is_gold as "isGold",
         is_correct as "isCorrect", reward_wei::text as "rewardWei"
       from reviews where id = $1`,
      [id],
    )
  ).rows[0];
const next = (cookie: string, projectId: string) =>
  t.call('POST', '/api/reviews/next', { cookie, body: { projectId } });
const setAccuracy = (userId: string, accuracy: number) =>
  t.db.query(
    `insert into skills (user_id, method, domain, accuracy, lower, evidence, updated_at)
     values ($1, 'single_choice', '*', $2, $2, 20, now())
     on conflict (user_id, method, domain) do update set accuracy = excluded.accuracy`,
    [userId, accuracy],
  );

describe('who may review', () => {
  it('refuses contributors under the level or accuracy bar with the numbers, and lists what waits for the others', async () => {
    const id = await project({ quality: { review: { minLevel: 2, minAccuracy: 0.8 } } }, items(4));
    const [c1, c2] = [await person(), await person()];
    const mine = await work(c1, id, 'pos', 2);
    await sendToReview([...mine, ...(await work(c2, id, 'neg', 2))]);

    // Alice is level 3 but has no measured accuracy yet.
    const refused = await next(alice, id);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('REVIEW_NOT_ALLOWED');
    expect(refused.json.error.message).toBe(
      'reviewing this project needs level 2 and 80% accuracy on single_choice; you are level 3 with no measured accuracy yet',
    );
    const aliceId = (await t.call('GET', '/api/me', { cookie: alice })).json.id;
    await setAccuracy(aliceId, 0.75);
    expect((await next(alice, id)).json.error.message).toContain('with 75% accuracy');
    expect(
      (await t.call('GET', '/api/reviews', { cookie: alice })).json.projects.map(
        (p: { projectId: string }) => p.projectId,
      ),
    ).not.toContain(id);

    await setAccuracy(aliceId, 0.9);
    const queue = await t.call('GET', '/api/reviews', { cookie: alice });
    expect(queue.status).toBe(200);
    expect(queue.json.projects.find((p: { projectId: string }) => p.projectId === id)).toMatchObject({
      name: 'Sentiment test',
      method: 'single_choice',
      waiting: 4,
      rewardWei: '0',
      stats: { done: 0, goldCorrect: 0, goldTotal: 0, earnedWei: '0' },
    });

    // Bob is accurate enough but only level 1.
    const bob = await t.signIn('bob');
    await setAccuracy((await t.call('GET', '/api/me', { cookie: bob })).json.id, 0.95);
    expect((await next(bob, id)).json.error.message).toContain('you are level 1 with 95% accuracy');

    // A contributor made a trusted reviewer waits only for the others' answers.
    await t.deps.accounts.setUserRoles(c1.id, { isReviewer: true });
    const own = await t.call('GET', '/api/reviews', { cookie: c1.cookie });
    expect(own.json.projects.find((p: { projectId: string }) => p.projectId === id).waiting).toBe(2);
    for (let k = 0; k < 3; k++) {
      const task = await next(c1.cookie, id);
      if (!task.json.review) break;
      expect(mine).not.toContain((await reviewRow(task.json.review.id)).answerId);
      await t.call('POST', `/api/reviews/${task.json.review.id}`, {
        cookie: c1.cookie,
        body: { verdict: 'approve' },
      });
    }
    expect((await next(c1.cookie, id)).json).toEqual({ review: null });
  });

  it('counts a long queue up to the cap, and still leases from it', async () => {
    const id = await project({ dailyCap: 1000 }, items(REVIEW_WAITING_CAP + 2, 'long'));
    await sendToReview(await work(await person(), id));
    const r = await reviewer();
    await setAccuracy(r.id, 0.9);
    const queue = await t.call('GET', '/api/reviews', { cookie: r.cookie });
    expect(queue.json.projects.find((p: { projectId: string }) => p.projectId === id).waiting).toBe(
      REVIEW_WAITING_CAP,
    );
    expect((await next(r.cookie, id)).status).toBe(200);
  });

  it('lets requesters review their own projects, unpaid, and refuses when review is off', async () => {
    const id = await project({ quality: { review: { rewardWei: '700', goldShare: 0.5 } } }, items(1));
    const c = await person();
    await sendToReview(await work(c, id));
    const queue = await t.call('GET', '/api/reviews', { cookie: requester });
    expect(queue.json.projects.find((p: { projectId: string }) => p.projectId === id)).toMatchObject({
      waiting: 1,
      rewardWei: '0',
    });
    const task = await next(requester, id);
    expect(task.status).toBe(200);
    const done = await t.call('POST', `/api/reviews/${task.json.review.id}`, {
      cookie: requester,
      body: { verdict: 'approve' },
    });
    expect(done.json.outcome).toBe('recorded');
    expect(await reviewRow(task.json.review.id)).toMatchObject({ isGold: false, rewardWei: '0' });

    const off = await project({ quality: { review: { enabled: false } } }, items(1));
    await sendToReview(await work(c, off));
    const refused = await next((await reviewer()).cookie, off);
    expect(refused.status).toBe(403);
    expect(refused.json.error.message).toBe('peer review is switched off in this project');
  });

  it('stops reviewers whose gold-review accuracy falls under the bar, once they have five', async () => {
    const id = await project({ quality: { review: { minGoldAccuracy: 0.75 } } }, items(7));
    const c = await person();
    const answers = await work(c, id);
    await sendToReview(answers.slice(5));
    const r = await reviewer();
    const goldReview = (answerId: string, correct: boolean) =>
      t.db.query(
        `insert into reviews (project_id, answer_id, reviewer_id, is_gold, status, leased_at, expires_at, verdict,
           is_correct, decided_at)
         values ($1, $2, $3, true, 'done', now(), now(), 'approve', $4, now())`,
        [id, answerId, r.id, correct],
      );
    // Four gold reviews, one right: too few to judge by.
    for (const [k, answerId] of answers.slice(0, 4).entries()) await goldReview(answerId, k === 0);
    expect((await next(r.cookie, id)).status).toBe(200);
    await goldReview(answers[4]!, false);
    const refused = await next(r.cookie, id);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('REVIEW_NOT_ALLOWED');
    expect(refused.json.error.message).toBe(
      'you judged 1 of 5 control reviews right (20%); this project needs 75%, so it takes no more reviews from you',
    );
  });
});

describe('review tasks', () => {
  it('are blind: nothing in the task says who answered', async () => {
    const id = await project({ instructions: 'Is the text positive?' }, items(1));
    const c = await person();
    const [answerId] = await work(c, id);
    await sendToReview([answerId!], 'Faster than anyone could read the text.');
    await t.db.query(`update answers set screening = $2 where id = $1`, [
      answerId,
      JSON.stringify([
        { rule: 'schema', outcome: 'pass', reason: 'The answer fits the task.' },
        { rule: 'too_fast', outcome: 'flag', reason: 'Answered in 0.3 s.' },
      ]),
    ]);
    const r = await reviewer();
    const task = await next(r.cookie, id);
    expect(task.status).toBe(200);
    expect(task.json.review).toMatchObject({
      projectId: id,
      projectName: 'Sentiment test',
      instructions: 'Is the text positive?',
      annotation: { method: 'single_choice' },
      item: { data: { text: 'good item 0' } },
      answer: { choice: 'pos' },
      // Only the screening flags: the pass's own reason would tell real reviews from gold ones.
      reason: 'Answered in 0.3 s.',
      screening: [{ rule: 'too_fast', outcome: 'flag', reason: 'Answered in 0.3 s.' }],
    });
    expect(Object.keys(task.json.review).sort()).toEqual(
      [
        'annotation',
        'answer',
        'expiresAt',
        'id',
        'instructions',
        'item',
        'leasedAt',
        'projectId',
        'projectName',
        'reason',
        'screening',
      ].sort(),
    );
    const body = task.text.toLowerCase();
    expect(body).not.toContain(c.address.toLowerCase());
    expect(body).not.toContain(c.address.slice(2).toLowerCase());
    expect(body).not.toContain(c.id.toLowerCase());
    expect(body).not.toContain('is_gold');
    expect(body).not.toContain('isgold');
    // A reload gives back the same lease.
    expect((await next(r.cookie, id)).json.review.id).toBe(task.json.review.id);
  });

  it('never gives two reviewers the same answer, nor an answer someone else holds', async () => {
    const id = await project({}, items(3));
    const c = await person();
    await sendToReview(await work(c, id));
    const reviewers = await Promise.all(Array.from({ length: 6 }, reviewer));
    const tasks = await Promise.all(reviewers.map((r) => next(r.cookie, id)));
    expect(tasks.map((x) => x.status)).toEqual(Array(6).fill(200));
    const leased = tasks.filter((x) => x.json.review !== null);
    expect(leased).toHaveLength(3);
    const answers = await Promise.all(leased.map(async (x) => (await reviewRow(x.json.review.id)).answerId));
    expect(new Set(answers).size).toBe(3);
  });

  it('hands out an expired lease again, and refuses the late verdict', async () => {
    const id = await project({ leaseSeconds: 60 }, items(1));
    const c = await person();
    await sendToReview(await work(c, id));
    const [r1, r2] = [await reviewer(), await reviewer()];
    const first = await next(r1.cookie, id);
    expect((await next(r2.cookie, id)).json.review).toBeNull();
    t.clock.advance(61_000);
    const second = await next(r2.cookie, id);
    expect(second.json.review).not.toBeNull();
    const late = await t.call('POST', `/api/reviews/${first.json.review.id}`, {
      cookie: r1.cookie,
      body: { verdict: 'approve' },
    });
    expect(late.status).toBe(410);
    expect(late.json.error.code).toBe('LEASE_EXPIRED');
  });
});

describe('verdicts', () => {
  async function leased(n = 1) {
    const id = await project({ quality: { review: { rewardWei: '500' } } }, items(n));
    const c = await person();
    const answers = await work(c, id, 'pos');
    await sendToReview(answers);
    const r = await reviewer();
    return { id, c, r, answers };
  }

  it('reject needs a reason code; it decides the answer and marks both people for a progress refresh', async () => {
    const { id, c, r, answers } = await leased();
    const task = await next(r.cookie, id);
    const url = `/api/reviews/${task.json.review.id}`;
    const missing = await t.call('POST', url, { cookie: r.cookie, body: { verdict: 'reject' } });
    expect(missing.status).toBe(400);
    expect(missing.json.error.message).toBe(
      'reasonCode: say why you reject the answer: reasonCode is one of wrong_answer, incomplete, low_effort, spam, off_topic, other',
    );
    const unknown = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'reject', reasonCode: 'meh' },
    });
    expect(unknown.status).toBe(400);
    const long = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'reject', reasonCode: 'spam', note: 'x'.repeat(1001) },
    });
    expect(long.status).toBe(400);

    const ok = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'reject', reasonCode: 'wrong_answer', note: 'The text is plainly positive.' },
    });
    expect(ok.status, ok.text).toBe(200);
    expect(ok.json).toMatchObject({ id: task.json.review.id, verdict: 'reject', outcome: 'recorded' });
    expect(await answerRow(answers[0]!)).toMatchObject({
      status: 'rejected',
      decidedBy: 'review',
      decisionReason: 'Rejected in review (wrong_answer). The text is plainly positive.',
    });
    expect(await reviewRow(task.json.review.id)).toMatchObject({
      status: 'done',
      verdict: 'reject',
      reasonCode: 'wrong_answer',
      note: 'The text is plainly positive.',
      isGold: false,
      isCorrect: null,
      rewardWei: '500',
    });
    const dirty = await t.db.query(
      'select user_id as "userId" from progress_dirty where user_id = any($1::uuid[])',
      [[c.id, r.id]],
    );
    expect(dirty.rows.map((x) => x.userId).sort()).toEqual([c.id, r.id].sort());

    const again = await t.call('POST', url, { cookie: r.cookie, body: { verdict: 'approve' } });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('REVIEW_CLOSED');
    const stranger = await reviewer();
    expect(
      (await t.call('POST', url, { cookie: stranger.cookie, body: { verdict: 'approve' } })).status,
    ).toBe(404);
    const stats = await t.call('GET', '/api/reviews', { cookie: r.cookie });
    expect(stats.json.stats).toEqual({ done: 1, goldCorrect: 0, goldTotal: 0, earnedWei: '500' });
  });

  it('approve approves the answer', async () => {
    const { id, r, answers } = await leased();
    const task = await next(r.cookie, id);
    await t.call('POST', `/api/reviews/${task.json.review.id}`, {
      cookie: r.cookie,
      body: { verdict: 'approve' },
    });
    expect(await answerRow(answers[0]!)).toMatchObject({
      status: 'approved',
      decidedBy: 'review',
      decisionReason: 'Approved in review.',
    });
  });

  it('fix checks the fixed answer, makes it the item’s label, and decides the answer by it', async () => {
    const { id, r, answers } = await leased(2);
    const first = await next(r.cookie, id);
    const url = `/api/reviews/${first.json.review.id}`;
    expect(
      (await t.call('POST', url, { cookie: r.cookie, body: { verdict: 'fix' } })).json.error.message,
    ).toBe('fixedAnswer: a fix needs fixedAnswer: the right answer, in the shape of the task’s method');
    const invalid = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'fix', fixedAnswer: { choice: 'meh' } },
    });
    expect(invalid.status).toBe(422);
    expect(invalid.json.error.code).toBe('ANSWER_INVALID');
    expect(invalid.json.error.message).toBe('fixedAnswer.choice: choice must be one of: pos, neg');
    const stray = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'approve', fixedAnswer: { choice: 'pos' } },
    });
    expect(stray.status).toBe(400);

    // The answer says pos; the fix says neg: rejected.
    const fixed = await t.call('POST', url, {
      cookie: r.cookie,
      body: { verdict: 'fix', reasonCode: 'wrong_answer', fixedAnswer: { choice: 'neg' } },
    });
    expect(fixed.status, fixed.text).toBe(200);
    const firstAnswer = (await reviewRow(first.json.review.id)).answerId;
    expect(await answerRow(firstAnswer)).toMatchObject({ status: 'rejected', decidedBy: 'review' });
    const label = async (answerId: string) =>
      (
        await t.db.query(
          `select l.label, l.source, l.is_final as "isFinal", l.confidence from item_labels l
           join answers a on a.item_id = l.item_id where a.id = $1`,
          [answerId],
        )
      ).rows[0];
    expect(await label(firstAnswer)).toEqual({
      label: { choice: 'neg' },
      source: 'review',
      isFinal: true,
      confidence: 1,
    });

    // A fix the answer agrees with approves it.
    const second = await next(r.cookie, id);
    await t.call('POST', `/api/reviews/${second.json.review.id}`, {
      cookie: r.cookie,
      body: { verdict: 'fix', fixedAnswer: { choice: 'pos' } },
    });
    const secondAnswer = answers.find((a) => a !== firstAnswer)!;
    expect(await answerRow(secondAnswer)).toMatchObject({ status: 'approved', decidedBy: 'review' });
    expect((await label(secondAnswer)).label).toEqual({ choice: 'pos' });
  });

  it('counts a review whose answer was decided meanwhile, and leaves the answer as it is', async () => {
    const { id, r, answers } = await leased();
    const task = await next(r.cookie, id);
    await t.db.query(`update answers set status = 'approved', decided_by = 'qa' where id = $1`, [answers[0]]);
    const late = await t.call('POST', `/api/reviews/${task.json.review.id}`, {
      cookie: r.cookie,
      body: { verdict: 'reject', reasonCode: 'spam' },
    });
    expect(late.status).toBe(200);
    expect(late.json.outcome).toBe('already_decided');
    expect(late.json.message).toMatch(/already been decided/);
    expect(await answerRow(answers[0]!)).toMatchObject({ status: 'approved', decidedBy: 'qa' });
    expect(await reviewRow(task.json.review.id)).toMatchObject({ status: 'done', rewardWei: '500' });
  });
});

describe('gold reviews', () => {
  it('look like any review, score the reviewer, and pay nothing when judged wrong', async () => {
    const gold = [
      JSON.stringify({ id: 'g1', text: 'first sample', gold: { choice: 'pos' } }),
      JSON.stringify({ id: 'g2', text: 'second sample', gold: { choice: 'pos' } }),
    ];
    const id = await project({ goldShare: 0.5, quality: { review: { goldShare: 0.5, rewardWei: '500' } } }, [
      ...gold,
      ...items(1),
    ]);
    const [right, wrong] = [await person(), await person()];
    const random = t.deps.random;
    try {
      // Gold leases first: `right` answers a gold item right, `wrong` answers one wrong; then `wrong` answers the
      // real item, which goes to review.
      t.deps.random = () => 0;
      const [rightGold] = await work(right, id, 'pos', 1);
      const [wrongGold] = await work(wrong, id, 'neg', 1);
      t.deps.random = () => 0.99;
      const [real] = await work(wrong, id, 'pos', 1);
      await sendToReview([real!]);
      // What the quality pass does with a gold answer (its screening keeps the gold check, naming the truth).
      await t.db.query(
        `update answers set status = 'rejected', decided_by = 'gold', decision_reason = 'Does not match the control answer.'
         where id = $1`,
        [wrongGold],
      );
      const screened = await t.db.query('select screening from answers where id = $1', [wrongGold]);
      expect(screened.rows[0].screening).toContainEqual(
        expect.objectContaining({ rule: 'gold_wrong', outcome: 'flag' }),
      );
      const truth = await t.db.query(
        'select a.id::text, a.is_correct as "isCorrect", i.is_gold as "isGold" from answers a join items i on i.id = a.item_id where a.id = any($1::bigint[])',
        [[rightGold, wrongGold, real]],
      );
      expect(Object.fromEntries(truth.rows.map((x) => [x.id, [x.isGold, x.isCorrect]]))).toEqual({
        [rightGold!]: [true, true],
        [wrongGold!]: [true, false],
        [real!]: [false, null],
      });

      t.deps.random = () => 0; // every review is a gold review while one is left
      const r = await reviewer();
      // The reviewer approves both gold answers: right for one, wrong for the other.
      let task = await next(r.cookie, id);
      const judged: Record<string, string> = {};
      for (let k = 0; k < 2; k++) {
        const row = await reviewRow(task.json.review.id);
        expect(row.isGold).toBe(true);
        // Nothing gives it away: neither the gold step's reason nor the gold check naming the expected answer.
        const text = task.text.toLowerCase();
        expect(text).not.toContain('gold');
        expect(text).not.toContain('control');
        expect(task.json.review.reason).toBeTruthy();
        judged[row.answerId] = task.json.review.id;
        const result = await t.call('POST', `/api/reviews/${task.json.review.id}`, {
          cookie: r.cookie,
          body: { verdict: 'approve' },
        });
        expect(result.json.outcome).toBe('recorded');
        task = await next(r.cookie, id);
      }
      expect(await reviewRow(judged[wrongGold!]!)).toMatchObject({
        isGold: true,
        isCorrect: false,
        rewardWei: '0',
      });
      expect(await reviewRow(judged[rightGold!]!)).toMatchObject({
        isGold: true,
        isCorrect: true,
        rewardWei: '500',
      });
      // Gold answers are never changed by a review.
      expect(await answerRow(wrongGold!)).toMatchObject({ status: 'rejected', decidedBy: 'gold' });
      // No gold answers left for this reviewer: the real one comes next.
      expect((await reviewRow(task.json.review.id)).answerId).toBe(real);
      const queue = await t.call('GET', '/api/reviews', { cookie: r.cookie });
      expect(queue.json.projects.find((p: { projectId: string }) => p.projectId === id).stats).toEqual({
        done: 2,
        goldCorrect: 1,
        goldTotal: 2,
        earnedWei: '500',
      });
    } finally {
      t.deps.random = random;
    }
  });
});

describe('API surface', () => {
  it('documents the review routes', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json;
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/reviews', '/reviews/next', '/reviews/{id}']),
    );
    expect(doc.paths['/reviews/next'].post.tags).toEqual(['review']);
  });
});
