import type { Hex } from 'viem';
import { answerHash } from './answerHash.ts';
import { GENESIS_HASH, ledgerEntryHash } from './ledgerEntryHash.ts';

export type StoredLedgerEntry = {
  seq: number;
  contributor: string;
  itemId: string;
  answerHash: Hex;
  createdAt: string;
  prevHash: Hex;
  hash: Hex;
  /** The answer as stored now, when it is still at hand: checked against the hash the ledger recorded. */
  answer?: unknown;
};

export type LedgerProblem = { seq: number; reason: string };

/**
 * Walks a project's chain in order and reports the first entry that was edited, removed or reordered:
 * a gap in sequence numbers, a broken link, a hash that does not match its content, or an answer that changed.
 * `expectedHead` is the head the database recorded separately; a chain cut off at the end shows up against it.
 */
export function verifyLedger(
  entries: Iterable<StoredLedgerEntry>,
  expectedHead?: { seq: number; hash: Hex },
): { ok: boolean; entries: number; head: Hex | null; problem: LedgerProblem | null } {
  let prev: Hex = GENESIS_HASH;
  let expectedSeq = 1;
  let count = 0;
  const fail = (seq: number, reason: string) => ({
    ok: false,
    entries: count,
    head: prev,
    problem: { seq, reason },
  });
  for (const e of entries) {
    if (e.seq !== expectedSeq)
      return fail(expectedSeq, `entry ${expectedSeq} is missing (found ${e.seq} next)`);
    if (e.prevHash.toLowerCase() !== prev.toLowerCase())
      return fail(e.seq, `entry ${e.seq} does not link to the hash of entry ${e.seq - 1}`);
    const hash = ledgerEntryHash(prev, {
      contributor: e.contributor,
      itemId: e.itemId,
      answerHash: e.answerHash,
      createdAt: e.createdAt,
    });
    if (hash.toLowerCase() !== e.hash.toLowerCase())
      return fail(e.seq, `entry ${e.seq} was edited: its content no longer matches its hash`);
    if (e.answer !== undefined && answerHash(e.answer).toLowerCase() !== e.answerHash.toLowerCase())
      return fail(e.seq, `the answer behind entry ${e.seq} was changed after it was recorded`);
    prev = e.hash;
    expectedSeq += 1;
    count += 1;
  }
  if (expectedHead) {
    if (expectedHead.seq !== count)
      return fail(count + 1, `the chain ends at entry ${count} but its head says ${expectedHead.seq}`);
    if (expectedHead.seq > 0 && expectedHead.hash.toLowerCase() !== prev.toLowerCase())
      return fail(count, 'the last entry does not match the recorded head');
  }
  return { ok: true, entries: count, head: count ? prev : null, problem: null };
}
