import { parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import { syncBadges } from '../../src/usecases/settlement/syncBadges.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Stake, badge and token gates read from a real anvil; badges follow tiers; slashing records its evidence.
let t: TestApp;
let requester: string;
let admin: string;
let alice: string;
const aliceAddress = () => listDevAccounts().find((a) => a.name === 'alice')!.address;

beforeAll(async () => {
  t = await testApp({ chain: true });
  requester = await t.signIn('requester');
  admin = await t.signIn('admin');
  alice = await t.signIn('alice');
}, 60_000);
afterAll(() => t.close());

async function gated(gates: Record<string, unknown>): Promise<string> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({ taskType: 'community', rewardPerItemWei: '0', overlap: 1, gates }),
  });
  expect(created.status, created.text).toBe(201);
  await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: '{"id":"a","text":"good"}\n{"id":"b","text":"good too"}',
  });
  return created.json.id;
}

const lease = (projectId: string) => t.call('POST', `/api/tasks/${projectId}/assignments`, { cookie: alice });

async function stake(action: 'lock' | 'unlock' | 'withdraw', amountWei?: bigint) {
  const calls = await t.call('POST', '/api/me/stake/calls', {
    cookie: alice,
    body: { action, ...(amountWei ? { amountWei: amountWei.toString() } : {}) },
  });
  expect(calls.status, calls.text).toBe(200);
  return t.call('POST', '/api/wallet/dev/send', { cookie: alice, body: { calls: calls.json.calls } });
}

describe('stake gate and slashing', () => {
  it('asks for a locked stake, counts only what is locked, and lets an admin slash with evidence', async () => {
    const id = await gated({ minStakeWei: parseEther('100').toString() });
    const refused = await lease(id);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({ code: 'STAKE_TOO_LOW' });
    expect(refused.json.error.message).toMatch(/needs 100 tokens locked.*you have 0 locked/);

    expect((await stake('lock', parseEther('150'))).status).toBe(200);
    const view = await t.call('GET', '/api/me/stake', { cookie: alice });
    expect(view.json).toMatchObject({ lockedWei: parseEther('150').toString(), unlockingWei: '0' });
    expect((await lease(id)).status).toBe(200);

    // An unlock request takes the stake out of the gate at once, though it stays slashable until withdrawn.
    expect((await stake('unlock', parseEther('100'))).status).toBe(200);
    const unlocking = (await t.call('GET', '/api/me/stake', { cookie: alice })).json;
    expect(unlocking).toMatchObject({
      lockedWei: parseEther('50').toString(),
      unlockingWei: parseEther('100').toString(),
    });
    expect(unlocking.unlockAt).not.toBeNull();
    const withdrawEarly = await stake('withdraw');
    expect(withdrawEarly.status).toBe(422);

    const slash = await t.call('POST', '/api/admin/slashes', {
      cookie: admin,
      body: {
        address: aliceAddress(),
        amountWei: parseEther('60').toString(),
        reason: 'copied answers (flag 7)',
        answerIds: ['1'],
      },
    });
    expect(slash.status, slash.text).toBe(200);
    expect(slash.json.txHash).toMatch(/^0x[0-9a-f]{64}$/);
    expect(slash.json.evidence).toMatchObject({ reason: 'copied answers (flag 7)', answerIds: ['1'] });
    const after = (await t.call('GET', '/api/me/stake', { cookie: alice })).json;
    expect(BigInt(after.lockedWei) + BigInt(after.unlockingWei)).toBe(parseEther('90'));
    const listed = await t.call('GET', '/api/admin/slashes', { cookie: admin });
    expect(listed.json.slashes[0]).toMatchObject({
      evidenceHash: slash.json.evidenceHash,
      amountWei: parseEther('60').toString(),
    });

    // The vault caps one slash (half the stake here).
    const tooMuch = await t.call('POST', '/api/admin/slashes', {
      cookie: admin,
      body: { address: aliceAddress(), amountWei: parseEther('80').toString(), reason: 'again' },
    });
    expect(tooMuch.status).toBe(422);
    const notAdmin = await t.call('POST', '/api/admin/slashes', {
      cookie: alice,
      body: { address: aliceAddress(), amountWei: '1', reason: 'nope' },
    });
    expect(notAdmin.status).toBe(403);

    // After the cooldown (on the chain's clock) the unlocking stake can be withdrawn.
    await t.chain!.increaseTime(86_401);
    expect((await stake('withdraw')).status).toBe(200);
  });
});

describe('badge and token gates', () => {
  it('issues a badge per tier reached, revokes it when the tier is lost, and gates work on it', async () => {
    const id = await gated({ badgeTier: 2 });
    const refused = await lease(id);
    expect(refused.status).toBe(403);
    expect(refused.json.error).toMatchObject({
      code: 'BADGE_REQUIRED',
      message: 'this project needs the Adept badge',
    });

    const aliceId = (await t.db.query('select id from users where address = $1', [aliceAddress()])).rows[0]
      .id;
    await t.db.query(`update users set tier = 'Adept' where id = $1`, [aliceId]);
    const sync = () => syncBadges({ chain: t.chain!.chain, settlement: t.deps.settlement, clock: t.clock });
    expect(await sync()).toEqual({ step: 'badges', issued: 2, revoked: 0 });
    expect(await sync()).toEqual({ step: 'idle' });
    const held = (await t.call('GET', '/api/me/stake', { cookie: alice })).json.badges;
    expect(held).toEqual([
      { tier: 1, name: 'Apprentice' },
      { tier: 2, name: 'Adept' },
    ]);
    expect((await lease(id)).status).toBe(200);

    await t.db.query(`update users set tier = 'Apprentice' where id = $1`, [aliceId]);
    expect(await sync()).toEqual({ step: 'badges', issued: 0, revoked: 1 });
    expect(await t.chain!.chain.hasBadge(aliceAddress(), 2)).toBe(false);
    expect(await t.chain!.chain.hasBadge(aliceAddress(), 1)).toBe(true);
    // Earned again: issued again.
    await t.db.query(`update users set tier = 'Adept' where id = $1`, [aliceId]);
    expect(await sync()).toEqual({ step: 'badges', issued: 1, revoked: 0 });
    expect(await t.chain!.chain.hasBadge(aliceAddress(), 2)).toBe(true);
  });

  it('asks for a token balance', async () => {
    const partner = t.chain!.deployment.partnerToken!;
    const id = await gated({ token: partner, minTokenWei: parseEther('2000000').toString() });
    const refused = await lease(id);
    expect(refused.status).toBe(403);
    expect(refused.json.error.code).toBe('TOKEN_BALANCE_TOO_LOW');
    const enough = await gated({ token: partner, minTokenWei: parseEther('10').toString() });
    expect((await lease(enough)).status).toBe(200);
  });

  it('refuses a token gate without a minimum balance', async () => {
    const created = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ gates: { token: t.chain!.deployment.partnerToken } }),
    });
    expect(created.status).toBe(400);
    expect(created.json.error.message).toMatch(/minimum balance/);
  });
});
