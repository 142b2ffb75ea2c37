import { bytesToHex, type Hex, hexToBytes } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { answerHash } from '../../domain/ledger/answerHash.ts';
import { ledgerEntryHash } from '../../domain/ledger/ledgerEntryHash.ts';
import { verifyMerkleProof } from '../../domain/merkle/verifyMerkleProof.ts';
import type { AnswerProvenance, Chain, ProvenanceStore } from '../chainPorts.ts';
import { entryLeaves } from './anchorLedger.ts';

export type ProofCheck = { name: string; ok: boolean | null; detail: string };

export type AnswerVerification = {
  provenance: AnswerProvenance;
  leaf: Hex | null;
  checks: ProofCheck[];
  /** Every check passed, against the chain. */
  verified: boolean;
};

/**
 * Proves one contribution: its answer still hashes to what the ledger recorded, the ledger entry's hash
 * covers its content, the entry's leaf and proof lead to its batch root, and that root is the one anchored
 * on chain under the batch's id. A check that cannot be made yet (not anchored) is null, not a pass.
 */
export async function verifyAnswer(
  deps: { provenance: ProvenanceStore; chain: Chain | null },
  answerId: string,
): Promise<AnswerVerification> {
  const p = await deps.provenance.answer(answerId);
  if (!p) throw new DomainError('NOT_FOUND', `no answer ${answerId}`);
  const checks: ProofCheck[] = [];
  const storedAnswer = answerHash(p.answer);
  checks.push({
    name: 'answer',
    ok: storedAnswer === p.answerHash,
    detail:
      storedAnswer === p.answerHash
        ? 'the stored answer hashes to the hash the ledger recorded'
        : `the stored answer hashes to ${storedAnswer}, but the ledger recorded ${p.answerHash}: it was changed`,
  });
  const entryHash = ledgerEntryHash(p.prevHash, {
    contributor: p.contributor,
    itemId: p.itemId,
    answerHash: p.answerHash,
    createdAt: p.createdAt,
  });
  checks.push({
    name: 'ledger entry',
    ok: entryHash === p.hash,
    detail:
      entryHash === p.hash
        ? `entry ${p.seq} hashes to ${p.hash}`
        : `entry ${p.seq}'s content hashes to ${entryHash}, not its recorded hash ${p.hash}: it was changed`,
  });
  if (!p.batch) {
    checks.push({
      name: 'batch',
      ok: null,
      detail: 'not in a provenance batch yet; batches are anchored every round',
    });
    return { provenance: p, leaf: null, checks, verified: false };
  }
  // The leaf is rebuilt from the recomputed entry hash, so a changed entry cannot reuse the old leaf.
  const leaf = entryLeaves([{ projectId: p.projectId, seq: p.seq, hash: entryHash }]);
  const inBatch = verifyMerkleProof(
    hexToBytes(p.batch.root),
    leaf,
    p.proof.map((h) => hexToBytes(h)),
  );
  checks.push({
    name: 'merkle proof',
    ok: inBatch,
    detail: inBatch
      ? `the proof (${p.proof.length} hashes) leads from the entry's leaf to the batch root ${p.batch.root}`
      : `the proof does not lead to the batch root ${p.batch.root}`,
  });
  if (!deps.chain) {
    checks.push({ name: 'chain', ok: null, detail: 'this server has no chain to check the anchor against' });
    return { provenance: p, leaf: bytesToHex(leaf), checks, verified: false };
  }
  const onChain = await deps.chain.batch(p.batch.batchId);
  const anchored = onChain !== null && onChain.root === p.batch.root && onChain.count === p.batch.count;
  checks.push({
    name: 'anchor',
    ok: onChain === null ? null : anchored,
    detail:
      onChain === null
        ? `batch ${p.batch.batchId} is not anchored on chain yet`
        : anchored
          ? `the provenance registry holds root ${onChain.root} for batch ${p.batch.batchId} (${onChain.count} entries, ${onChain.anchoredAt.toISOString()})`
          : `the chain holds root ${onChain.root} (${onChain.count} entries) for this batch, not ${p.batch.root}`,
  });
  if (p.batch.txHash) {
    const tx = await deps.chain.tx(p.batch.txHash);
    checks.push({
      name: 'transaction',
      ok: tx?.status === 'success',
      detail: tx
        ? `${p.batch.txHash} mined in block ${tx.blockNumber} (${tx.status})`
        : `${p.batch.txHash} not found on chain`,
    });
  }
  return {
    provenance: p,
    leaf: bytesToHex(leaf),
    checks,
    verified: checks.every((c) => c.ok === true),
  };
}
