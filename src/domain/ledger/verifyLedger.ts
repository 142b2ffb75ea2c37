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

export type LedgerCheckResult = {
  ok: boolean;
  entries: number;
  head: Hex | null;
  problem: LedgerProblem | null;
};

/**
 * Walks a project's chain in order and reports the first entry that was edited, removed or reordered:
 * a gap in sequence numbers, a broken link, a hash that does not match its content, or an answer that changed.
 * `expectedHead` is the head the database recorded separately; a chain cut off at the end shows up against it.
 */
export function verifyLedger(
  entries: Iterable<StoredLedgerEntry>,
  expectedHead?: { seq: number; hash: Hex },
): LedgerCheckResult {
  const checker = ledgerChecker();
  for (const e of entries) if (!checker.add(e)) break;
  return checker.finish(expectedHead);
}

/** The same check, fed one entry at a time, so a long chain can be streamed from the database. */
export function ledgerChecker() {
  let prev: Hex = GENESIS_HASH;
  let count = 0;
  let problem: LedgerProblem | null = null;
  return {
    /** Checks the next entry; false once a problem is found (later entries change nothing). */
    add(e: StoredLedgerEntry): boolean {
      if (problem) return false;
      const expectedSeq = count + 1;
      if (e.seq !== expectedSeq)
        problem = { seq: expectedSeq, reason: `entry ${expectedSeq} is missing (found ${e.seq} next)` };
      else if (e.prevHash.toLowerCase() !== prev.toLowerCase())
        problem = { seq: e.seq, reason: `entry ${e.seq} does not link to the hash of entry ${e.seq - 1}` };
      else {
        const payload = {
          contributor: e.contributor,
          itemId: e.itemId,
          answerHash: e.answerHash,
          createdAt: e.createdAt,
        };
        if (ledgerEntryHash(prev, payload).toLowerCase() !== e.hash.toLowerCase())
          problem = {
            seq: e.seq,
            reason: `entry ${e.seq} was edited: its content no longer matches its hash`,
          };
        else if (e.answer !== undefined && answerHash(e.answer).toLowerCase() !== e.answerHash.toLowerCase())
          problem = {
            seq: e.seq,
            reason: `the answer behind entry ${e.seq} was changed after it was recorded`,
          };
      }
      if (problem) return false;
      prev = e.hash;
      count += 1;
      return true;
    },
    finish(expectedHead?: { seq: number; hash: Hex }): LedgerCheckResult {
      if (!problem && expectedHead) {
        if (expectedHead.seq !== count)
          problem = {
            seq: count + 1,
            reason: `the chain ends at entry ${count} but its head says ${expectedHead.seq}`,
          };
        else if (count > 0 && expectedHead.hash.toLowerCase() !== prev.toLowerCase())
          problem = { seq: count, reason: 'the last entry does not match the recorded head' };
      }
      if (problem) return { ok: false, entries: count, head: count ? prev : null, problem };
      return { ok: true, entries: count, head: count ? prev : null, problem: null };
    },
  };
}
