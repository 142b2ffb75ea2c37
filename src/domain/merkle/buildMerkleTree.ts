import { hashPairInto, lessOrEqual } from './hashPair.ts';

export type MerkleTree = {
  root: Uint8Array;
  /** The proof of the leaf given at input position `i`: its siblings from the bottom up. */
  proof(i: number): Uint8Array[];
  /** Every leaf's proof in input order, each packed as one buffer of 32-byte siblings (for storing). */
  proofsPacked(): Uint8Array[];
};

/**
 * The tree `StandardMerkleTree.of` (@openzeppelin/merkle-tree) builds from already-hashed leaves: leaves sorted
 * ascending, laid out as a complete binary tree in one array (leaf i of the sorted order at 2n-2-i),
 * internal nodes the keccak256 of their sorted children. Same root, same proofs; all nodes in one flat buffer.
 */
export function buildMerkleTree(leaves: readonly Uint8Array[]): MerkleTree {
  const n = leaves.length;
  if (n === 0) throw new Error('a Merkle tree needs at least one leaf');
  for (const leaf of leaves) if (leaf.length !== 32) throw new Error('Merkle leaves are 32-byte hashes');
  const flat = new Uint8Array(n * 32);
  for (let i = 0; i < n; i++) flat.set(leaves[i]!, i * 32);
  const order = sortedOrder(flat, n);

  const nodes = new Uint8Array((2 * n - 1) * 32);
  // position[input index] = the leaf's node index
  const position = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const at = 2 * n - 2 - k;
    nodes.set(flat.subarray(order[k]! * 32, order[k]! * 32 + 32), at * 32);
    position[order[k]!] = at;
  }
  for (let i = n - 2; i >= 0; i--)
    hashPairInto(nodes, (2 * i + 1) * 32, nodes, (2 * i + 2) * 32, nodes, i * 32);

  const depthOf = (index: number) => {
    let d = 0;
    for (let i = index; i > 0; i = (i - 1) >> 1) d++;
    return d;
  };
  // Proofs are copied as 32-bit words (8 per node) into one buffer: no allocation per sibling.
  const words = new Uint32Array(nodes.buffer, nodes.byteOffset, nodes.byteLength / 4);
  const copyProof = (i: number, into: Uint32Array, at: number) => {
    let index = position[i]!;
    for (let o = at; index > 0; o += 8) {
      const from = (index % 2 === 1 ? index + 1 : index - 1) * 8;
      for (let w = 0; w < 8; w++) into[o + w] = words[from + w]!;
      index = (index - 1) >> 1;
    }
  };
  const packed = (i: number) => {
    const out = new Uint32Array(depthOf(position[i]!) * 8);
    copyProof(i, out, 0);
    return new Uint8Array(out.buffer);
  };
  const allPacked = () => {
    const depths = new Uint8Array(n);
    let total = 0;
    for (let i = 0; i < n; i++) {
      depths[i] = depthOf(position[i]!);
      total += depths[i]!;
    }
    const all = new Uint32Array(total * 8);
    const out: Uint8Array[] = new Array(n);
    for (let i = 0, at = 0; i < n; at += depths[i]! * 8, i++) {
      copyProof(i, all, at);
      out[i] = new Uint8Array(all.buffer, at * 4, depths[i]! * 32);
    }
    return out;
  };
  return {
    root: nodes.slice(0, 32),
    proof: (i) => {
      if (!(i >= 0 && i < n)) throw new Error(`no leaf ${i} in a tree of ${n}`);
      const p = packed(i);
      return Array.from({ length: p.length / 32 }, (_, k) => p.subarray(k * 32, k * 32 + 32));
    },
    proofsPacked: allPacked,
  };
}

/** The input positions in ascending order of their 32-byte leaves (stable for equal leaves). */
function sortedOrder(flat: Uint8Array, n: number): Uint32Array {
  // The first four bytes as a number settle almost every comparison; ties fall back to the full bytes.
  const view = new DataView(flat.buffer, flat.byteOffset, flat.byteLength);
  const head = new Uint32Array(n);
  for (let i = 0; i < n; i++) head[i] = view.getUint32(i * 32);
  const order = Array.from({ length: n }, (_, i) => i);
  order.sort((a, b) => {
    const x = head[a]!;
    const y = head[b]!;
    if (x !== y) return x < y ? -1 : 1;
    if (lessOrEqual(flat, a * 32, flat, b * 32)) return lessOrEqual(flat, b * 32, flat, a * 32) ? a - b : -1;
    return 1;
  });
  return Uint32Array.from(order);
}
