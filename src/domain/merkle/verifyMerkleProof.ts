import { hashPair } from './keccak.ts';

/** Whether `proof` leads from `leaf` to `root` with sorted-pair keccak256 (OpenZeppelin's MerkleProof.verify). */
export function verifyMerkleProof(root: Uint8Array, leaf: Uint8Array, proof: readonly Uint8Array[]): boolean {
  if (root.length !== 32 || leaf.length !== 32) return false;
  let node = leaf;
  for (const sibling of proof) {
    if (sibling.length !== 32) return false;
    node = hashPair(node, sibling);
  }
  return node.every((b, i) => b === root[i]);
}
