import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorLedger } from '../../src/usecases/provenance/anchorLedger.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Ledger entries batched into Merkle trees, anchored on a real anvil, and proven one answer at a time.
let t: TestApp;
let requester: string;
let alice: string;
let lastProject = '';

beforeAll(async () => {
  t = await testApp({ chain: true });
  requester = await t.signIn('requester');
  alice = await t.signIn('alice');
}, 60_000);
afterAll(() => t.close());

const anchor = () => anchorLedger({ chain: t.chain!.chain, provenance: t.deps.provenance, clock: t.clock });

/** A community project (no escrow needed) with `n` items, all answered by alice; returns the answer ids. */
async function answered(n: number): Promise<string[]> {
  const created = await t.call('POST', '/api/projects', {
    cookie: requester,
    body: sentimentProject({ taskType: 'community', rewardPerItemWei: '0', overlap: 1 }),
  });
  const lines = Array.from({ length: n }, (_, i) => JSON.stringify({ id: `p${i}`, text: `good ${i}` }));
  await t.call('POST', `/api/projects/${created.json.id}/items?format=jsonl`, {
    cookie: requester,
    raw: lines.join('\n'),
  });
  lastProject = created.json.id;
  const ids: string[] = [];
  for (let i = 0; i < n; i++) {
    const lease = await t.call('POST', `/api/tasks/${created.json.id}/assignments`, { cookie: alice });
    expect(lease.status, lease.text).toBe(200);
    const r = await t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
      cookie: alice,
      body: { answer: { choice: 'pos' }, durationMs: 8000 },
    });
    ids.push(r.json.answerId);
  }
  return ids;
}

describe('provenance', () => {
  it('anchors ledger batches once and proves each answer against the chain', async () => {
    const ids = await answered(5);
    const before = await t.call('GET', `/api/answers/${ids[0]}/proof`);
    expect(before.status, before.text).toBe(200);
    expect(before.json.verified).toBe(false);
    expect(before.json.batch).toBeNull();
    expect(before.json.checks.find((c: { name: string }) => c.name === 'batch')).toMatchObject({ ok: null });

    const step = await anchor();
    expect(step).toMatchObject({ step: 'anchored', count: 5 });
    expect(await anchor()).toEqual({ step: 'idle' });
    for (const id of ids) {
      const proof = await t.call('GET', `/api/answers/${id}/proof`);
      expect(proof.json.verified, JSON.stringify(proof.json.checks)).toBe(true);
      expect(proof.json.batch).toMatchObject({ count: 5, status: 'anchored' });
      expect(proof.json.checks.map((c: { name: string }) => c.name)).toEqual([
        'answer',
        'ledger entry',
        'merkle proof',
        'anchor',
        'transaction',
      ]);
    }

    const exported = await t.call('GET', `/api/projects/${lastProject}/export?provenance=true`, {
      cookie: requester,
    });
    const rows = exported.text
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(rows).toHaveLength(5);
    const { batch } = (await t.call('GET', `/api/answers/${ids[0]}/proof`)).json;
    for (const row of rows) {
      expect(row.provenance).toMatchObject({
        batch_id: batch.batchId,
        root: batch.root,
        anchor_tx: batch.txHash,
      });
      expect(batch.txHash).toBe((step as { txHash: string }).txHash);
      expect(row.provenance.proof.length).toBeGreaterThan(0);
    }

    // New answers go into the next batch; the earlier ones stay where they were.
    const more = await answered(2);
    expect(await anchor()).toMatchObject({ step: 'anchored', count: 2 });
    const later = await t.call('GET', `/api/answers/${more[1]}/proof`);
    expect(later.json.verified).toBe(true);
    expect(later.json.batch.batchId).not.toBe(
      (await t.call('GET', `/api/answers/${ids[0]}/proof`)).json.batch.batchId,
    );
  });

  it('fails loudly for a tampered answer', async () => {
    const [id] = await answered(1);
    await anchor();
    await t.db.query(`update answers set answer = '{"choice":"neg"}' where id = $1`, [id]);
    const proof = await t.call('GET', `/api/answers/${id}/proof`);
    expect(proof.json.verified).toBe(false);
    const check = proof.json.checks.find((c: { name: string }) => c.name === 'answer');
    expect(check.ok).toBe(false);
    expect(check.detail).toMatch(/it was changed/);
  });

  it('fails for a ledger entry whose batch root on chain differs', async () => {
    const [id] = await answered(1);
    await anchor();
    await t.db.query(
      `update provenance_batches set root = '0x${'11'.repeat(32)}'
       where batch_id = (select l.batch_id from provenance_leaves l join answers a
         on a.project_id = l.project_id and a.ledger_seq = l.seq where a.id = $1)`,
      [id],
    );
    const proof = await t.call('GET', `/api/answers/${id}/proof`);
    expect(proof.json.verified).toBe(false);
    expect(proof.json.checks.find((c: { name: string }) => c.name === 'merkle proof').ok).toBe(false);
    expect(proof.json.checks.find((c: { name: string }) => c.name === 'anchor').ok).toBe(false);
  });

  it('answers unknown and malformed answer ids clearly', async () => {
    expect((await t.call('GET', '/api/answers/999999999/proof')).status).toBe(404);
    const bad = await t.call('GET', '/api/answers/abc/proof');
    expect(bad.status).toBe(400);
    expect(bad.json.error.message).toMatch(/whole numbers/);
  });

  it('resumes a batch built before a crash and anchors it once', async () => {
    const ids = await answered(3);
    // A crash after the batch was stored, before its transaction: the batch is there, not anchored.
    const chain = t.chain!.chain;
    let calls = 0;
    const crashing = {
      ...chain,
      anchor: async () => {
        calls++;
        throw new Error('crash before sending');
      },
    };
    await expect(
      anchorLedger({ chain: crashing, provenance: t.deps.provenance, clock: t.clock }),
    ).rejects.toThrow(/crash/);
    expect(calls).toBe(1);
    const resumed = await anchor();
    expect(resumed).toMatchObject({ step: 'anchored', count: 3 });
    // A crash after the transaction was mined, before the database heard: the journal answers with that transaction.
    const again = await chain.anchor(`anchor:${(resumed as { batchId: `0x${string}` }).batchId}`, {
      batchId: (resumed as { batchId: `0x${string}` }).batchId,
      root: `0x${'00'.repeat(32)}`,
      count: 1,
      manifestHash: `0x${'00'.repeat(32)}`,
    });
    expect(again.hash).toBe((resumed as { txHash: string }).txHash);
    expect((await t.call('GET', `/api/answers/${ids[2]}/proof`)).json.verified).toBe(true);
  });
});
