import { buildMerkleTree, type MerkleTree } from '../merkle/buildMerkleTree.ts';
import { type ShareLeafValue, shareLeaves } from '../merkle/standardLeaf.ts';

/**
 * The Merkle tree of a dataset's co-owners: one `(address account, uint256 weight)` leaf each, in OpenZeppelin
 * StandardMerkleTree encoding, so `MerkleProof.verify` on chain accepts its proofs. `proof(i)` is the proof of
 * `shares[i]`.
 */
export function shareTree(shares: readonly ShareLeafValue[]): MerkleTree {
  return buildMerkleTree(shareLeaves(shares));
}
