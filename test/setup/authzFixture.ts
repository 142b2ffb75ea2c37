import { expect } from 'vitest';
import type { TestApp } from './testApp.ts';

/** The six kinds of caller the authorization matrix sends every route as, in the order of its columns. */
export const ACTORS = [
  'anonymous',
  'contributor',
  'reviewer',
  'otherRequester',
  'requester',
  'admin',
] as const;
export type ActorName = (typeof ACTORS)[number];

/** One caller: its session (none when anonymous), who it is, and how to open another session of its account. */
export type Caller = {
  name: ActorName;
  cookie: string | undefined;
  id: string | null;
  address: string | null;
  orgIds: string[];
  /** A second session of the same account, so signing out does not end `cookie`. */
  newSession: () => Promise<string | undefined>;
};

export type AuthzFixture = Awaited<ReturnType<typeof authzFixture>>;

/**
 * Everything the matrix calls routes on, all owned by the development requester's organization unless said:
 * a paid, funded free-text project with work and gold items; the contributor's answers (two approved by QA, a
 * wrong one on a gold item in review and leased to the reviewer) and a third contributor's (approved, pending,
 * in review); a spam flag; a settled and accepted epoch; the contributor's stake; an API key and a stored file;
 * a project with a qualification exam the contributor failed once; and a paused project of another organization.
 * Answers, item texts, external ids and gold labels are unique strings, so a response showing one is caught.
 */
export async function authzFixture(t: TestApp) {
  const ok = <R extends { status: number; text: string }>(r: R, status = 200): R => {
    expect(r.status, r.text).toBe(status);
    return r;
  };
  const me = async (cookie: string) => ok(await t.call('GET', '/api/me', { cookie })).json;

  const dev = async (name: ActorName, account: string): Promise<Caller> => {
    const cookie = await t.signIn(account);
    const who = await me(cookie);
    return {
      name,
      cookie,
      id: who.id,
      address: who.address,
      orgIds: who.orgs.map((o: { id: string }) => o.id),
      newSession: () => t.signIn(account),
    };
  };
  const requester = await dev('requester', 'requester');
  const contributor = await dev('contributor', 'alice');
  const reviewer = await dev('reviewer', 'reviewer');
  const admin = await dev('admin', 'admin');
  const rival = await t.signInNew('authz-rival');
  const rivalOrg = ok(
    await t.call('POST', '/api/orgs', { cookie: rival.cookie, body: { name: 'Rival Corp' } }),
    201,
  ).json;
  const otherRequester: Caller = {
    name: 'otherRequester',
    cookie: rival.cookie,
    id: rival.id,
    address: rival.address,
    orgIds: [rivalOrg.id],
    newSession: async () => (await t.signInNew('authz-rival')).cookie,
  };
  const anonymous: Caller = {
    name: 'anonymous',
    cookie: undefined,
    id: null,
    address: null,
    orgIds: [],
    newSession: async () => undefined,
  };
  const carol = await t.signInNew('authz-carol');
  const orgId = requester.orgIds[0]!;
  const owner = { cookie: requester.cookie! };

  const project = async (cookie: string, body: Record<string, unknown>, lines: object[]) => {
    const created = ok(await t.call('POST', '/api/projects', { cookie, body }), 201);
    ok(
      await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
        cookie,
        raw: lines.map((l) => JSON.stringify(l)).join('\n'),
      }),
    );
    return created.json.id as string;
  };
  const freeText = { method: 'free_text', config: {} };
  const names = {
    project: 'Authz Owned Project',
    examProject: 'Authz Exam Project',
    rivalProject: 'Authz Rival Secret Project',
    rivalOrg: 'Rival Corp',
  };
  const projectId = await project(
    owner.cookie,
    {
      name: names.project,
      modality: 'text',
      annotation: freeText,
      overlap: 2,
      rewardPerItemWei: '1000',
      budgetWei: '1000000',
      goldShare: 0.5,
      // The contributor (level 3) may not peer-review here, whatever accuracy its QA-approved answers earn it.
      quality: { review: { minLevel: 4 } },
    },
    [
      ...Array.from({ length: 12 }, (_, i) => ({
        id: `ext-p-${pad(i)}`,
        text: `p item text ${pad(i)}`,
      })),
      { id: 'ext-p-g01', text: 'p gold text g01', gold: { text: 'gold-p-label-01' } },
      { id: 'ext-p-g02', text: 'p gold text g02', gold: { text: 'gold-p-label-02' } },
    ],
  );
  const examProjectId = await project(
    owner.cookie,
    {
      name: names.examProject,
      modality: 'text',
      annotation: freeText,
      taskType: 'community',
      rewardPerItemWei: '0',
      budgetWei: '0',
      exam: { enabled: true, questionCount: 1, passRate: 1, maxAttempts: 3 },
    },
    [
      { id: 'ext-e-01', text: 'e item text 01' },
      { id: 'ext-e-g01', text: 'e gold text g01', gold: { text: 'gold-e-label-01' } },
    ],
  );
  const rivalProjectId = await project(
    rival.cookie,
    {
      name: names.rivalProject,
      modality: 'text',
      annotation: freeText,
      taskType: 'community',
      rewardPerItemWei: '0',
      budgetWei: '0',
    },
    [{ id: 'ext-r-01', text: 'rival item text 01' }],
  );
  ok(
    await t.call('PATCH', `/api/projects/${rivalProjectId}`, {
      cookie: rival.cookie,
      body: { status: 'paused' },
    }),
  );

  // The requester funds the escrow from its development wallet, so paid work is offered.
  const sendFromWallet = async (cookie: string, calls: { to: string; data: string }[]) => {
    const sent = ok(await t.call('POST', '/api/wallet/dev/send', { cookie, body: { calls } }));
    expect(sent.json.txs.every((x: { status: string }) => x.status === 'success')).toBe(true);
  };
  const fund = ok(
    await t.call('POST', `/api/projects/${projectId}/escrow/fund-calls`, {
      cookie: owner.cookie,
      body: { amountWei: '1000000' },
    }),
  );
  await sendFromWallet(owner.cookie, fund.json.calls);

  const answer = async (cookie: string, pid: string, text: string) => {
    const lease = ok(await t.call('POST', `/api/tasks/${pid}/assignments`, { cookie }));
    t.clock.advance(8000);
    const r = ok(
      await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie,
        body: { answer: { text }, durationMs: 8000 },
      }),
    );
    return r.json.answerId as string;
  };
  const random = t.deps.random;
  t.deps.random = () => 0; // the contributor's first lease draws a gold item; it answers it wrongly
  const goldAnswer = await answer(contributor.cookie!, projectId, 'alice-ans-g1');
  t.deps.random = () => 1; // no more gold: plain work items, and no gold reviews
  const aliceAnswers = [
    await answer(contributor.cookie!, projectId, 'alice-ans-01'),
    await answer(contributor.cookie!, projectId, 'alice-ans-02'),
  ];
  const carolAnswers: string[] = [];
  for (let i = 1; i <= 5; i++) carolAnswers.push(await answer(carol.cookie, projectId, `carol-ans-0${i}`));

  // The requester's QA approves the contributor's work (and one of carol's). In review, as the quality pass
  // leaves them: the contributor's wrong gold answer, with the gold check's reason (it names the gold answer),
  // and three of carol's.
  for (const id of [...aliceAnswers, carolAnswers[0]!])
    ok(await t.call('POST', `/api/answers/${id}/qa`, { cookie: owner.cookie, body: { verdict: 'accept' } }));
  await t.db.query(
    `update answers set status = 'review',
       decision_reason = (select v->>'reason' from jsonb_array_elements(screening) v where v->>'rule' = 'gold_wrong')
     where id = $1`,
    [goldAnswer],
  );
  await t.db.query(
    `update answers set status = 'review', decision_reason = 'The crowd is split on this item.'
     where id = any($1::bigint[])`,
    [carolAnswers.slice(2)],
  );
  const review = ok(
    await t.call('POST', '/api/reviews/next', { cookie: reviewer.cookie!, body: { projectId } }),
  ).json.review;
  expect(review.answer).toEqual({ text: 'alice-ans-g1' });
  t.deps.random = random;

  // The contributor fails the exam once.
  const exam = ok(await t.call('POST', `/api/tasks/${examProjectId}/exam`, { cookie: contributor.cookie! }));
  t.clock.advance(8000);
  ok(
    await t.call('POST', `/api/assignments/${exam.json.assignments[0].id}/answer`, {
      cookie: contributor.cookie!,
      body: { answer: { text: 'alice-exam-01' }, durationMs: 8000 },
    }),
  );

  const flag = await t.db.query<{ id: string }>(
    `insert into sybil_flags (user_id, project_id, kind, score, evidence, created_at, updated_at)
     values ($1, $2, 'random_clicker', 0.9, 'answers at random', now(), now()) returning id::text`,
    [carol.id, projectId],
  );

  const stake = ok(
    await t.call('POST', '/api/me/stake/calls', {
      cookie: contributor.cookie!,
      body: { action: 'lock', amountWei: '5000' },
    }),
  );
  await sendFromWallet(contributor.cookie!, stake.json.calls);

  // One epoch settled and accepted: the contributor and carol have rewards to claim.
  ok(await t.call('POST', '/api/admin/settlement/run', { cookie: admin.cookie! }));
  await t.chain!.increaseTime(3601);
  const settled = ok(await t.call('POST', '/api/admin/settlement/run', { cookie: admin.cookie! }));
  expect(settled.json.step).toBe('accepted');

  const apiKey = ok(
    await t.call('POST', `/api/orgs/${orgId}/api-keys`, {
      cookie: owner.cookie,
      body: { name: 'authz key' },
    }),
    201,
  ).json;
  const blob = ok(
    await t.call('POST', '/api/blobs', {
      cookie: owner.cookie,
      raw: 'authz stored file',
      headers: { 'x-content-type': 'text/plain' },
    }),
    201,
  ).json;

  return {
    callers: { anonymous, contributor, reviewer, otherRequester, requester, admin } satisfies Record<
      ActorName,
      Caller
    >,
    carol,
    orgId,
    rivalOrgId: rivalOrg.id as string,
    projectId,
    examProjectId,
    rivalProjectId,
    names,
    /** The contributor's answer the requester approved. */
    aliceAnswer: aliceAnswers[0]!,
    /** The review the reviewer holds: the first answer in review, the contributor's gold answer. */
    reviewId: review.id as string,
    flagId: flag.rows[0]!.id,
    apiKey: { id: apiKey.id as string, key: apiKey.key as string },
    blobSha256: blob.sha256 as string,
    /** A wallet call that changes nothing (approve nothing), for the development wallet route. */
    harmlessCall: (() => {
      const c = t.chain!.chain.encode.approve(
        t.chain!.chain.contracts.token,
        t.chain!.chain.contracts.escrow,
        0n,
      );
      return { to: c.to, data: c.data };
    })(),
  };
}

const pad = (i: number) => String(i + 1).padStart(2, '0');
