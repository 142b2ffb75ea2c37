import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  ACTORS,
  type ActorName,
  type AuthzFixture,
  authzFixture,
  type Caller,
} from '../setup/authzFixture.ts';
import { leaksIn, type Recorded } from '../setup/authzLeaks.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Every route the app serves, called as each of six actors, against one table of what each may do.
// 'ok': a 2xx answer. 'own': a 2xx answer about the caller only (checked against the database or the chain).
// 402: a download refused until the caller buys a license.
// A number: that refusal, and a refused call changes nothing (checked where the route writes).

type Cell = 'ok' | 'own' | 401 | 402 | 403 | 404 | 409;
type Row = readonly [Cell, Cell, Cell, Cell, Cell, Cell];

// biome-ignore format: the matrix reads as a table
const EXPECTED = {
  //                                                   anonymous contributor reviewer otherRequester requester admin
  'GET /api/auth/config':                               ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/auth/nonce':                                ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/auth/siwe':                                ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/auth/dev':                                 ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/auth/logout':                              ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/me':                                        [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/orgs':                                     [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/orgs/{orgId}/api-keys':                    [401,     403,        403,     403,           'ok',     403],
  'GET /api/orgs/{orgId}/api-keys':                     [401,     404,        404,     404,           'ok',     404],
  'DELETE /api/orgs/{orgId}/api-keys/{keyId}':          [401,     404,        404,     404,           'ok',     404],

  'POST /api/projects':                                 [401,     403,        403,     403,           'ok',     403],
  'GET /api/projects':                                  [401,     'own',      'own',   'own',         'own',    'own'],
  'GET /api/projects/{id}':                             [401,     404,        404,     404,           'ok',     'ok'],
  'PATCH /api/projects/{id}':                           [401,     404,        404,     404,           'ok',     'ok'],
  'POST /api/projects/{id}/items':                      [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/items':                       [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/stats':                       [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/ledger/verify':               [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/export':                      [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/quality':                     [401,     404,        404,     404,           'ok',     'ok'],
  'POST /api/projects/{id}/quality/run':                [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/projects/{id}/labels':                      [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/admin/flags':                               [401,     403,        403,     403,           403,      'ok'],
  'POST /api/admin/flags/{id}':                         [401,     403,        403,     403,           403,      'ok'],

  'GET /api/reviews':                                   [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/reviews/next':                             [401,     403,        'ok',    403,           'ok',     403],
  'POST /api/reviews/{id}':                             [401,     404,        'ok',    404,           404,      404],
  'GET /api/projects/{id}/qa':                          [401,     404,        404,     404,           'ok',     'ok'],
  'POST /api/answers/{id}/qa':                          [401,     404,        404,     404,           'ok',     'ok'],

  'GET /api/me/profile':                                [401,     'own',      'own',   'own',         'own',    'own'],
  'GET /api/users/{address}/profile':                   [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/leaderboard':                               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/me/checkin':                               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/reputation/import':                        [401,     403,        403,     403,           403,      'ok'],

  'GET /api/tasks':                                     [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/tasks/{projectId}':                         [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/tasks/{projectId}/exam':                    [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/tasks/{projectId}/exam':                   [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/tasks/{projectId}/assignments':            [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/assignments/{id}/answer':                  [401,     'ok',       404,     404,           404,      404],
  'POST /api/assignments/{id}/skip':                    [401,     'ok',       404,     404,           404,      404],
  'POST /api/assignments/{id}/release':                 [401,     'ok',       404,     404,           404,      404],
  'GET /api/me/history':                                [401,     'own',      'own',   'own',         'own',    'own'],

  'GET /api/chain':                                     ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/projects/{id}/escrow':                      [401,     404,        404,     404,           'ok',     'ok'],
  'POST /api/projects/{id}/escrow/fund-calls':          [401,     404,        404,     404,           'ok',     'ok'],
  'POST /api/projects/{id}/escrow/refund-calls':        [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/me/rewards':                                [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/me/rewards/claim-calls':                   [401,     'ok',       409,     409,           409,      409],
  'POST /api/me/rewards/relay':                         [401,     'ok',       409,     409,           409,      409],
  'GET /api/me/stake':                                  [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/me/stake/calls':                           [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/wallet/dev/send':                          [401,     'ok',       'ok',    403,           'ok',     'ok'],
  'POST /api/chain/sync':                               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/admin/settlement':                          [401,     403,        403,     403,           403,      'ok'],
  'POST /api/admin/settlement/run':                     [401,     403,        403,     403,           403,      'ok'],
  'POST /api/admin/relay':                              [401,     403,        403,     403,           403,      'ok'],
  'POST /api/admin/slashes':                            [401,     403,        403,     403,           403,      'ok'],
  'GET /api/admin/slashes':                             [401,     403,        403,     403,           403,      'ok'],
  'GET /api/answers/{id}/proof':                        ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],

  'POST /api/projects/{id}/publish':                    [401,     404,        404,     404,           'ok',     'ok'],
  'GET /api/datasets':                                  [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/datasets/{id}':                             [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/datasets/{id}/shares':                      [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/me/dataset-shares':                         [401,     'own',      'own',   'own',         'own',    'own'],

  'GET /api/assets':                                    [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/assets':                                   [401,     403,        403,     'ok',          'ok',     403],
  'GET /api/assets/{id}':                               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/assets/{id}/purchase-calls':               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'POST /api/assets/{id}/claim-calls':                  [401,     409,        409,     409,           'ok',     409],
  'GET /api/assets/{id}/download':                      [401,     'ok',       402,     402,           'ok',     402],
  'GET /api/me/purchases':                              [401,     'own',      'own',   'own',         'own',    'own'],
  'GET /api/me/earnings':                               [401,     'own',      'own',   'own',         'own',    'own'],
  'POST /api/datasets/{id}/register':                   [401,     404,        404,     404,           'ok',     'ok'],

  'PUT /api/assets/{id}/endpoint':                      [401,     403,        403,     403,           'ok',     403],
  'GET /api/assets/{id}/endpoint':                      [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/assets/{id}/usage':                         [401,     403,        403,     403,           'ok',     'ok'],
  'POST /api/gateway/{assetId}/v1/chat/completions':    [401,     402,        403,     402,           'ok',     402],
  'GET /api/gateway/{assetId}/v1/models':               [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/gateway/balance':                           [401,     403,        403,     'own',         'own',    403],
  'POST /api/gateway/fund-calls':                       [401,     403,        403,     'ok',          'ok',     403],
  'GET /api/me/gateway-calls':                          [401,     'own',      'own',   'own',         'own',    'own'],

  'POST /api/blobs':                                    [401,     'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /blobs/{sha256}':                                ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /api/openapi.json':                              ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /healthz':                                       ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /readyz':                                        ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /metrics':                                       ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
  'GET /':                                              ['ok',    'ok',       'ok',    'ok',          'ok',     'ok'],
} as const satisfies Record<string, Row>;

type Route = keyof typeof EXPECTED;
type Request = {
  url: string;
  body?: unknown;
  raw?: string;
  headers?: Record<string, string>;
  /** Sent instead of the caller's own session. */
  cookie?: string | undefined;
};
type Response = Awaited<ReturnType<TestApp['call']>>;
type Prepared = Record<string, string>;
/** How to call one route, and what to check around the calls. */
type Call = {
  /** Runs once before the row: resources every caller of the row acts on. */
  prepare?: () => Promise<Prepared>;
  request: (c: Caller, p: Prepared) => Request | Promise<Request>;
  /** What the route writes; a refused call must leave it as it was. */
  state?: (p: Prepared) => Promise<unknown>;
  /** For 'own' cells: null when the answer is about the caller only, else what is wrong. */
  own?: (c: Caller, r: Response) => Promise<string | null>;
  /** After an allowed call: checks its effect, or undoes it so later rows see the fixture as built. */
  after?: (c: Caller, r: Response, req: Request) => Promise<void>;
};

let t: TestApp;
let f: AuthzFixture;
const recorded: Recorded[] = [];

beforeAll(async () => {
  t = await testApp({ chain: true, metrics: true });
  f = await authzFixture(t);
}, 120_000);
afterAll(() => t?.close());

const rows = async (sql: string, params: unknown[] = []) => (await t.db.query(sql, params)).rows;
const count = async (sql: string, params: unknown[] = []) =>
  Number((await rows(`select count(*)::int as n from (${sql}) x`, params))[0].n);
const blockNumber = () => t.chain!.rpc('eth_blockNumber');
const chainStake = async (address: string) => {
  const s = await t.chain!.chain.stake(address as `0x${string}`);
  return { lockedWei: s.lockedWei.toString(), unlockingWei: s.unlockingWei.toString() };
};
const same = (a: unknown, b: unknown, what: string) =>
  JSON.stringify(a) === JSON.stringify(b)
    ? null
    : `${what}: ${JSON.stringify(a)} instead of ${JSON.stringify(b)}`;

/** Leases the next item of the owned project to the contributor (or returns the one it holds). */
async function contributorLease(): Promise<Prepared> {
  const lease = await t.call('POST', `/api/tasks/${f.projectId}/assignments`, {
    cookie: f.callers.contributor.cookie!,
  });
  expect(lease.status, lease.text).toBe(200);
  t.clock.advance(8000);
  return { assignmentId: lease.json.id };
}
const assignmentState = async (p: Prepared) => ({
  assignment: await rows('select status, closed_at from assignments where id = $1', [p.assignmentId]),
  answers: await count('select 1 from answers where assignment_id = $1', [p.assignmentId]),
});

async function siweBody() {
  const { nonce } = (await t.call('GET', '/api/auth/nonce')).json;
  const account = privateKeyToAccount(generatePrivateKey());
  const message = createSiweMessage({
    address: account.address,
    chainId: 31_337,
    domain: 'caravan.test',
    nonce,
    uri: 'http://caravan.test',
    version: '1',
    issuedAt: t.clock.now(),
  });
  return { message, signature: await account.signMessage({ message }) };
}

const project = () => `/api/projects/${f.projectId}`;
const get = (url: () => string): Call => ({ request: () => ({ url: url() }) });

/** A community project of the owning organization with one answer of the contributor's, approved by the requester. */
async function approvedCommunityProject(name: string): Promise<string> {
  const owner = f.callers.requester.cookie!;
  const contributor = f.callers.contributor.cookie!;
  const body = sentimentProject({
    name,
    taskType: 'community',
    rewardPerItemWei: '0',
    budgetWei: '0',
    overlap: 1,
  });
  const created = await t.call('POST', '/api/projects', { cookie: owner, body });
  expect(created.status, created.text).toBe(201);
  const id = created.json.id as string;
  const raw = JSON.stringify({ text: `${name} item` });
  expect(
    (await t.call('POST', `/api/projects/${id}/items?format=jsonl`, { cookie: owner, raw })).status,
  ).toBe(200);
  const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: contributor });
  expect(lease.status, lease.text).toBe(200);
  t.clock.advance(8000);
  const answered = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
    cookie: contributor,
    body: { answer: { choice: 'pos' }, durationMs: 8000 },
  });
  expect(answered.status, answered.text).toBe(200);
  const qa = await t.call('POST', `/api/answers/${answered.json.answerId}/qa`, {
    cookie: owner,
    body: { verdict: 'accept' },
  });
  expect(qa.status, qa.text).toBe(200);
  return id;
}
let publishedDataset: Promise<string> | undefined;
/** One published dataset, made the first time a row asks for it. */
const datasetId = () =>
  (publishedDataset ??= (async () => {
    const id = await approvedCommunityProject('Authz community dataset');
    const r = await t.call('POST', `/api/projects/${id}/publish`, {
      cookie: f.callers.requester.cookie!,
      body: {},
    });
    expect(r.status, r.text).toBe(201);
    return r.json.id as string;
  })());

const marketTerms = () => ({
  commercialUse: true,
  derivativesAllowed: true,
  parentShareBps: 0,
  priceWei: '1000',
  currency: t.chain!.chain.contracts.token,
  durationSeconds: 0,
  attributionRequired: false,
});
const devSend = async (cookie: string, calls: unknown[]) => {
  const r = await t.call('POST', '/api/wallet/dev/send', { cookie, body: { calls } });
  expect(r.status, r.text).toBe(200);
};
let registeredModel: Promise<string> | undefined;
/** A model of the owning organization, registered from the requester's wallet and sold once to the reviewer. */
const modelId = () =>
  (registeredModel ??= (async () => {
    const owner = f.callers.requester.cookie!;
    const r = await t.call('POST', '/api/assets', {
      cookie: owner,
      body: {
        kind: 'model',
        name: 'Authz market model',
        modality: 'text',
        contentHash: `0x${'ab'.repeat(32)}`,
        terms: marketTerms(),
      },
    });
    expect(r.status, r.text).toBe(201);
    await devSend(owner, r.json.calls);
    const id = r.json.asset.id as string;
    const buyer = f.callers.reviewer.cookie!;
    const calls = await t.call('POST', `/api/assets/${id}/purchase-calls`, { cookie: buyer });
    expect(calls.status, calls.text).toBe(200);
    await devSend(buyer, calls.json.calls);
    return id;
  })());
let registeredDataset: Promise<string> | undefined;
/** The published dataset, registered on the marketplace by its requester: its asset id. */
const datasetAssetId = () =>
  (registeredDataset ??= (async () => {
    const r = await t.call('POST', `/api/datasets/${await datasetId()}/register`, {
      cookie: f.callers.requester.cookie!,
      body: { terms: marketTerms() },
    });
    expect(r.status, r.text).toBe(200);
    return r.json.asset.id as string;
  })());

let upstream: http.Server | undefined;
afterAll(() => upstream?.close());
let gatewayReady: Promise<string> | undefined;
/** The owned model with a gateway endpoint on a local upstream, and the requester's organization's budget funded. */
const gatewayModelId = () =>
  (gatewayReady ??= (async () => {
    const id = await modelId();
    upstream = http.createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ choices: [], usage: { prompt_tokens: 1, completion_tokens: 1 } }));
    });
    await new Promise<void>((resolve) => upstream!.listen(0, '127.0.0.1', resolve));
    const owner = f.callers.requester.cookie!;
    const set = await t.call('PUT', `/api/assets/${id}/endpoint`, { cookie: owner, body: gatewayEndpoint() });
    expect(set.status, set.text).toBe(200);
    const fund = await t.call('POST', '/api/gateway/fund-calls', {
      cookie: owner,
      body: { amountWei: '100000' },
    });
    expect(fund.status, fund.text).toBe(200);
    await devSend(owner, fund.json.calls);
    return id;
  })());
const gatewayEndpoint = () => ({
  url: `http://127.0.0.1:${(upstream!.address() as AddressInfo).port}/v1`,
  apiKey: 'sk-authz-upstream',
  model: 'authz-model',
  pricePerCallWei: '10',
  pricePer1kTokensWei: '10',
  split: { developerBps: 10_000, dataProvidersBps: 0, validatorsBps: 0 },
});

const CALLS: Record<Route, Call> = {
  'GET /api/auth/config': get(() => '/api/auth/config'),
  'GET /api/auth/nonce': get(() => '/api/auth/nonce'),
  'POST /api/auth/siwe': { request: async () => ({ url: '/api/auth/siwe', body: await siweBody() }) },
  'POST /api/auth/dev': { request: () => ({ url: '/api/auth/dev', body: { account: 'bob' } }) },
  'POST /api/auth/logout': {
    request: async (c) => ({ url: '/api/auth/logout', cookie: await c.newSession() }),
    // Signing out ends that session only.
    after: async (c, _r, req) => {
      if (req.cookie) expect((await t.call('GET', '/api/me', { cookie: req.cookie })).status).toBe(401);
      if (c.cookie) expect((await t.call('GET', '/api/me', { cookie: c.cookie })).status).toBe(200);
    },
  },
  'GET /api/me': {
    request: () => ({ url: '/api/me' }),
    own: async (c, r) => same(r.json.id, c.id, 'account'),
  },
  'POST /api/orgs': {
    request: (c) => ({ url: '/api/orgs', body: { name: `Org of ${c.name}` } }),
    state: () => count('select 1 from organizations'),
    // Each actor stays what it is for the rows after this one.
    after: async (_c, r) => {
      await t.db.query('delete from memberships where org_id = $1', [r.json.id]);
      await t.db.query('delete from organizations where id = $1', [r.json.id]);
    },
  },
  'POST /api/orgs/{orgId}/api-keys': {
    request: () => ({ url: `/api/orgs/${f.orgId}/api-keys`, body: { name: 'another key' } }),
    state: () => count('select 1 from api_keys where org_id = $1', [f.orgId]),
  },
  'GET /api/orgs/{orgId}/api-keys': get(() => `/api/orgs/${f.orgId}/api-keys`),
  'DELETE /api/orgs/{orgId}/api-keys/{keyId}': {
    request: () => ({ url: `/api/orgs/${f.orgId}/api-keys/${f.apiKey.id}` }),
    state: async () => (await t.call('GET', '/api/projects', { apiKey: f.apiKey.key })).status,
    after: async () => {
      expect((await t.call('GET', '/api/projects', { apiKey: f.apiKey.key })).status).toBe(401);
    },
  },

  'POST /api/projects': {
    request: () => ({
      url: '/api/projects',
      body: sentimentProject({ name: 'Authz new project', orgId: f.orgId }),
    }),
    state: () => count('select 1 from projects'),
  },
  'GET /api/projects': {
    request: () => ({ url: '/api/projects' }),
    own: async (c, r) =>
      same(
        r.json.projects.map((p: { id: string }) => p.id).sort(),
        (await rows('select id from projects where org_id = any($1::uuid[])', [c.orgIds]))
          .map((p) => p.id)
          .sort(),
        'projects',
      ),
  },
  'GET /api/projects/{id}': get(project),
  'PATCH /api/projects/{id}': {
    request: (c) => ({ url: project(), body: { quality: { judge: { prompt: `set by ${c.name}` } } } }),
    state: () => rows('select status, quality from projects where id = $1', [f.projectId]),
  },
  'POST /api/projects/{id}/items': {
    request: (c) => ({
      url: `${project()}/items?format=jsonl`,
      raw: JSON.stringify({ id: `ext-added-${c.name}`, text: `added item text ${c.name}` }),
    }),
    state: () => count('select 1 from items where project_id = $1', [f.projectId]),
  },
  'GET /api/projects/{id}/items': get(() => `${project()}/items`),
  'GET /api/projects/{id}/stats': get(() => `${project()}/stats`),
  'GET /api/projects/{id}/ledger/verify': get(() => `${project()}/ledger/verify`),
  'GET /api/projects/{id}/export': get(() => `${project()}/export?format=jsonl&what=answers`),
  'GET /api/projects/{id}/quality': get(() => `${project()}/quality`),
  'POST /api/projects/{id}/quality/run': {
    request: () => ({ url: `${project()}/quality/run` }),
    state: () =>
      rows('select id, status, decided_by, decided_at from answers where project_id = $1 order by id', [
        f.projectId,
      ]),
  },
  'GET /api/projects/{id}/labels': get(() => `${project()}/labels`),
  'GET /api/admin/flags': get(() => '/api/admin/flags?status=all'),
  'POST /api/admin/flags/{id}': {
    request: () => ({ url: `/api/admin/flags/${f.flagId}`, body: { status: 'cleared' } }),
    state: () => rows('select status, resolved_by from sybil_flags where id = $1', [f.flagId]),
  },

  'GET /api/reviews': {
    request: () => ({ url: '/api/reviews' }),
    own: async (c, r) =>
      same(
        r.json.stats.done,
        await count(`select 1 from reviews where reviewer_id = $1 and status = 'done'`, [c.id]),
        'reviews done',
      ),
  },
  'POST /api/reviews/next': {
    request: () => ({ url: '/api/reviews/next', body: { projectId: f.projectId } }),
    state: () => count('select 1 from reviews'),
  },
  'POST /api/reviews/{id}': {
    request: () => ({
      url: `/api/reviews/${f.reviewId}`,
      body: { verdict: 'reject', reasonCode: 'wrong_answer' },
    }),
    state: () =>
      rows(
        `select r.status, r.verdict, a.status as answer from reviews r join answers a on a.id = r.answer_id
         where r.id = $1`,
        [f.reviewId],
      ),
  },
  'GET /api/projects/{id}/qa': get(() => `${project()}/qa?size=50`),
  'POST /api/answers/{id}/qa': {
    request: () => ({
      url: `/api/answers/${f.aliceAnswer}/qa`,
      body: { verdict: 'accept', note: 'checked again' },
    }),
    state: () =>
      rows('select status, decided_by, decision_reason, decided_at, qa_verdict from answers where id = $1', [
        f.aliceAnswer,
      ]),
  },

  'GET /api/me/profile': {
    request: () => ({ url: '/api/me/profile' }),
    own: async (c, r) => same(r.json.user.id, c.id, 'profile of'),
  },
  'GET /api/users/{address}/profile': get(() => `/api/users/${f.callers.contributor.address}/profile`),
  'GET /api/leaderboard': get(() => '/api/leaderboard'),
  'POST /api/me/checkin': {
    request: () => ({ url: '/api/me/checkin' }),
    state: () => count('select 1 from activity_days where checked_in'),
  },
  'POST /api/reputation/import': {
    request: () => ({
      url: '/api/reputation/import',
      body: { source: 'authz-season', entries: [{ address: f.carol.address, xp: 7 }] },
    }),
    state: () => count(`select 1 from xp_events where source like 'import:%'`),
  },

  'GET /api/tasks': get(() => '/api/tasks'),
  'GET /api/tasks/{projectId}': get(() => `/api/tasks/${f.projectId}`),
  'GET /api/tasks/{projectId}/exam': {
    request: () => ({ url: `/api/tasks/${f.examProjectId}/exam` }),
    own: async (c, r) =>
      same(
        r.json.attemptsUsed,
        await count('select 1 from exam_attempts where project_id = $1 and user_id = $2', [
          f.examProjectId,
          c.id,
        ]),
        'exam attempts',
      ),
  },
  'POST /api/tasks/{projectId}/exam': {
    request: () => ({ url: `/api/tasks/${f.examProjectId}/exam` }),
    state: () => count('select 1 from exam_attempts'),
  },
  'POST /api/tasks/{projectId}/assignments': {
    request: () => ({ url: `/api/tasks/${f.projectId}/assignments` }),
    state: () => count('select 1 from assignments'),
  },
  'POST /api/assignments/{id}/answer': {
    prepare: contributorLease,
    request: (_c, p) => ({
      url: `/api/assignments/${p.assignmentId}/answer`,
      body: { answer: { text: 'matrix-answer' }, durationMs: 8000 },
    }),
    state: assignmentState,
  },
  'POST /api/assignments/{id}/skip': {
    prepare: contributorLease,
    request: (_c, p) => ({ url: `/api/assignments/${p.assignmentId}/skip`, body: { reason: 'unclear' } }),
    state: assignmentState,
  },
  'POST /api/assignments/{id}/release': {
    prepare: contributorLease,
    request: (_c, p) => ({ url: `/api/assignments/${p.assignmentId}/release` }),
    state: assignmentState,
  },
  'GET /api/me/history': {
    request: () => ({ url: '/api/me/history' }),
    own: async (c, r) =>
      same(
        r.json.entries.map((e: { answerId: string }) => e.answerId).sort(),
        (await rows('select id::text from answers where user_id = $1', [c.id])).map((a) => a.id).sort(),
        'answers',
      ),
  },

  'GET /api/chain': get(() => '/api/chain'),
  'GET /api/projects/{id}/escrow': get(() => `${project()}/escrow`),
  'POST /api/projects/{id}/escrow/fund-calls': {
    request: () => ({ url: `${project()}/escrow/fund-calls`, body: { amountWei: '1000' } }),
  },
  'POST /api/projects/{id}/escrow/refund-calls': {
    request: () => ({ url: `${project()}/escrow/refund-calls`, body: {} }),
  },
  'GET /api/me/rewards': {
    request: () => ({ url: '/api/me/rewards' }),
    // Everything the caller earned, in whichever stage, and nothing anyone else did.
    own: async (c, r) => {
      const shown = r.json.tokens
        .filter((x: { role: string }) => x.role === 'platform')
        .flatMap((x: Record<string, string>) => [x.accruingWei, x.inEpochWei, x.claimableWei, x.claimedWei])
        .reduce((sum: bigint, wei: string) => sum + BigInt(wei), 0n);
      const [earned] = await rows(
        `select (coalesce((select sum(reward_wei) from answers where user_id = $1 and status = 'approved'), 0)
           + coalesce((select sum(reward_wei) from reviews where reviewer_id = $1 and status = 'done'), 0))::text
           as wei`,
        [c.id],
      );
      return same(shown.toString(), earned.wei, 'earnings');
    },
  },
  'POST /api/me/rewards/claim-calls': { request: () => ({ url: '/api/me/rewards/claim-calls' }) },
  'POST /api/me/rewards/relay': {
    request: () => ({ url: '/api/me/rewards/relay' }),
    state: () => count('select 1 from claims'),
  },
  'GET /api/me/stake': {
    request: () => ({ url: '/api/me/stake' }),
    own: async (c, r) =>
      same(
        { lockedWei: r.json.lockedWei, unlockingWei: r.json.unlockingWei },
        await chainStake(c.address!),
        'stake',
      ),
  },
  'POST /api/me/stake/calls': {
    request: () => ({ url: '/api/me/stake/calls', body: { action: 'lock', amountWei: '1' } }),
  },
  'POST /api/wallet/dev/send': {
    request: () => ({ url: '/api/wallet/dev/send', body: { calls: [f.harmlessCall] } }),
    state: blockNumber,
  },
  'POST /api/chain/sync': { request: () => ({ url: '/api/chain/sync' }) },
  'GET /api/admin/settlement': get(() => '/api/admin/settlement'),
  'POST /api/admin/settlement/run': {
    request: () => ({ url: '/api/admin/settlement/run' }),
    state: async () => ({
      epochs: await count('select 1 from epochs'),
      accruals: await count('select 1 from accruals'),
      block: await blockNumber(),
    }),
  },
  'POST /api/admin/relay': {
    request: () => ({ url: '/api/admin/relay' }),
    state: async () => ({ claims: await count('select 1 from claims'), block: await blockNumber() }),
  },
  'POST /api/admin/slashes': {
    request: () => ({
      url: '/api/admin/slashes',
      body: { address: f.callers.contributor.address, amountWei: '1', reason: 'copied answers' },
    }),
    state: async () => ({
      slashes: await count('select 1 from slashes'),
      stake: await chainStake(f.callers.contributor.address!),
    }),
  },
  'GET /api/admin/slashes': get(() => '/api/admin/slashes'),
  'GET /api/answers/{id}/proof': get(() => `/api/answers/${f.aliceAnswer}/proof`),

  'POST /api/projects/{id}/publish': {
    // A project publishes once: the admin publishes a second one.
    prepare: async () => ({
      forRequester: await approvedCommunityProject('Authz publish by requester'),
      forAdmin: await approvedCommunityProject('Authz publish by admin'),
    }),
    request: (c, p) => ({
      url: `/api/projects/${c.name === 'admin' ? p.forAdmin : p.forRequester}/publish`,
      body: {},
    }),
    state: () => count('select 1 from datasets'),
  },
  'GET /api/datasets': get(() => '/api/datasets?search=authz'),
  'GET /api/datasets/{id}': {
    prepare: async () => ({ id: await datasetId() }),
    request: (_c, p) => ({ url: `/api/datasets/${p.id}` }),
  },
  'GET /api/datasets/{id}/shares': {
    prepare: async () => ({ id: await datasetId() }),
    request: (_c, p) => ({ url: `/api/datasets/${p.id}/shares?limit=10` }),
  },
  'GET /api/me/dataset-shares': {
    prepare: async () => ({ id: await datasetId() }),
    request: () => ({ url: '/api/me/dataset-shares' }),
    own: async (c, r) =>
      same(
        r.json.shares.map((m: { share: { account: string } }) => m.share.account),
        (await rows('select account from dataset_shares where account = $1', [c.address])).map(
          (x) => x.account,
        ),
        'dataset shares',
      ),
  },

  'GET /api/assets': {
    prepare: async () => ({ id: await modelId() }),
    request: () => ({ url: '/api/assets?search=authz' }),
  },
  'POST /api/assets': {
    request: (c) => ({
      url: '/api/assets',
      body: {
        kind: 'agent',
        name: `Authz agent of ${c.name}`,
        modality: 'text',
        contentHash: `0x${'cd'.repeat(32)}`,
        terms: marketTerms(),
      },
    }),
    state: () => count('select 1 from assets'),
  },
  'GET /api/assets/{id}': {
    prepare: async () => ({ id: await modelId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}` }),
  },
  'POST /api/assets/{id}/purchase-calls': {
    prepare: async () => ({ id: await datasetAssetId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/purchase-calls` }),
  },
  'POST /api/assets/{id}/claim-calls': {
    prepare: async () => ({ id: await modelId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/claim-calls` }),
  },
  'GET /api/assets/{id}/download': {
    prepare: async () => ({ id: await datasetAssetId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/download` }),
  },
  'GET /api/me/purchases': {
    prepare: async () => ({ id: await modelId() }),
    request: () => ({ url: '/api/me/purchases' }),
    own: async (c, r) =>
      same(
        r.json.purchases.map((p: { txHash: string }) => p.txHash),
        (
          await rows('select tx_hash from licenses where buyer = $1 order by block_number desc', [c.address])
        ).map((x) => x.tx_hash),
        'purchases',
      ),
  },
  'GET /api/me/earnings': {
    prepare: async () => ({ model: await modelId(), dataset: await datasetAssetId() }),
    request: () => ({ url: '/api/me/earnings' }),
    own: async (c, r) =>
      same(
        r.json.assets.map((e: { asset: { id: string } }) => e.asset.id).sort(),
        (
          await rows(
            `select a.id from assets a where a.status = 'registered' and (
               (a.dataset_id is null and a.owner_address = $1)
               or exists (select 1 from dataset_shares s where s.dataset_id = a.dataset_id and s.account = $1))`,
            [c.address],
          )
        )
          .map((x) => x.id)
          .sort(),
        'assets held',
      ),
  },
  'POST /api/datasets/{id}/register': {
    prepare: async () => ({ id: await datasetId(), asset: await datasetAssetId() }),
    request: (_c, p) => ({ url: `/api/datasets/${p.id}/register`, body: { terms: marketTerms() } }),
    state: () => rows('select id, chain_asset_id::text, status from assets where dataset_id is not null'),
  },

  'PUT /api/assets/{id}/endpoint': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/endpoint`, body: gatewayEndpoint() }),
    state: () => rows('select * from gateway_endpoints order by asset_id'),
  },
  'GET /api/assets/{id}/endpoint': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/endpoint` }),
  },
  'GET /api/assets/{id}/usage': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: (_c, p) => ({ url: `/api/assets/${p.id}/usage` }),
  },
  'POST /api/gateway/{assetId}/v1/chat/completions': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: (_c, p) => ({
      url: `/api/gateway/${p.id}/v1/chat/completions`,
      body: { messages: [{ role: 'user', content: 'hello' }], max_tokens: 5 },
    }),
    state: () => count('select 1 from gateway_calls'),
  },
  'GET /api/gateway/{assetId}/v1/models': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: (_c, p) => ({ url: `/api/gateway/${p.id}/v1/models` }),
  },
  'GET /api/gateway/balance': {
    request: () => ({ url: '/api/gateway/balance' }),
    own: async (c, r) => (c.orgIds.includes(r.json.orgId) ? null : `the budget of ${r.json.orgId}`),
  },
  'POST /api/gateway/fund-calls': {
    request: () => ({ url: '/api/gateway/fund-calls', body: { amountWei: '1000' } }),
    state: () => count('select 1 from gateway_budgets'),
  },
  'GET /api/me/gateway-calls': {
    prepare: async () => ({ id: await gatewayModelId() }),
    request: () => ({ url: '/api/me/gateway-calls' }),
    own: async (c, r) =>
      same(
        r.json.calls.map((x: { id: string }) => x.id).sort(),
        (await rows('select id::text from gateway_calls where user_id = $1', [c.id])).map((x) => x.id).sort(),
        'gateway calls',
      ),
  },

  'POST /api/blobs': {
    request: (c) => ({
      url: '/api/blobs',
      raw: `a file from ${c.name}`,
      headers: { 'x-content-type': 'text/plain' },
    }),
    state: () => count('select 1 from blobs'),
  },
  'GET /blobs/{sha256}': get(() => `/blobs/${f.blobSha256}`),
  'GET /api/openapi.json': get(() => '/api/openapi.json'),
  'GET /healthz': get(() => '/healthz'),
  'GET /readyz': get(() => '/readyz'),
  'GET /metrics': get(() => '/metrics'),
  'GET /': get(() => '/'),
};

/** Sends one call as one actor and says how it went, in the table's terms. */
async function outcome(route: Route, call: Call, c: Caller, expected: Cell, p: Prepared): Promise<unknown> {
  const method = route.split(' ')[0]!;
  const req = await call.request(c, p);
  const cookie = 'cookie' in req ? req.cookie : c.cookie;
  const r = await t.call(method, req.url, {
    ...(cookie ? { cookie } : {}),
    ...(req.body !== undefined ? { body: req.body } : {}),
    ...(req.raw !== undefined ? { raw: req.raw } : {}),
    ...(req.headers ? { headers: req.headers } : {}),
  });
  recorded.push({ route, actor: c.name, status: r.status, text: r.text, json: r.json });
  if (r.status < 200 || r.status > 299) return r.status;
  await call.after?.(c, r, req);
  if (expected !== 'own') return 'ok';
  if (!call.own) throw new Error(`${route} has 'own' cells but no ownership check`);
  const wrong = await call.own(c, r);
  return wrong ? `not own, ${wrong}` : 'own';
}

describe('the authorization matrix', () => {
  it('has a row for every route the app serves, and none for a route it does not', async () => {
    const doc = (await t.call('GET', '/api/openapi.json')).json as { paths: Record<string, object> };
    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} /api${path}`),
    );
    const mounted = t.app.routes
      .filter((r) => r.method !== 'ALL')
      .map((r) => `${r.method} ${r.path.replace(/:(\w+)/g, '{$1}')}`);
    expect(documented.length).toBeGreaterThan(50);
    expect(Object.keys(EXPECTED).sort()).toEqual([...new Set([...documented, ...mounted])].sort());
  });

  for (const route of Object.keys(EXPECTED) as Route[])
    it(route, async () => {
      const expected: Row = EXPECTED[route];
      const call = CALLS[route];
      const p = (await call.prepare?.()) ?? {};
      const actual = new Map<ActorName, unknown>();
      const refused = ACTORS.filter((_, i) => typeof expected[i] === 'number');
      const before = await call.state?.(p);
      for (const a of refused)
        actual.set(a, await outcome(route, call, f.callers[a], expected[ACTORS.indexOf(a)]!, p));
      if (call.state) expect(await call.state(p), 'a refused call changed something').toEqual(before);
      for (const [i, a] of ACTORS.entries())
        if (!refused.includes(a)) actual.set(a, await outcome(route, call, f.callers[a], expected[i]!, p));
      expect(ACTORS.map((a) => actual.get(a))).toEqual(expected);
    });

  it('shows no one what is not theirs: other organizations, other contributors, gold answers', async () => {
    expect(recorded.length).toBeGreaterThan(300);
    expect(await leaksIn(t, f, recorded)).toEqual([]);
  });

  // Last, since it makes the requester a member of the other organization too.
  it('lets an API key act for its own organization only, whatever else its user belongs to', async () => {
    const requester = f.callers.requester;
    await t.deps.accounts.addMember(f.rivalOrgId, requester.id!, 'requester');
    const rival = `/api/projects/${f.rivalProjectId}`;
    expect((await t.call('GET', rival, { cookie: requester.cookie! })).status).toBe(200);
    const created = await t.call('POST', `/api/orgs/${f.orgId}/api-keys`, {
      cookie: requester.cookie!,
      body: { name: 'one organization' },
    });
    expect(created.status, created.text).toBe(201);
    const apiKey = created.json.key as string;

    expect((await t.call('GET', rival, { apiKey })).status).toBe(404);
    expect(
      (await t.call('POST', `${rival}/items?format=jsonl`, { apiKey, raw: '{"text":"x"}' })).status,
    ).toBe(404);
    const listed = await t.call('GET', '/api/projects', { apiKey });
    expect(listed.json.projects.map((p: { orgId: string }) => p.orgId)).not.toContain(f.rivalOrgId);
    expect((await t.call('GET', `/api/projects/${f.projectId}`, { apiKey })).status).toBe(200);
    // Keys and organizations are made from a signed-in session, never with a key.
    expect(
      (await t.call('POST', `/api/orgs/${f.rivalOrgId}/api-keys`, { apiKey, body: { name: 'k' } })).status,
    ).toBe(403);
    expect((await t.call('POST', '/api/orgs', { apiKey, body: { name: 'By key' } })).status).toBe(403);
    expect(await count('select 1 from items where project_id = $1', [f.rivalProjectId])).toBe(1);
  });
});
