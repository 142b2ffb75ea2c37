import { bytesToHex, type Hex, hexToBytes, keccak256, stringToBytes } from 'viem';
import { projectKey } from '../../domain/chain/projectKey.ts';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import { buildMerkleTree } from '../../domain/merkle/buildMerkleTree.ts';
import { provenanceLeaves } from '../../domain/merkle/standardLeaf.ts';
import type { Chain, ProvenanceEntry, ProvenanceStore } from '../chainPorts.ts';
import type { Clock } from '../ports.ts';

/** The leaves of ledger entries in a provenance batch, one after another. */
export function entryLeaves(entries: readonly ProvenanceEntry[]): Uint8Array {
  return provenanceLeaves(
    entries.map((e) => ({
      projectId: hexToBytes(projectKey(e.projectId)),
      seq: BigInt(e.seq),
      entryHash: hexToBytes(e.hash),
    })),
  );
}

/** What a batch covers, per project: the first and last sequence numbers. Its hash goes on chain. */
export function batchManifest(entries: ProvenanceEntry[], root: Hex) {
  const ranges = new Map<string, [number, number]>();
  for (const e of entries) {
    const r = ranges.get(e.projectId);
    if (r) r[1] = e.seq;
    else ranges.set(e.projectId, [e.seq, e.seq]);
  }
  return {
    format: 'caravan-provenance-1',
    leaf: ['bytes32 projectId', 'uint256 seq', 'bytes32 entryHash'],
    root,
    count: entries.length,
    projects: Object.fromEntries(ranges),
  };
}

export type AnchorStep = { step: 'idle' } | { step: 'anchored'; batchId: Hex; count: number; txHash: Hex };

/**
 * Batches the ledger entries not anchored yet into one Merkle tree and anchors its root on chain. The batch and
 * every proof are stored before the transaction is sent, and the transaction goes through the journal under
 * the batch's id, so a crash at any step anchors that same batch once.
 */
export async function anchorLedger(
  deps: { chain: Chain; provenance: ProvenanceStore; clock: Clock },
  maxEntries = 10_000,
): Promise<AnchorStep> {
  const { chain, provenance, clock } = deps;
  let batch = await provenance.builtBatch();
  if (!batch) {
    const entries = await provenance.unbatched(maxEntries);
    if (!entries.length) return { step: 'idle' };
    const tree = buildMerkleTree(entryLeaves(entries));
    const root = bytesToHex(tree.root);
    const manifest = batchManifest(entries, root);
    const manifestHash = keccak256(stringToBytes(canonicalJson(manifest)));
    const batchId = keccak256(stringToBytes(canonicalJson({ chainId: chain.chainId, manifestHash })));
    await provenance.saveBatch({
      batchId,
      root,
      manifestHash,
      entries,
      proofs: tree.proofs,
      now: clock.now(),
    });
    batch = {
      batchId,
      root,
      count: entries.length,
      manifestHash,
      status: 'built',
      txHash: null,
      blockNumber: null,
      anchoredAt: null,
    };
  }
  const tx = await chain.anchor(`anchor:${batch.batchId}`, {
    batchId: batch.batchId,
    root: batch.root,
    count: batch.count,
    manifestHash: batch.manifestHash,
  });
  await provenance.markAnchored(batch.batchId, tx, clock.now());
  return { step: 'anchored', batchId: batch.batchId, count: batch.count, txHash: tx.hash };
}
