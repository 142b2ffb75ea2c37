import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SHARE_FORMULA } from '../../src/domain/datasets/shareFormula.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;

beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
});
afterAll(() => t.close());

type Contributor = { cookie: string; id: string; address: string };
const community = { taskType: 'community', rewardPerItemWei: '0', budgetWei: '0' };

async function project(overrides: Record<string, unknown>, texts: string[]): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject(overrides),
  });
  expect(created.status, created.text).toBe(201);
  const imported = await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: texts.map((text, i) => JSON.stringify({ id: `x${i}`, text })).join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  return created.json.id;
}

/** Leases and answers every item the contributor is given. */
async function work(who: Contributor, projectId: string, choose: (text: string) => string) {
  for (;;) {
    const lease = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie: who.cookie });
    if (lease.status !== 200) break;
    t.clock.advance(8000);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie: who.cookie,
      body: { answer: { choice: choose(String(lease.json.item.data.text)) }, durationMs: 8000 },
    });
    expect(r.status, r.text).toBe(200);
  }
}

const publish = (projectId: string, body: Record<string, unknown> = {}, cookie = requester) =>
  t.call('POST', `/api/projects/${projectId}/publish`, { cookie, body });

const right = (text: string) => (text.startsWith('good') ? 'pos' : 'neg');
const wrong = (text: string) => (text.startsWith('good') ? 'neg' : 'pos');

describe('community datasets', () => {
  let projectId: string;
  let crowd: Contributor[];
  let datasetId: string;

  beforeAll(async () => {
    projectId = await project({ ...community, name: 'Community sentiment', overlap: 3 }, [
      'good morning',
      'good evening',
      'bad weather',
      'bad news',
    ]);
    crowd = await Promise.all(['ds-ann', 'ds-ben', 'ds-cat'].map((n) => t.signInNew(n)));
    await work(crowd[0]!, projectId, right);
    await work(crowd[1]!, projectId, right);
    await work(crowd[2]!, projectId, wrong);
    await t.settle();
  });

  it('refuses to publish before anything is approved, saying what to do', async () => {
    const empty = await project({ ...community, name: 'Nothing yet' }, ['good thing']);
    const r = await publish(empty);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('NOTHING_APPROVED');
    expect(r.json.error.message).toMatch(/quality pass/);
  });

  it('refuses a paid project and hides the project from people outside its organization', async () => {
    const paid = await project({ name: 'Paid work' }, ['good x']);
    const r = await publish(paid);
    expect(r.status).toBe(409);
    expect(r.json.error.code).toBe('NOT_COMMUNITY_PROJECT');
    expect((await publish(projectId, {}, crowd[0]!.cookie)).status).toBe(404);
  });

  it('publishes the approved work with shares that add up and proofs that verify against the root', async () => {
    const approved = (
      await t.db.query(
        `select u.address, count(*)::int as n from answers a join users u on u.id = a.user_id
         where a.project_id = $1 and a.status = 'approved' group by u.address`,
        [projectId],
      )
    ).rows;
    expect(approved.length).toBeGreaterThan(0);

    const r = await publish(projectId, { licenseSummary: 'CC BY 4.0, revenue split by shares' });
    expect(r.status, r.text).toBe(201);
    datasetId = r.json.id;
    expect(r.json).toMatchObject({
      name: 'Community sentiment',
      licenseSummary: 'CC BY 4.0, revenue split by shares',
      status: 'published',
      formulaVersion: SHARE_FORMULA.version,
      assetId: null,
    });
    expect(r.json).not.toHaveProperty('orgId');
    expect(r.json.answerCount).toBe(approved.reduce((s, a) => s + a.n, 0));

    const detail = await t.call('GET', `/api/datasets/${datasetId}?limit=2`, { cookie: crowd[2]!.cookie });
    expect(detail.status, detail.text).toBe(200);
    expect(detail.json.formula).toEqual({ ...SHARE_FORMULA });
    const shares = [...detail.json.shares];
    let cursor = detail.json.nextCursor;
    while (cursor) {
      const page = await t.call('GET', `/api/datasets/${datasetId}/shares?limit=1&cursor=${cursor}`, {
        cookie: crowd[0]!.cookie,
      });
      expect(page.status, page.text).toBe(200);
      shares.push(...page.json.shares);
      cursor = page.json.nextCursor;
    }
    expect(shares.map((s) => s.rank)).toEqual(shares.map((_, i) => i + 1));
    expect(shares.map((s) => s.account).sort()).toEqual(approved.map((a) => a.address).sort());
    expect(shares.reduce((s, x) => s + BigInt(x.weight), 0n)).toBe(BigInt(detail.json.dataset.totalWeight));
    expect(shares.reduce((s, x) => s + x.sharePpm, 0)).toBe(1_000_000);
    for (const s of shares) {
      expect(s.answersCounted).toBe(approved.find((a) => a.address === s.account)!.n);
      expect(
        StandardMerkleTree.verify(
          detail.json.dataset.shareRoot,
          ['address', 'uint256'],
          [s.account, BigInt(s.weight)],
          s.proof,
        ),
      ).toBe(true);
      // The same proof does not verify a larger weight.
      expect(
        StandardMerkleTree.verify(
          detail.json.dataset.shareRoot,
          ['address', 'uint256'],
          [s.account, BigInt(s.weight) + 1n],
          s.proof,
        ),
      ).toBe(false);
    }
    const reference = StandardMerkleTree.of(
      shares.map((s) => [s.account, BigInt(s.weight)]),
      ['address', 'uint256'],
    );
    expect(reference.root).toBe(detail.json.dataset.shareRoot);
  });

  it('refuses a second publication and keeps the first shares', async () => {
    const before = await t.call('GET', `/api/datasets/${datasetId}`, { cookie: requester });
    const again = await publish(projectId, { name: 'Second try' });
    expect(again.status).toBe(409);
    expect(again.json.error).toMatchObject({ code: 'DATASET_ALREADY_PUBLISHED', details: { datasetId } });
    expect((await t.call('GET', `/api/datasets/${datasetId}`, { cookie: requester })).json).toEqual(
      before.json,
    );
  });

  it('lists datasets with search, and shows each contributor their own shares', async () => {
    const found = await t.call('GET', '/api/datasets?search=SENTIMENT', { cookie: crowd[1]!.cookie });
    expect(found.status).toBe(200);
    expect(found.json.datasets.map((d: { id: string }) => d.id)).toEqual([datasetId]);
    const none = await t.call('GET', '/api/datasets?search=whales', { cookie: crowd[1]!.cookie });
    expect(none.json).toEqual({ datasets: [], nextCursor: null });

    const shares = (await t.call('GET', `/api/datasets/${datasetId}/shares?limit=500`, { cookie: requester }))
      .json.shares;
    for (const c of crowd) {
      const mine = await t.call('GET', '/api/me/dataset-shares', { cookie: c.cookie });
      expect(mine.status).toBe(200);
      const expected = shares.filter((s: { account: string }) => s.account === c.address);
      expect(mine.json.shares.map((m: { share: unknown }) => m.share)).toEqual(expected);
    }
    expect((await t.call('GET', '/api/me/dataset-shares')).status).toBe(401);
    expect((await t.call('GET', `/api/datasets/${crypto.randomUUID()}`, { cookie: requester })).status).toBe(
      404,
    );
  });
});
