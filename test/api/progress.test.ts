import { keccak256, stringToBytes } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reputationMessage } from '../../src/usecases/progress/importReputation.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;
const signer = privateKeyToAccount(keccak256(stringToBytes('caravan-test:reputation-signer')));

beforeAll(async () => {
  t = await testApp();
  t.deps.settings.reputationSigner = signer.address;
  requester = await t.signIn('requester');
});
afterAll(() => t.close());

async function project(overrides: Record<string, unknown>, lines: string[]): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject(overrides),
  });
  expect(created.status, created.text).toBe(201);
  await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  return created.json.id;
}

async function answerAll(cookie: string, projectId: string, choice: (text: string) => string) {
  for (;;) {
    const lease = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie });
    if (lease.status !== 200) return;
    t.clock.advance(6000);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie,
      body: { answer: { choice: choice(lease.json.item.data.text) }, durationMs: 6000 },
    });
    expect(r.status, r.text).toBe(200);
  }
}

const truth = (text: string) => (text.startsWith('good') ? 'pos' : 'neg');
const items = (n: number) =>
  Array.from({ length: n }, (_, i) => `{"id":"i${i}","text":"${i % 2 ? 'bad' : 'good'} ${i}"}`);

describe('progress', () => {
  it('turns approved work into XP, achievements, accuracy, a level and earnings on the profile', async () => {
    const id = await project(
      {
        overlap: 2,
        rewardPerItemWei: '1000',
        requiredLevel: 0,
        domains: ['movies'],
        quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.9 } },
      },
      items(12),
    );
    const a = await t.signInNew('progress-a');
    const b = await t.signInNew('progress-b');
    await answerAll(a.cookie, id, truth);
    await answerAll(b.cookie, id, truth);
    await t.settle();

    const profile = await t.call('GET', '/api/me/profile', { cookie: a.cookie });
    expect(profile.status).toBe(200);
    const p = profile.json;
    expect(p.answers).toEqual({ approved: 12, rejected: 0, pending: 0, review: 0 });
    // 12 approved single-choice answers at 2 XP, plus first answer (10), ten answers (25) and the day's
    // check-in (2: working counts as checking in).
    expect(p.xp).toBe(12 * 2 + 10 + 25 + 2);
    const today = t.clock.now().toISOString().slice(0, 10);
    expect(p.achievements.map((x: { id: string }) => x.id).sort()).toEqual([
      'answers_10',
      `checkin:${today}`,
      'first_answer',
    ]);
    expect(p.checkedInToday).toBe(true);
    expect(p.level).toBe(1);
    expect(p.levelProgress).toEqual({ level: 1, xpIntoLevel: 11, xpForNextLevel: 100, nextLevelAt: 150 });
    expect(p.tier).toBe('Initiate');
    expect(p.nextTier.name).toBe('Apprentice');
    expect(p.earnings).toEqual({ answersWei: '12000', reviewsWei: '0', totalWei: '12000' });
    expect(
      p.skills.find((s: { method: string; domain: string }) => s.method === '*' && s.domain === '*').accuracy,
    ).toBeGreaterThan(0.8);
    expect(p.skills.some((s: { domain: string }) => s.domain === 'movies')).toBe(true);
    expect(p.streak.current).toBe(1);
    expect(p.daily).toHaveLength(30);
    expect(p.daily.at(-1).xp).toBe(p.xp);

    // Anyone signed in sees the same public profile by address.
    const other = await t.call('GET', `/api/users/${a.address}/profile`, { cookie: b.cookie });
    expect(other.json.xp).toBe(p.xp);
    expect(
      (
        await t.call('GET', '/api/users/0x0000000000000000000000000000000000000001/profile', {
          cookie: b.cookie,
        })
      ).status,
    ).toBe(404);
    expect((await t.call('GET', '/api/users/not-an-address/profile', { cookie: b.cookie })).status).toBe(400);
  });

  it('ranks contributors by XP on the leaderboard, page by page', async () => {
    const page = await t.call('GET', '/api/leaderboard?limit=1', { cookie: requester });
    expect(page.status).toBe(200);
    expect(page.json.entries).toHaveLength(1);
    expect(page.json.total).toBeGreaterThanOrEqual(2);
    const all = (await t.call('GET', '/api/leaderboard?limit=100', { cookie: requester })).json.entries;
    const xps = all.map((e: { xp: number }) => e.xp);
    expect(xps).toEqual([...xps].sort((x: number, y: number) => y - x));
    expect(all[0].rank).toBe(1);
    expect((await t.call('GET', '/api/leaderboard?limit=0', { cookie: requester })).status).toBe(400);
  });

  it('checks in once a day, keeping a streak and earning the day’s bonus once', async () => {
    const c = await t.signInNew('checker');
    const first = await t.call('POST', '/api/me/checkin', { cookie: c.cookie });
    expect(first.json).toMatchObject({ alreadyCheckedIn: false, xp: 2 });
    const again = await t.call('POST', '/api/me/checkin', { cookie: c.cookie });
    expect(again.json).toMatchObject({ alreadyCheckedIn: true, xp: 2 });
    t.clock.advance(24 * 3600 * 1000);
    const next = await t.call('POST', '/api/me/checkin', { cookie: c.cookie });
    expect(next.json).toMatchObject({ alreadyCheckedIn: false, xp: 4 });
    const profile = (await t.call('GET', '/api/me/profile', { cookie: c.cookie })).json;
    expect(profile.checkedInToday).toBe(true);
    expect(profile.streak).toEqual({ current: 2, longest: 2 });
  });

  it('demotes a contributor whose accuracy falls, and says why', async () => {
    const id = await project(
      {
        overlap: 3,
        quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.6 } },
      },
      items(110),
    );
    const good1 = await t.signInNew('demote-good-1');
    const good2 = await t.signInNew('demote-good-2');
    const bad = await t.signInNew('demote-bad');
    await t.db.query('update users set base_level = 4, level = 4 where id = $1', [bad.id]);
    await answerAll(good1.cookie, id, truth);
    await answerAll(good2.cookie, id, truth);
    await answerAll(bad.cookie, id, (text) => (truth(text) === 'pos' ? 'neg' : 'pos'));
    await t.settle();
    const profile = (await t.call('GET', '/api/me/profile', { cookie: bad.cookie })).json;
    expect(profile.level).toBe(2);
    expect(profile.demotedReason).toMatch(/below 60%; you hold level 2 instead of 4/);
    // The level gate now reads the demoted level (sessions are remembered for five seconds).
    t.clock.advance(10_000);
    const gated = await project({ requiredLevel: 3 }, items(1));
    const refused = await t.call('POST', `/api/tasks/${gated}/assignments`, { cookie: bad.cookie });
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('LEVEL_TOO_LOW');
  });
});

describe('reputation import', () => {
  const entries = [
    {
      address: privateKeyToAccount(keccak256(stringToBytes('caravan-test:early-1'))).address,
      xp: 500,
      level: 3,
    },
  ];

  it('lets an admin import early adopters’ XP once per source', async () => {
    const admin = await t.signIn('admin');
    const r = await t.call('POST', '/api/reputation/import', {
      cookie: admin,
      body: { source: 'season-1', entries },
    });
    expect(r.json).toEqual({ imported: 1, skipped: 0 });
    expect(
      (
        await t.call('POST', '/api/reputation/import', {
          cookie: admin,
          body: { source: 'season-1', entries },
        })
      ).json,
    ).toEqual({
      imported: 0,
      skipped: 1,
    });
    await t.settle();
    const profile = (await t.call('GET', `/api/users/${entries[0]!.address}/profile`, { cookie: admin }))
      .json;
    expect(profile.xp).toBe(500);
    expect(profile.level).toBe(3);
  });

  it('accepts a file signed by the reputation signer from anyone, and refuses others', async () => {
    const someone = await t.signInNew('importer');
    const file = { source: 'season-2', entries: [{ ...entries[0]!, xp: 100 }] };
    const unsigned = await t.call('POST', '/api/reputation/import', { cookie: someone.cookie, body: file });
    expect(unsigned.status).toBe(403);
    const forged = await t.call('POST', '/api/reputation/import', {
      cookie: someone.cookie,
      body: {
        ...file,
        signature: await privateKeyToAccount(keccak256(stringToBytes('nobody'))).signMessage({
          message: reputationMessage(file),
        }),
      },
    });
    expect(forged.status).toBe(401);
    expect(forged.json.error.message).toContain(signer.address);
    const signed = await t.call('POST', '/api/reputation/import', {
      cookie: someone.cookie,
      body: { ...file, signature: await signer.signMessage({ message: reputationMessage(file) }) },
    });
    expect(signed.json).toEqual({ imported: 1, skipped: 0 });
    const bad = await t.call('POST', '/api/reputation/import', {
      cookie: someone.cookie,
      body: { source: 'x', entries: [{ address: '0x12', xp: -1 }] },
    });
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/entries\.0\.address: addresses are 0x followed by 40 hex digits/);
  });
});
