import { bytesToHex, type Hex, hexToBytes } from 'viem';
import { projectKey } from '../chain/projectKey.ts';
import { answerHash } from '../ledger/answerHash.ts';
import { ledgerEntryHash } from '../ledger/ledgerEntryHash.ts';
import { provenanceLeaves } from '../merkle/standardLeaf.ts';
import { verifyMerkleProof } from '../merkle/verifyMerkleProof.ts';

/** What a manifest's proof line says about one exported answer. */
export type ProofLine = {
  answerId: string;
  seq: number;
  entryHash: Hex;
  prevHash: Hex;
  contributor: string;
  itemId: string;
  answerHash: Hex;
  createdAt: string;
  batchId: Hex | null;
  proof: Hex[];
};

/**
 * Re-derives one exported answer's provenance: the exported answer hashes to the ledger's answer hash, the
 * entry's payload and previous hash hash to its entry hash, and the leaf built from that recomputed hash
 * climbs the proof to its batch's root. Returns the problems found, none when it checks out.
 */
export function checkRecord(
  projectId: string,
  line: ProofLine,
  exportedAnswer: unknown,
  batchRoot: Hex | undefined,
): string[] {
  const problems: string[] = [];
  const recomputedAnswer = answerHash(exportedAnswer);
  if (recomputedAnswer !== line.answerHash)
    problems.push(`the exported answer hashes to ${recomputedAnswer}, not the ledger's ${line.answerHash}`);
  const entry = ledgerEntryHash(line.prevHash, {
    contributor: line.contributor,
    itemId: line.itemId,
    answerHash: line.answerHash,
    createdAt: line.createdAt,
  });
  if (entry !== line.entryHash)
    problems.push(`ledger entry ${line.seq} hashes to ${entry}, not its recorded ${line.entryHash}`);
  if (line.batchId === null) {
    problems.push(`ledger entry ${line.seq} is not in an anchored batch yet`);
    return problems;
  }
  if (batchRoot === undefined) {
    problems.push(`batch ${line.batchId} is not listed in the manifest`);
    return problems;
  }
  const leaf = provenanceLeaves([
    { projectId: hexToBytes(projectKey(projectId)), seq: BigInt(line.seq), entryHash: hexToBytes(entry) },
  ]);
  if (
    !verifyMerkleProof(
      hexToBytes(batchRoot),
      leaf,
      line.proof.map((h) => hexToBytes(h)),
    )
  )
    problems.push(`the proof of leaf ${bytesToHex(leaf)} does not lead to batch root ${batchRoot}`);
  return problems;
}
