import { getAddress, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Escrow, accrual, epochs, claims and the relayer, on a real anvil with Caravan's contracts.
let t: TestApp;
let requester: string;
let admin: string;
let alice: string;
let bob: string;
const REWARD = parseEther('2');
const devAddress = (name: string) => listDevAccounts().find((a) => a.name === name)!.address;

beforeAll(async () => {
  t = await testApp({ chain: true });
  requester = await t.signIn('requester');
  admin = await t.signIn('admin');
  alice = await t.signIn('alice');
  bob = await t.signIn('bob');
}, 60_000);
afterAll(() => t.close());

const chain = () => t.chain!.chain;

async function project(items: number, overrides: Record<string, unknown> = {}): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({
      overlap: 2,
      rewardPerItemWei: REWARD.toString(),
      quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.6, minAnswers: 2 } },
      ...overrides,
    }),
  });
  expect(created.status, created.text).toBe(201);
  const lines = Array.from({ length: items }, (_, i) => JSON.stringify({ id: `i${i}`, text: `good ${i}` }));
  const imported = await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  expect(imported.status, imported.text).toBe(200);
  return created.json.id;
}

/** Sends wallet calls from a development account's wallet on the server. */
async function send(cookie: string, calls: { to: string; data: string }[]) {
  const r = await t.call('POST', '/api/wallet/dev/send', { cookie, body: { calls } });
  expect(r.status, r.text).toBe(200);
  expect(r.json.txs.every((x: { status: string }) => x.status === 'success')).toBe(true);
  return r.json.txs;
}

async function fund(projectId: string, amountWei: bigint, token?: string) {
  const calls = await t.call('POST', `/api/projects/${projectId}/escrow/fund-calls`, {
    cookie: requester,
    body: { amountWei: amountWei.toString(), ...(token ? { token } : {}) },
  });
  expect(calls.status, calls.text).toBe(200);
  expect(calls.json.calls.map((c: { label: string }) => c.label)).toEqual([
    'approve the transfer',
    'fund the escrow',
  ]);
  await send(requester, calls.json.calls);
}

/** Leases and answers `pos` until nothing is left for this contributor; returns how many. */
async function work(cookie: string, projectId: string, limit = 1000) {
  let n = 0;
  for (; n < limit; n++) {
    const lease = await t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie });
    if (lease.status !== 200) return { n, refusal: lease.json?.error };
    t.clock.advance(8000);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie,
      body: { answer: { choice: 'pos' }, durationMs: 8000 },
    });
    expect(r.status, r.text).toBe(200);
  }
  return { n, refusal: null };
}

async function settleRound() {
  const r = await t.call('POST', '/api/admin/settlement/run', { cookie: admin });
  expect(r.status, r.text).toBe(200);
  return r.json;
}

const rewards = async (cookie: string) => {
  const r = await t.call('GET', '/api/me/rewards', { cookie });
  expect(r.status, r.text).toBe(200);
  return r.json.tokens.find((x: { role: string }) => x.role === 'platform');
};

describe('escrow', () => {
  it('offers no paid work until the project is funded, then shows the funding', async () => {
    const id = await project(2);
    const before = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(before.status).toBe(409);
    expect(before.json.error.code).toBe('ESCROW_EMPTY');
    expect(before.json.error.message).toMatch(/not funded yet/);

    await fund(id, 10n * REWARD);
    const escrow = await t.call('GET', `/api/projects/${id}/escrow`, { cookie: requester });
    expect(escrow.status).toBe(200);
    expect(escrow.json.tokens).toHaveLength(1);
    expect(escrow.json.tokens[0]).toMatchObject({
      role: 'platform',
      symbol: 'CRV',
      fundedWei: (10n * REWARD).toString(),
      releasedWei: '0',
      fullCostWei: (2n * 2n * REWARD).toString(),
    });
    const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(lease.status, lease.text).toBe(200);
  });

  it('refuses funding in a token the project is not paid in, and amounts of nothing', async () => {
    const id = await project(1);
    const wrong = await t.call('POST', `/api/projects/${id}/escrow/fund-calls`, {
      cookie: requester,
      body: { amountWei: '100', token: '0x000000000000000000000000000000000000dEaD' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.json.error.message).toMatch(/is neither/);
    const zero = await t.call('POST', `/api/projects/${id}/escrow/fund-calls`, {
      cookie: requester,
      body: { amountWei: '0' },
    });
    expect(zero.status).toBe(400);
    expect(zero.json.error.message).toMatch(/above 0/);
    const stranger = await t.call('POST', `/api/projects/${id}/escrow/fund-calls`, {
      cookie: alice,
      body: { amountWei: '100' },
    });
    expect(stranger.status).toBe(404);
  });

  it('stops offering work once answers use up the funded budget', async () => {
    const id = await project(6, { overlap: 1, quality: { review: { enabled: false } } });
    await fund(id, 3n * REWARD);
    const carol = (await t.signInNew('carol')).cookie;
    const first = await work(carol, id, 3);
    expect(first.n, JSON.stringify(first.refusal)).toBe(3);
    await t.settle(); // the pass counts what the answers may cost
    const more = await work(carol, id);
    expect(more.n).toBe(0);
    expect(more.refusal).toMatchObject({ code: 'ESCROW_EMPTY' });
    expect(more.refusal.message).toMatch(/used up its funded budget/);
  });
});

describe('settlement', () => {
  it('settles approved work in epochs; contributors claim exactly what they earned, once', async () => {
    const id = await project(3);
    await fund(id, 100n * REWARD);
    expect((await work(alice, id)).n).toBe(3);
    expect((await work(bob, id)).n).toBe(3);
    await t.settle();
    expect(await rewards(alice)).toMatchObject({ accruingWei: (3n * REWARD).toString(), claimableWei: '0' });

    const proposed = await settleRound();
    expect(proposed.step).toBe('proposed');
    expect(proposed.epochs[0]).toMatchObject({ status: 'proposed', leafCount: 2 });
    expect(await rewards(alice)).toMatchObject({ inEpochWei: (3n * REWARD).toString(), claimableWei: '0' });
    // Within the distributor's delay the root cannot be accepted yet.
    expect((await settleRound()).step).toBe('proposed');
    await t.chain!.increaseTime(3601);
    const accepted = await settleRound();
    expect(accepted.step).toBe('accepted');
    expect(accepted.epochs[0].status).toBe('accepted');

    const escrow = await t.call('GET', `/api/projects/${id}/escrow`, { cookie: requester });
    expect(escrow.json.tokens[0].releasedWei).toBe((6n * REWARD).toString());

    const aliceAddress = devAddress('alice');
    const token = chain().contracts.token;
    const balanceBefore = await chain().tokenBalance(token, aliceAddress);
    expect(await rewards(alice)).toMatchObject({ claimableWei: (3n * REWARD).toString() });
    const calls = await t.call('POST', '/api/me/rewards/claim-calls', { cookie: alice });
    expect(calls.status, calls.text).toBe(200);
    await send(alice, calls.json.calls);
    expect((await chain().tokenBalance(token, aliceAddress)) - balanceBefore).toBe(3n * REWARD);
    expect(await rewards(alice)).toMatchObject({ claimableWei: '0', claimedWei: (3n * REWARD).toString() });
    // Claimed already: nothing left, and sending the same claim again pays nothing.
    const again = await t.call('POST', '/api/me/rewards/claim-calls', { cookie: alice });
    expect(again.status).toBe(409);
    expect(again.json.error.code).toBe('NOTHING_TO_CLAIM');
    const replay = await t.call('POST', '/api/wallet/dev/send', {
      cookie: alice,
      body: { calls: calls.json.calls },
    });
    expect(replay.status).toBe(422);
    expect(replay.json.error.message).toMatch(/NothingToClaim/);
    expect((await chain().tokenBalance(token, aliceAddress)) - balanceBefore).toBe(3n * REWARD);

    // The relayer claims for bob; the tokens go to bob, whoever pays the gas.
    const bobBefore = await chain().tokenBalance(token, devAddress('bob'));
    const relayed = await t.call('POST', '/api/me/rewards/relay', { cookie: bob });
    expect(relayed.status, relayed.text).toBe(200);
    expect(relayed.json.claims).toBe(1);
    expect((await chain().tokenBalance(token, devAddress('bob'))) - bobBefore).toBe(3n * REWARD);

    // A second epoch carries cumulative totals: alice's new work adds on, and she is paid only the difference.
    const next = await project(2);
    await fund(next, 10n * REWARD);
    await work(alice, next);
    await work(bob, next);
    await t.settle();
    expect((await settleRound()).step).toBe('proposed');
    await t.chain!.increaseTime(3601);
    expect((await settleRound()).epochs[0]).toMatchObject({ epoch: 2, status: 'accepted' });
    const second = await t.call('POST', '/api/me/rewards/claim-calls', { cookie: alice });
    await send(alice, second.json.calls);
    expect((await chain().tokenBalance(token, aliceAddress)) - balanceBefore).toBe(5n * REWARD);
    expect(await rewards(alice)).toMatchObject({ claimedWei: (5n * REWARD).toString(), claimableWei: '0' });

    // The admin's relayer pays everyone left (bob's second epoch) in one batch.
    const all = await t.call('POST', '/api/admin/relay', { cookie: admin });
    expect(all.status, all.text).toBe(200);
    expect(all.json.claims).toBe(1);
    expect(await rewards(bob)).toMatchObject({ claimedWei: (5n * REWARD).toString(), claimableWei: '0' });
    // Never more claimed than funded, per the distributor's own books.
    const totals = (await t.call('GET', '/api/admin/settlement', { cookie: admin })).json.epochs[0].totals;
    expect(totals[getAddress(token)]).toBe((10n * REWARD).toString());
  });

  it('pays dual-reward projects in both tokens, each funded, settled and claimed the same way', async () => {
    const partner = t.chain!.deployment.partnerToken!;
    const id = await project(2, {
      taskType: 'dual_reward',
      partnerToken: partner,
      partnerRewardPerItemWei: '7',
    });
    await fund(id, 10n * REWARD);
    // Only the platform token is funded: the partner's reward is not covered yet.
    const refused = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie: alice });
    expect(refused.status).toBe(409);
    expect(refused.json.error.details.token).toBe(partner);
    await fund(id, 100n, partner);
    const escrow = await t.call('GET', `/api/projects/${id}/escrow`, { cookie: requester });
    expect(escrow.json.tokens.map((x: { role: string; symbol: string }) => [x.role, x.symbol])).toEqual([
      ['platform', 'CRV'],
      ['partner', 'DPT'],
    ]);
    const aliceBefore = await rewards(alice);
    await work(alice, id);
    await work(bob, id);
    await t.settle();
    expect((await settleRound()).step).toBe('proposed');
    await t.chain!.increaseTime(3601);
    expect((await settleRound()).step).toBe('accepted');
    const mine = (await t.call('GET', '/api/me/rewards', { cookie: alice })).json.tokens;
    expect(mine.find((x: { role: string }) => x.role === 'partner')).toMatchObject({
      symbol: 'DPT',
      claimableWei: '14',
    });
    const calls = await t.call('POST', '/api/me/rewards/claim-calls', { cookie: alice });
    expect(calls.json.calls).toHaveLength(2); // one claim per token
    await send(alice, calls.json.calls);
    expect(await chain().tokenBalance(partner, devAddress('alice'))).toBe(10n ** 6n * 10n ** 18n + 14n);
    expect(BigInt((await rewards(alice)).claimedWei) - BigInt(aliceBefore.claimedWei)).toBe(2n * REWARD);
  });

  it('says nothing is left to settle when no approved work waits', async () => {
    const r = await settleRound();
    expect(r.step).toBe('idle');
  });

  it('keeps settlement and wallets to the right people', async () => {
    expect((await t.call('POST', '/api/admin/settlement/run', { cookie: alice })).status).toBe(403);
    expect((await t.call('POST', '/api/admin/relay', { cookie: bob })).status).toBe(403);
    const stranger = await t.signInNew('no-dev-wallet');
    const r = await t.call('POST', '/api/wallet/dev/send', {
      cookie: stranger.cookie,
      body: { calls: [{ to: chain().contracts.token, data: '0x' }] },
    });
    expect(r.status).toBe(403);
    expect(r.json.error.message).toMatch(/only development accounts/);
    const bad = await t.call('POST', '/api/wallet/dev/send', {
      cookie: alice,
      body: { calls: [{ to: 'x', data: '0x' }] },
    });
    expect(bad.status).toBe(400);
  });
});
