import { hashPairs } from './keccak.ts';

/** Proofs of a range of leaves: the k-th proof, packed as one buffer of 32-byte siblings, is the leaf given at input position positions[k]'s. */
export type ProofRange = { positions: Uint32Array; proofs: Uint8Array[] };

export type MerkleTree = {
  root: Uint8Array;
  /** The proof of the leaf given at input position `i`: its siblings from the bottom up. */
  proof(i: number): Uint8Array[];
  /**
   * The proofs of the leaves `from` … `to` - 1 in tree order (ascending), with each leaf's input position: a
   * range at a time, so storing every proof of a large tree never holds them all at once.
   */
  proofs(from: number, to: number): ProofRange;
};

/**
 * The tree `StandardMerkleTree.of` (@openzeppelin/merkle-tree) builds from already-hashed leaves, given one
 * after another in `leaves`: leaves sorted ascending, laid out as a complete binary tree in one array (leaf k
 * of the sorted order at node 2n-2-k), each internal node the keccak256 of its sorted children. Same root,
 * same proofs; all nodes in one flat buffer, hashed in WebAssembly a range of parents at a time.
 */
export function buildMerkleTree(leaves: Uint8Array): MerkleTree {
  if (leaves.length % 32 !== 0) throw new Error('Merkle leaves are 32-byte hashes, one after another');
  const n = leaves.length / 32;
  if (n === 0) throw new Error('a Merkle tree needs at least one leaf');
  const order = sortedOrder(leaves, n);
  const nodes = new Uint8Array((2 * n - 1) * 32);
  // Nodes are copied as 32-bit words, 8 a node: no object per node.
  const words = new Uint32Array(nodes.buffer, nodes.byteOffset, nodes.byteLength / 4);
  const aligned = leaves.byteOffset % 4 === 0 ? leaves : leaves.slice();
  const leafWords = new Uint32Array(aligned.buffer, aligned.byteOffset, n * 8);
  // position[input index] = the leaf's node index
  const position = new Uint32Array(n);
  for (let k = 0; k < n; k++) {
    const i = order[k]!;
    const at = 2 * n - 2 - k;
    for (let w = 0; w < 8; w++) words[at * 8 + w] = leafWords[i * 8 + w]!;
    position[i] = at;
  }
  // Parents lo..hi have children 2lo+1..2hi+2, all of them already hashed while 2lo+1 > hi.
  for (let hi = n - 2; hi >= 0; ) {
    const lo = Math.floor((hi + 1) / 2);
    hashPairs(nodes, 2 * lo + 1, hi - lo + 1, nodes, lo);
    hi = lo - 1;
  }

  const depthOf = (index: number) => {
    let d = 0;
    for (let i = index; i > 0; i = (i - 1) >> 1) d++;
    return d;
  };
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
  // Proofs go in tree order: neighbouring leaves share most siblings, so the reads stay in the cache.
  const proofs = (from: number, to: number): ProofRange => {
    if (!(from >= 0 && from <= to && to <= n))
      throw new Error(`no leaves ${from}…${to - 1} in a tree of ${n}`);
    const positions = order.slice(from, to);
    const depths = new Uint8Array(to - from);
    let total = 0;
    for (let k = 0; k < to - from; k++) total += depths[k] = depthOf(2 * n - 2 - (from + k));
    const all = new Uint32Array(total * 8);
    const packedProofs: Uint8Array[] = new Array(to - from);
    for (let k = 0, at = 0; k < to - from; at += depths[k]! * 8, k++) {
      copyProof(positions[k]!, all, at);
      packedProofs[k] = new Uint8Array(all.buffer, at * 4, depths[k]! * 32);
    }
    return { positions, proofs: packedProofs };
  };
  return {
    root: nodes.slice(0, 32),
    proof: (i) => {
      if (!(i >= 0 && i < n)) throw new Error(`no leaf ${i} in a tree of ${n}`);
      const p = packed(i);
      return Array.from({ length: p.length / 32 }, (_, k) => p.subarray(k * 32, k * 32 + 32));
    },
    proofs,
  };
}

/** The 32 bytes at a against those at b, byte by byte: negative, zero or positive. */
function compareLeaves(flat: Uint8Array, a: number, b: number): number {
  for (let i = 0; i < 32; i++) {
    const d = flat[a + i]! - flat[b + i]!;
    if (d !== 0) return d;
  }
  return 0;
}

/**
 * The input positions in ascending order of their 32-byte leaves, equal leaves in input order. A radix sort
 * on each leaf's first four bytes (two stable passes of 16 bits) settles almost every pair; the few runs
 * that share those bytes are sorted on the full 32.
 */
function sortedOrder(flat: Uint8Array, n: number): Uint32Array {
  const view = new DataView(flat.buffer, flat.byteOffset, flat.byteLength);
  const head = new Uint32Array(n);
  for (let i = 0; i < n; i++) head[i] = view.getUint32(i * 32);
  let order = Uint32Array.from({ length: n }, (_, i) => i);
  let spare = new Uint32Array(n);
  const counts = new Uint32Array(65_537);
  for (const shift of [0, 16]) {
    counts.fill(0);
    for (let i = 0; i < n; i++) counts[((head[i]! >>> shift) & 0xffff) + 1]!++;
    for (let d = 1; d <= 65_536; d++) counts[d]! += counts[d - 1]!;
    for (const i of order) spare[counts[(head[i]! >>> shift) & 0xffff]!++] = i;
    [order, spare] = [spare, order];
  }
  for (let start = 0; start < n; ) {
    let end = start + 1;
    while (end < n && head[order[end]!] === head[order[start]!]) end++;
    if (end - start > 1)
      order.subarray(start, end).sort((a, b) => compareLeaves(flat, a * 32, b * 32) || a - b);
    start = end;
  }
  return order;
}
