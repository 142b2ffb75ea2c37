import type { Hex } from 'viem';
import { describe, expect, it } from 'vitest';
import { answerHash } from './answerHash.ts';
import { GENESIS_HASH, ledgerEntryHash } from './ledgerEntryHash.ts';
import { type StoredLedgerEntry, verifyLedger } from './verifyLedger.ts';

/** A well-formed chain of `n` entries, each with the answer it recorded. */
function chain(n: number): StoredLedgerEntry[] {
  const entries: StoredLedgerEntry[] = [];
  let prev: Hex = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const answer = { choice: seq % 2 ? 'pos' : 'neg', n: seq };
    const payload = {
      contributor: `0x${seq.toString(16).padStart(40, '0')}`,
      itemId: `item-${seq}`,
      answerHash: answerHash(answer),
      createdAt: new Date(Date.UTC(2026, 4, 1, 12, 0, seq)).toISOString(),
    };
    const hash = ledgerEntryHash(prev, payload);
    entries.push({ seq, ...payload, prevHash: prev, hash, answer });
    prev = hash;
  }
  return entries;
}

describe('verifyLedger', () => {
  it('accepts an intact chain of 5 entries and reports its head', () => {
    const entries = chain(5);
    expect(verifyLedger(entries)).toEqual({ ok: true, entries: 5, head: entries[4]!.hash, problem: null });
  });

  it('accepts an intact chain against the recorded head', () => {
    const entries = chain(5);
    expect(verifyLedger(entries, { seq: 5, hash: entries[4]!.hash })).toEqual({
      ok: true,
      entries: 5,
      head: entries[4]!.hash,
      problem: null,
    });
  });

  it('accepts an empty chain, with no head', () => {
    expect(verifyLedger([])).toEqual({ ok: true, entries: 0, head: null, problem: null });
    expect(verifyLedger([], { seq: 0, hash: GENESIS_HASH })).toEqual({
      ok: true,
      entries: 0,
      head: null,
      problem: null,
    });
  });

  it('accepts entries without their answers', () => {
    const entries = chain(3).map(({ answer: _answer, ...rest }) => rest);
    expect(verifyLedger(entries).ok).toBe(true);
  });

  it('compares hashes regardless of hex case', () => {
    const entries = chain(3).map((e) => ({
      ...e,
      hash: e.hash.toUpperCase().replace('0X', '0x') as Hex,
      prevHash: e.prevHash.toUpperCase().replace('0X', '0x') as Hex,
    }));
    const result = verifyLedger(entries);
    expect(result.ok).toBe(true);
    expect(result.entries).toBe(3);
  });

  it('accepts any iterable, such as a generator', () => {
    const entries = chain(4);
    function* walk() {
      yield* entries;
    }
    expect(verifyLedger(walk()).entries).toBe(4);
  });

  it('reports an edited contributor at that entry', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, contributor: `0x${'f'.repeat(40)}` };
    const result = verifyLedger(entries);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({
      seq: 3,
      reason: 'entry 3 was edited: its content no longer matches its hash',
    });
    expect(result.entries).toBe(2);
    expect(result.head).toBe(entries[1]!.hash);
  });

  it.each([
    ['itemId', { itemId: 'item-99' }],
    ['createdAt', { createdAt: '2030-01-01T00:00:00.000Z' }],
    ['answerHash', { answerHash: answerHash({ choice: 'other' }), answer: { choice: 'other' } }],
  ] as const)('reports an edited %s', (_field, change) => {
    const entries = chain(5);
    entries[3] = { ...entries[3]!, ...change };
    expect(verifyLedger(entries).problem).toEqual({
      seq: 4,
      reason: 'entry 4 was edited: its content no longer matches its hash',
    });
  });

  it('reports an entry whose hash was recomputed after an edit as not linking to the next', () => {
    const entries = chain(5);
    const edited = { ...entries[1]!, itemId: 'item-99' };
    edited.hash = ledgerEntryHash(edited.prevHash, edited);
    entries[1] = edited;
    expect(verifyLedger(entries).problem).toEqual({
      seq: 3,
      reason: 'entry 3 does not link to the hash of entry 2',
    });
  });

  it('reports a removed middle entry as missing', () => {
    const entries = chain(5);
    entries.splice(2, 1);
    const result = verifyLedger(entries);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ seq: 3, reason: 'entry 3 is missing (found 4 next)' });
    expect(result.entries).toBe(2);
  });

  it('reports a removed first entry as missing', () => {
    expect(verifyLedger(chain(3).slice(1)).problem).toEqual({
      seq: 1,
      reason: 'entry 1 is missing (found 2 next)',
    });
  });

  it('reports a swapped pair of entries', () => {
    const entries = chain(5);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyLedger(entries).problem).toEqual({ seq: 2, reason: 'entry 2 is missing (found 3 next)' });
  });

  it('reports a swapped pair whose sequence numbers were swapped too as a broken link', () => {
    const entries = chain(5);
    const [b, c] = [entries[1]!, entries[2]!];
    entries[1] = { ...c, seq: 2 };
    entries[2] = { ...b, seq: 3 };
    expect(verifyLedger(entries).problem).toEqual({
      seq: 2,
      reason: 'entry 2 does not link to the hash of entry 1',
    });
  });

  it('reports an answer changed after it was recorded', () => {
    const entries = chain(5);
    entries[4] = { ...entries[4]!, answer: { choice: 'changed', n: 5 } };
    const result = verifyLedger(entries);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({
      seq: 5,
      reason: 'the answer behind entry 5 was changed after it was recorded',
    });
    expect(result.entries).toBe(4);
  });

  it('accepts the same answer with its keys in another order', () => {
    const entries = chain(2);
    entries[0] = { ...entries[0]!, answer: { n: 1, choice: 'pos' } };
    expect(verifyLedger(entries).ok).toBe(true);
  });

  it('reports a chain cut off at the end against the recorded head', () => {
    const entries = chain(5);
    const head = { seq: 5, hash: entries[4]!.hash };
    const result = verifyLedger(entries.slice(0, 3), head);
    expect(result.ok).toBe(false);
    expect(result.problem).toEqual({ seq: 4, reason: 'the chain ends at entry 3 but its head says 5' });
    expect(result.entries).toBe(3);
  });

  it('reports a chain emptied entirely against the recorded head', () => {
    const entries = chain(2);
    expect(verifyLedger([], { seq: 2, hash: entries[1]!.hash }).problem).toEqual({
      seq: 1,
      reason: 'the chain ends at entry 0 but its head says 2',
    });
  });

  it('reports a last entry that does not match the recorded head hash', () => {
    const entries = chain(5);
    expect(verifyLedger(entries, { seq: 5, hash: entries[3]!.hash }).problem).toEqual({
      seq: 5,
      reason: 'the last entry does not match the recorded head',
    });
  });

  it('does not detect a truncated tail without the recorded head', () => {
    expect(verifyLedger(chain(5).slice(0, 3))).toMatchObject({ ok: true, entries: 3 });
  });
});
