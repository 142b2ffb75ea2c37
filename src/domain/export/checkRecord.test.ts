import { bytesToHex, type Hex, hexToBytes } from 'viem';
import { describe, expect, it } from 'vitest';
import { projectKey } from '../chain/projectKey.ts';
import { answerHash } from '../ledger/answerHash.ts';
import { GENESIS_HASH, ledgerEntryHash } from '../ledger/ledgerEntryHash.ts';
import { buildMerkleTree } from '../merkle/buildMerkleTree.ts';
import { provenanceLeaves } from '../merkle/standardLeaf.ts';
import { checkRecord, type ProofLine } from './checkRecord.ts';

const projectId = '0b0e7f7e-4a43-4c43-9b3b-1e6d2f7a9c11';

/** Three chained entries in one batch, with their proofs, as an export writes them. */
function batch() {
  const answers = [{ choice: 'y' }, { choice: 'n' }, { choice: 'y' }];
  let prev: Hex = GENESIS_HASH;
  const lines: ProofLine[] = answers.map((answer, i) => {
    const payload = {
      contributor: '0x70997970c51812dc3a010c7d01b50e0d17dc79c8',
      itemId: String(10 + i),
      answerHash: answerHash(answer),
      createdAt: `2026-01-0${i + 1}T00:00:00.000Z`,
    };
    const entryHash = ledgerEntryHash(prev, payload);
    const line = {
      answerId: String(i + 1),
      seq: i + 1,
      entryHash,
      prevHash: prev,
      ...payload,
      batchId: `0x${'ab'.repeat(32)}` as Hex,
      proof: [],
    };
    prev = entryHash;
    return line;
  });
  const leaves = provenanceLeaves(
    lines.map((l) => ({
      projectId: hexToBytes(projectKey(projectId)),
      seq: BigInt(l.seq),
      entryHash: hexToBytes(l.entryHash),
    })),
  );
  const tree = buildMerkleTree(leaves);
  const { positions, proofs } = tree.proofs(0, lines.length);
  positions.forEach((p, k) => {
    const proof = proofs[k]!;
    lines[p]!.proof = Array.from({ length: proof.length / 32 }, (_, j) =>
      bytesToHex(proof.subarray(j * 32, j * 32 + 32)),
    );
  });
  return { answers, lines, root: bytesToHex(tree.root) };
}

describe('checkRecord', () => {
  it('passes an untouched record', () => {
    const { answers, lines, root } = batch();
    for (const [i, line] of lines.entries())
      expect(checkRecord(projectId, line, answers[i], root)).toEqual([]);
  });

  it('names a changed answer, a changed entry, a wrong proof and a missing batch', () => {
    const { answers, lines, root } = batch();
    expect(checkRecord(projectId, lines[0]!, { choice: 'n' }, root)[0]).toMatch(
      /^the exported answer hashes to 0x/,
    );
    const edited = { ...lines[1]!, createdAt: '2026-02-01T00:00:00.000Z' };
    const problems = checkRecord(projectId, edited, answers[1], root);
    expect(problems[0]).toMatch(/^ledger entry 2 hashes to/);
    expect(problems[1]).toMatch(/does not lead to batch root/);
    expect(checkRecord(projectId, { ...lines[2]!, proof: lines[0]!.proof }, answers[2], root)).toHaveLength(
      1,
    );
    expect(checkRecord(projectId, lines[2]!, answers[2], undefined)).toEqual([
      `batch ${lines[2]!.batchId} is not listed in the manifest`,
    ]);
    expect(checkRecord(projectId, { ...lines[2]!, batchId: null }, answers[2], root)).toEqual([
      'ledger entry 3 is not in an anchored batch yet',
    ]);
  });
});
