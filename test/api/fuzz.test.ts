import { afterAll, beforeAll, expect, it } from 'vitest';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import { fuzzCases } from '../setup/fuzzCases.ts';
import type { FuzzCase } from '../setup/fuzzValues.ts';
import { samples } from '../setup/mediaSamples.ts';
import { type Known, type Operation, operationsOf } from '../setup/openApiOperations.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Every operation of the app's own OpenAPI document gets bad requests derived from its schemas (see fuzzCases.ts),
// sent as nobody, as a contributor and as the one who owns what the path names, on real fixtures (an organization,
// a project with items, leases, answers, a review, a spam flag, another organization's project). The contract: never
// a 5xx, and every 4xx is `{ error: { code, message } }` with a message a person can read.

const SEED = Number(process.env.FUZZ_SEED ?? 20_240_601);
/** Random bodies (fast-check, from the operation's schema) per operation and actor. */
const RANDOM_RUNS = 12;
/** Anonymous and second-actor requests take every n-th body-field case: their validation is the owner's. */
const OTHER_ACTOR_SHARE = 2;

let t: TestApp;
const cookies: Record<string, string> = {};
const ACTORS = ['requester', 'alice', 'bob', 'reviewer', 'admin'] as const;
type ActorName = (typeof ACTORS)[number] | 'anonymous';

const f = {
  orgId: '',
  keyId: '',
  projectId: '',
  assignmentId: '',
  answerId: '',
  qaAnswerId: '',
  reviewId: '',
  flagId: '',
  token: '',
  /** The project's quality settings as created, put back after each operation (PATCH may change them). */
  quality: {} as unknown,
  foreign: { orgId: '', keyId: '', projectId: '', assignmentId: '' },
};
const address = (name: string) => listDevAccounts().find((a) => a.name === name)!.address;

async function ok(method: string, url: string, as: ActorName, body?: unknown) {
  const r = await t.call(method, url, { cookie: cookies[as]!, ...(body !== undefined ? { body } : {}) });
  expect(r.status, `${method} ${url}: ${r.text}`).toBeLessThan(300);
  return r.json;
}

async function leaseFor(as: ActorName, projectId = f.projectId): Promise<string> {
  return (await ok('POST', `/api/tasks/${projectId}/assignments`, as)).id;
}

async function answer(as: ActorName, projectId = f.projectId): Promise<string> {
  const id = await leaseFor(as, projectId);
  t.clock.advance(8000);
  return (
    await ok('POST', `/api/assignments/${id}/answer`, as, { answer: { choice: 'pos' }, durationMs: 8000 })
  ).answerId;
}

beforeAll(async () => {
  t = await testApp({ chain: true });
  for (const name of ACTORS) cookies[name] = await t.signIn(name);
  f.orgId = (await ok('GET', '/api/me', 'requester')).orgs[0].id;
  f.keyId = (await ok('POST', `/api/orgs/${f.orgId}/api-keys`, 'requester', { name: 'fuzz' })).id;
  f.projectId = (await ok('POST', '/api/projects', 'requester', sentimentProject({ overlap: 3 }))).id;
  const lines = Array.from({ length: 600 }, (_, i) =>
    JSON.stringify({ id: `f${i}`, text: `fuzz item ${i}` }),
  );
  const imported = await t.call('POST', `/api/projects/${f.projectId}/items?format=jsonl`, {
    cookie: cookies.requester!,
    raw: lines.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  // Paid work is offered only once the escrow holds the budget.
  const funding = await ok('POST', `/api/projects/${f.projectId}/escrow/fund-calls`, 'requester', {
    amountWei: '1000000',
  });
  await ok('POST', '/api/wallet/dev/send', 'requester', { calls: funding.calls });
  await ok('POST', '/api/chain/sync', 'requester');

  // An answer in review, leased to the reviewer; a decided answer for the requester's QA; a spam flag on bob.
  f.answerId = await answer('alice');
  await t.db.query(`update answers set status = 'review', decision_reason = 'split' where id = $1`, [
    f.answerId,
  ]);
  const reviewer = (await ok('GET', '/api/me', 'reviewer')).id;
  await t.db.query(
    `insert into skills (user_id, method, domain, accuracy, lower, evidence, updated_at)
     values ($1, 'single_choice', '*', 0.95, 0.95, 20, now())`,
    [reviewer],
  );
  const review = await ok('POST', '/api/reviews/next', 'reviewer', { projectId: f.projectId });
  expect(review.review, 'the reviewer gets the answer in review').not.toBeNull();
  f.reviewId = review.review.id;
  f.qaAnswerId = await answer('bob');
  await t.db.query(
    `update answers set status = 'approved', decided_by = 'machine', decided_at = now() where id = $1`,
    [f.qaAnswerId],
  );
  const bob = (await ok('GET', '/api/me', 'bob')).id;
  f.flagId = (
    await t.db.query(
      `insert into sybil_flags (user_id, project_id, kind, score, evidence, created_at, updated_at)
       values ($1, $2, 'random_clicker', 0.9, 'fuzz', now(), now()) returning id::text as id`,
      [bob, f.projectId],
    )
  ).rows[0].id;
  f.assignmentId = await leaseFor('alice');
  f.foreign.assignmentId = await leaseFor('bob');
  f.token = (await ok('GET', '/api/chain', 'alice')).contracts.token;
  f.quality = (await t.db.query('select quality from projects where id = $1', [f.projectId])).rows[0].quality;

  // Another organization's project and key, to be named in the requester's paths.
  f.foreign.orgId = (await ok('POST', '/api/orgs', 'alice', { name: 'Alice Fuzz Org' })).id;
  f.foreign.keyId = (await ok('POST', `/api/orgs/${f.foreign.orgId}/api-keys`, 'alice', { name: 'k' })).id;
  f.foreign.projectId = (
    await ok('POST', '/api/projects', 'alice', sentimentProject({ orgId: f.foreign.orgId, name: 'Foreign' }))
  ).id;
}, 120_000);
afterAll(() => t?.close());

/** The resource a path's `{id}` names, from the segment before it. */
const idKind = (op: Operation) => /\/(\w+)\/\{id\}/.exec(op.path)?.[1];

/** Realistic values: fixture ids by parameter and field name, and whole bodies where the schema alone says too little. */
const known: Known = (name, _schema, op) => {
  const key = `${op.method} ${op.path}`;
  if (name === '') {
    if (key === 'POST /projects') return sentimentProject();
    if (key === 'PATCH /projects/{id}') return { status: 'active' };
    if (key === 'POST /me/stake/calls') return { action: 'lock', amountWei: '1000' };
    if (key === 'POST /projects/{id}/items') return '{"text":"fuzzed item"}';
    if (key === 'POST /blobs') return samples.png;
    return undefined;
  }
  if (name === 'id')
    return {
      projects: f.projectId,
      assignments: f.assignmentId,
      reviews: f.reviewId,
      answers: op.path.endsWith('/qa') ? f.qaAnswerId : f.answerId,
      flags: f.flagId,
    }[idKind(op) ?? ''];
  return {
    orgId: f.orgId,
    keyId: f.keyId,
    projectId: f.projectId,
    address: address('alice'),
    to: address('alice'),
    token: f.token,
    amountWei: '1000',
    flagId: f.flagId,
    answerIds: [f.answerId],
    account: 'alice',
    answer: { choice: 'pos' },
    fixedAnswer: { choice: 'neg' },
    format: 'jsonl',
    entries: [{ address: address('bob'), xp: 10 }],
    source: 'fuzz-source',
    message: 'caravan.test wants you to sign in',
    signature: `0x${'ab'.repeat(65)}`,
  }[name];
};

const foreign = (name: string, op: Operation) =>
  name === 'orgId'
    ? f.foreign.orgId
    : name === 'keyId'
      ? f.foreign.keyId
      : name === 'projectId' || (name === 'id' && idKind(op) === 'projects')
        ? f.foreign.projectId
        : name === 'id' && idKind(op) === 'assignments'
          ? f.foreign.assignmentId
          : undefined;

/** Who owns what the operation's path names: the one whose requests get past authorization. */
function ownerOf(op: Operation): ActorName {
  if (op.path.startsWith('/admin') || op.path.startsWith('/reputation')) return 'admin';
  if (op.tags.includes('review')) return 'reviewer';
  if (/^\/(tasks|assignments|me|users|leaderboard|wallet)/.test(op.path)) return 'alice';
  return 'requester';
}

/** A response, and whether the URL still named an API route once resolved (`../` segments may leave /api). */
type Sent = { status: number; text: string; inApi: boolean };
async function send(op: Operation, c: FuzzCase, valid: ReturnType<typeof fuzzCases>['valid'], as: ActorName) {
  const params = { ...valid.path, ...c.path };
  const path = op.path.replace(/\{(\w+)\}/g, (_, name: string) => params[name] ?? '');
  const query = c.query ?? valid.query;
  const url = `http://caravan.test/api${path}${query ? `?${query}` : ''}`;
  const body = c.body !== undefined ? c.body : valid.body;
  const headers: Record<string, string> = { host: 'caravan.test' };
  if (as !== 'anonymous') headers.cookie = cookies[as]!;
  Object.assign(headers, c.headers);
  const contentType =
    c.contentType !== undefined
      ? c.contentType
      : op.body?.kind === 'json'
        ? 'application/json'
        : op.body
          ? 'application/octet-stream'
          : null;
  if (contentType !== null && body !== null) headers['content-type'] = contentType;
  const response = await t.app.request(url, {
    method: op.method,
    headers,
    ...(body !== null && op.method !== 'GET' ? { body: body as BodyInit } : {}),
  });
  const inApi = new URL(url).pathname.startsWith('/api/');
  return { status: response.status, text: await response.text(), inApi } satisfies Sent;
}

/**
 * What is wrong with a response, if anything: a 5xx, or a 4xx without the error shape. A URL that `../` took out
 * of /api is answered by the rest of the app, which must still not fail, serve a file from outside it, nor answer a
 * miss in another shape.
 */
function problemWith(r: Sent): string | null {
  if (r.status >= 500) return 'server error';
  if (!r.inApi && /root:.*:0:0:/.test(r.text)) return 'served a file from outside the app';
  if (r.status < 400) return null;
  try {
    const error = (JSON.parse(r.text) as { error?: { code?: unknown; message?: unknown } }).error;
    if (typeof error?.code !== 'string') return 'no error.code';
    if (typeof error.message !== 'string' || !error.message.trim()) return 'no error.message';
    return null;
  } catch {
    return 'not JSON';
  }
}

/** A new lease for alice, or a new answer in review leased to the reviewer, when the operation used one up. */
async function renew(op: Operation): Promise<boolean> {
  if (/^\/assignments\/\{id\}\/(answer|skip|release)$/.test(op.path)) {
    await t.call('POST', `/api/assignments/${f.assignmentId}/release`, { cookie: cookies.alice! });
    f.assignmentId = await leaseFor('alice');
    return true;
  }
  if (op.path === '/reviews/{id}') {
    const answerId = await answer('alice');
    await t.db.query(`update answers set status = 'review' where id = $1`, [answerId]);
    f.reviewId = (await ok('POST', '/api/reviews/next', 'reviewer', { projectId: f.projectId })).review.id;
    return true;
  }
  return false;
}

/** Signs actors in again if a case signed them out, and puts back what cases may change. */
async function restore(op: Operation) {
  for (const name of ACTORS)
    if ((await t.call('GET', '/api/me', { cookie: cookies[name]! })).status === 401)
      cookies[name] = await t.signIn(name);
  await t.db.query(`update projects set status = 'active', quality = $2 where id = $1`, [
    f.projectId,
    f.quality,
  ]);
  await renew(op);
}

it('answers every generated bad request of every operation with a 4xx error body, never a 5xx', async () => {
  const doc = (await t.call('GET', '/api/openapi.json')).json;
  const ops = operationsOf(doc);
  expect(ops.length).toBeGreaterThan(50);
  const started = performance.now();
  const failures: string[] = [];
  const counts: string[] = [];
  const notReached: string[] = [];
  let total = 0;
  let leftApi = 0;
  for (const op of ops) {
    await restore(op);
    const { valid, cases } = fuzzCases(op, known, { seed: SEED, randomRuns: RANDOM_RUNS, foreign });
    const owner = ownerOf(op);
    const others = (['anonymous', owner === 'alice' ? 'bob' : 'alice'] as const).filter((a) => a !== owner);
    let sent = 0;
    const check = async (c: FuzzCase, as: ActorName) => {
      const r = await send(op, c, valid, as);
      sent++;
      if (!r.inApi) leftApi++;
      const problem = problemWith(r);
      if (problem)
        failures.push(
          `${op.method} ${op.path} as ${as}, ${c.mutation.slice(0, 80)}: ${r.status} ${problem} ${r.text.slice(0, 160)}`,
        );
      return r;
    };
    for (const [i, c] of cases.entries()) {
      const r = await check(c, owner);
      // A case that got through used up the lease or review the path names: later cases get a fresh one.
      if (r.status < 300 && (await renew(op))) Object.assign(valid.path, { id: known('id', {}, op) });
      if (!c.mutation.startsWith('body ') || i % OTHER_ACTOR_SHARE === 0)
        for (const as of others) await check(c, as);
    }
    // The valid request last, so no case ran after it consumed a lease or a review: it shows validation let it by.
    const probe = await check({ mutation: 'the valid request' }, owner);
    if (probe.status >= 400)
      notReached.push(`${op.method} ${op.path} ${probe.status} ${probe.text.slice(0, 100)}`);
    counts.push(`${String(sent).padStart(5)} ${op.method} ${op.path}`);
    total += sent;
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(
    `fuzzed ${ops.length} operations with ${total} requests in ${seconds} s (seed ${SEED}); ` +
      `${leftApi} resolved outside /api\n${counts.join('\n')}`,
  );
  if (notReached.length)
    console.log(`valid requests refused past validation (by rule, not schema):\n${notReached.join('\n')}`);
  expect(failures.length, `${failures.length} bad answers:\n${failures.join('\n')}`).toBe(0);
}, 600_000);
