import { SimpleMerkleTree, StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, hexToBytes, keccak256, numberToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildMerkleTree, type ProofRange } from './buildMerkleTree.ts';
import { provenanceLeaves, rewardLeaves } from './standardLeaf.ts';
import { verifyMerkleProof } from './verifyMerkleProof.ts';

const address = (i: number) => `0x${keccak256(numberToHex(i, { size: 32 })).slice(26)}`;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

const rewardLeaf = (account: string, token: string, cumulativeWei: bigint) =>
  rewardLeaves([{ account, token, cumulativeWei }]);

function rewardValues(n: number): [string, string, bigint][] {
  // Some accounts repeat with the same amount: the library keeps duplicate leaves, and so must we.
  return Array.from({ length: n }, (_, i) => [
    address(i % 7 === 6 ? i - 1 : i),
    TOKEN,
    BigInt((i % 7 === 6 ? i - 1 : i) * 1000 + 1),
  ]);
}

/** A proof range put back in the order the leaves were given. */
function inInputOrder(range: ProofRange): Uint8Array[] {
  const out: Uint8Array[] = [];
  range.positions.forEach((position, k) => {
    out[position] = range.proofs[k]!;
  });
  return out;
}

describe('buildMerkleTree', () => {
  for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 100, 1000]) {
    it(`gives @openzeppelin/merkle-tree's root and proofs for ${n} leaves`, () => {
      const values = rewardValues(n);
      const reference = StandardMerkleTree.of(values, ['address', 'address', 'uint256']);
      const tree = buildMerkleTree(
        rewardLeaves(values.map(([account, token, cumulativeWei]) => ({ account, token, cumulativeWei }))),
      );
      expect(bytesToHex(tree.root)).toBe(reference.root);
      const packed = inInputOrder(tree.proofs(0, n));
      for (let i = 0; i < n; i++) {
        const expected = reference.getProof(i);
        expect(tree.proof(i).map((p) => bytesToHex(p))).toEqual(expected);
        expect(bytesToHex(packed[i]!)).toBe(
          expected.length ? `0x${expected.map((h) => h.slice(2)).join('')}` : '0x',
        );
        const leaf = hexToBytes(reference.leafHash(values[i]!) as `0x${string}`);
        expect(verifyMerkleProof(tree.root, leaf, tree.proof(i))).toBe(true);
      }
    });
  }

  it('orders leaves that share their first bytes like the library', () => {
    // Every third leaf starts with the same four bytes, so the order falls to the bytes after them.
    const n = 3000;
    let seed = 11;
    const leaves = Uint8Array.from({ length: n * 32 }, () => {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      return seed >>> 24;
    });
    for (let i = 0; i < n; i += 3) leaves.set([0xab, 0xcd, 0xef, 0x01], i * 32);
    leaves.copyWithin(7 * 32, 4 * 32, 5 * 32); // a duplicate in a shared-prefix run
    const tree = buildMerkleTree(leaves);
    const reference = SimpleMerkleTree.of(
      Array.from({ length: n }, (_, i) => leaves.subarray(i * 32, i * 32 + 32)),
    );
    expect(bytesToHex(tree.root)).toBe(reference.root);
    const packed = inInputOrder(tree.proofs(0, n));
    for (const i of [0, 3, 4, 7, 9, 1000, 2001, n - 1])
      expect(bytesToHex(packed[i]!)).toBe(
        `0x${reference
          .getProof(i)
          .map((h) => h.slice(2))
          .join('')}`,
      );
  });

  it('hands out proofs a range at a time, every leaf once, and refuses ranges outside the tree', () => {
    const values = rewardValues(100);
    const tree = buildMerkleTree(
      rewardLeaves(values.map(([account, token, cumulativeWei]) => ({ account, token, cumulativeWei }))),
    );
    const whole = tree.proofs(0, 100);
    const parts = [tree.proofs(0, 1), tree.proofs(1, 40), tree.proofs(40, 40), tree.proofs(40, 100)];
    expect(parts.flatMap((p) => [...p.positions])).toEqual([...whole.positions]);
    expect(parts.flatMap((p) => p.proofs.map((x) => bytesToHex(x)))).toEqual(
      whole.proofs.map((x) => bytesToHex(x)),
    );
    expect([...whole.positions].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(() => tree.proofs(0, 101)).toThrow(/no leaves/);
    expect(() => tree.proofs(5, 4)).toThrow(/no leaves/);
  });

  it('rejects a tampered leaf or proof', () => {
    const values = rewardValues(9);
    const tree = buildMerkleTree(
      rewardLeaves(values.map(([account, token, cumulativeWei]) => ({ account, token, cumulativeWei }))),
    );
    const leaf = rewardLeaf(values[3]![0], TOKEN, values[3]![2]);
    expect(verifyMerkleProof(tree.root, leaf, tree.proof(3))).toBe(true);
    expect(
      verifyMerkleProof(tree.root, rewardLeaf(values[3]![0], TOKEN, values[3]![2] + 1n), tree.proof(3)),
    ).toBe(false);
    const proof = tree.proof(3).map((p) => p.slice());
    proof[0]![0]! ^= 1;
    expect(verifyMerkleProof(tree.root, leaf, proof)).toBe(false);
    expect(verifyMerkleProof(tree.root, leaf, tree.proof(4))).toBe(false);
  });

  it('refuses an empty tree and leaves that are not 32 bytes', () => {
    expect(() => buildMerkleTree(new Uint8Array(0))).toThrow(/at least one leaf/);
    expect(() => buildMerkleTree(new Uint8Array(63))).toThrow(/32-byte/);
  });
});

describe('leaves', () => {
  it('encode like the library for rewards and provenance', () => {
    const reward = StandardMerkleTree.of(
      [[address(1), TOKEN, 2n ** 200n]],
      ['address', 'address', 'uint256'],
    );
    expect(bytesToHex(rewardLeaf(address(1), TOKEN, 2n ** 200n))).toBe(
      reward.leafHash([address(1), TOKEN, 2n ** 200n]),
    );
    const project = `0x${'ab'.repeat(16)}${'00'.repeat(16)}` as const;
    const entry = keccak256('0x1234');
    const values: [string, bigint, string] = [project, 42n, entry];
    const provenance = StandardMerkleTree.of([values], ['bytes32', 'uint256', 'bytes32']);
    expect(
      bytesToHex(
        provenanceLeaves([{ projectId: hexToBytes(project), seq: 42n, entryHash: hexToBytes(entry) }]),
      ),
    ).toBe(provenance.leafHash(values));
  });

  it('refuses values that do not fit', () => {
    expect(() => rewardLeaf('0x12', TOKEN, 1n)).toThrow(/not an address/);
    expect(() => rewardLeaf(address(1), TOKEN, -1n)).toThrow(/uint256/);
    expect(() => rewardLeaf(address(1), TOKEN, 2n ** 256n)).toThrow(/uint256/);
  });
});
