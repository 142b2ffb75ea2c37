import { encodeFunctionData, erc20Abi, keccak256, parseEther } from 'viem';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sendOnce } from '../../src/chain/sendOnce.ts';
import { txJournal } from '../../src/db/txJournal.ts';
import type { Chain } from '../../src/usecases/chainPorts.ts';
import { settleRewards } from '../../src/usecases/settlement/settleRewards.ts';
import { syncChain } from '../../src/usecases/settlement/syncChain.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Crashes at every step of settlement: before or after a transaction is sent, before or after it is mined.
let t: TestApp;
let requester: string;
const REWARD = parseEther('1');

beforeAll(async () => {
  t = await testApp({ chain: true });
  requester = await t.signIn('requester');
}, 60_000);
afterAll(() => t.close());

const operatorNonce = () =>
  t.chain!.clients.public.getTransactionCount({ address: t.chain!.chain.operator, blockTag: 'pending' });

/** A funded project whose items two contributors answered alike, decided by the quality pass. */
async function approvedWork(items: number) {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({
      overlap: 2,
      rewardPerItemWei: REWARD.toString(),
      quality: { review: { enabled: false }, aggregation: { method: 'mv', confidence: 0.6, minAnswers: 2 } },
    }),
  });
  const id = created.json.id;
  const lines = Array.from({ length: items }, (_, i) => JSON.stringify({ id: `c${i}`, text: `good ${i}` }));
  await t.call('POST', `/api/projects/${id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  const calls = await t.call('POST', `/api/projects/${id}/escrow/fund-calls`, {
    cookie: requester,
    body: { amountWei: (100n * REWARD).toString() },
  });
  await t.call('POST', '/api/wallet/dev/send', { cookie: requester, body: { calls: calls.json.calls } });
  for (const who of ['alice', 'bob']) {
    const cookie = await t.signIn(who);
    for (;;) {
      const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie });
      if (lease.status !== 200) break;
      t.clock.advance(8000);
      await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie,
        body: { answer: { choice: 'pos' }, durationMs: 8000 },
      });
    }
  }
  await t.settle();
  return id;
}

const settle = (chain: Chain) =>
  settleRewards({ chain, settlement: t.deps.settlement, clock: t.clock, holdSeconds: 0 });

/** The chain, with one operation failing once: before it runs, or after it ran (the reply lost). */
function crashOnce(name: 'releaseEscrow' | 'proposeRoot' | 'acceptRoot', when: 'before' | 'after'): Chain {
  const real = t.chain!.chain;
  let crashed = false;
  const op = real[name] as (...args: unknown[]) => Promise<unknown>;
  return {
    ...real,
    [name]: async (...args: unknown[]) => {
      if (crashed) return op(...args);
      crashed = true;
      if (when === 'after') await op(...args);
      throw new Error(`crash ${when} ${name}`);
    },
  };
}

const events = async (name: string) =>
  (await t.db.query('select count(*)::int as n from chain_events where name = $1', [name])).rows[0].n;

describe('settlement survives crashes', () => {
  it('at every step, without paying twice or losing a payout', async () => {
    const id = await approvedWork(3);
    const nonceAtStart = await operatorNonce();

    await expect(settle(crashOnce('releaseEscrow', 'before'))).rejects.toThrow(/crash before releaseEscrow/);
    await expect(settle(crashOnce('releaseEscrow', 'after'))).rejects.toThrow(/crash after releaseEscrow/);
    await expect(settle(crashOnce('proposeRoot', 'before'))).rejects.toThrow(/crash before proposeRoot/);
    await expect(settle(crashOnce('proposeRoot', 'after'))).rejects.toThrow(/crash after proposeRoot/);
    const proposed = await settle(t.chain!.chain);
    expect(proposed.step).toBe('proposed');
    await t.chain!.increaseTime(3601);
    await expect(settle(crashOnce('acceptRoot', 'after'))).rejects.toThrow(/crash after acceptRoot/);
    // The next round reads the acceptance from the chain's events: the epoch is done, nothing is sent again.
    expect(await settle(t.chain!.chain)).toEqual({ step: 'idle' });
    const [epoch] = await t.deps.settlement.epochs(1);
    expect(epoch).toMatchObject({ epoch: 1, status: 'accepted', leafCount: 2 });

    // One release, one proposal, one acceptance: three operator transactions in all.
    expect((await operatorNonce()) - nonceAtStart).toBe(3);
    await syncChain({ chain: t.chain!.chain, settlement: t.deps.settlement });
    expect(await events('Released')).toBe(1);
    expect(await events('RootProposed')).toBe(1);
    expect(await events('RootAccepted')).toBe(1);
    const escrow = await t.call('GET', `/api/projects/${id}/escrow`, { cookie: requester });
    expect(escrow.json.tokens[0].releasedWei).toBe((6n * REWARD).toString());
    expect(await t.chain!.chain.distributor()).toMatchObject({ epoch: 1, pending: null });
  });

  it('re-sends a transaction journaled before a crash, and never a second one', async () => {
    const c = t.chain!.clients;
    const journal = txJournal(t.db, t.clock);
    const token = t.chain!.deployment.token;
    const data = encodeFunctionData({ abi: erc20Abi, functionName: 'transfer', args: [token, 1n] });
    const start = await operatorNonce();
    // Signed and journaled, then the process died before broadcasting.
    const tx = await journal.reserve(
      { purpose: 'test:journaled', sender: c.operator.account.address, chainId: c.chain.id, to: token, data },
      async (floor) => {
        const nonce = Math.max(floor, start);
        const raw = await c.operator.signTransaction({
          account: c.operator.account,
          chain: c.chain,
          to: token,
          data,
          nonce,
          gas: 100_000n,
          maxFeePerGas: parseEther('0.00000001'),
          maxPriorityFeePerGas: 1n,
        });
        return { nonce, raw, hash: keccak256(raw) };
      },
    );
    expect(tx.status).toBe('signed');
    expect(await operatorNonce()).toBe(start);
    await t.chain!.chain.resume();
    expect(await operatorNonce()).toBe(start + 1);
    const again = await sendOnce(c, journal, 'test:journaled', { to: token, data, abi: erc20Abi });
    expect(again.hash).toBe(tx.hash);

    // Sent and mined, then the process died before writing that down.
    const mined = await sendOnce(c, journal, 'test:mined', { to: token, data, abi: erc20Abi });
    await t.db.query(`update chain_txs set status = 'sent', block_number = null where hash = $1`, [
      mined.hash,
    ]);
    const resent = await sendOnce(c, journal, 'test:mined', { to: token, data, abi: erc20Abi });
    expect(resent.hash).toBe(mined.hash);
    expect(await operatorNonce()).toBe(start + 2);
  });

  it('refuses a call that would revert before journaling anything, with the contract’s reason', async () => {
    const c = t.chain!.clients;
    const journal = txJournal(t.db, t.clock);
    const data = encodeFunctionData({
      abi: erc20Abi,
      functionName: 'transfer',
      args: [t.chain!.deployment.token, 10n ** 40n],
    });
    await expect(
      sendOnce(c, journal, 'test:revert', { to: t.chain!.deployment.token, data, abi: erc20Abi }),
    ).rejects.toThrow(/would revert: ERC20InsufficientBalance|would revert/);
    expect(await journal.find('test:revert')).toBeNull();
  });

  it('spaces epochs out: approved work waits for the next epoch once one was opened recently', async () => {
    await approvedWork(1);
    const spaced = () =>
      settleRewards({
        chain: t.chain!.chain,
        settlement: t.deps.settlement,
        clock: t.clock,
        holdSeconds: 0,
        epochSeconds: 3600,
      });
    expect(await spaced()).toEqual({ step: 'idle' });
    t.clock.advance(3600_000);
    expect((await spaced()).step).toBe('proposed');
  });

  it('rebuilds the mirrors from the chain’s events', async () => {
    await syncChain({ chain: t.chain!.chain, settlement: t.deps.settlement });
    const before = (
      await t.db.query(
        'select project_id, token, funded_wei::text, released_wei::text from escrow_balances order by project_id, token',
      )
    ).rows;
    await t.db.query('delete from escrow_balances');
    await t.db.query('delete from chain_events');
    await t.db.query('delete from chain_cursor');
    await syncChain({ chain: t.chain!.chain, settlement: t.deps.settlement });
    const after = (
      await t.db.query(
        'select project_id, token, funded_wei::text, released_wei::text from escrow_balances order by project_id, token',
      )
    ).rows;
    expect(after).toEqual(before);
  });
});
