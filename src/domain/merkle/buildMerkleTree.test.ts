import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, hexToBytes, keccak256, numberToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildMerkleTree } from './buildMerkleTree.ts';
import { provenanceLeaf, rewardLeaf } from './standardLeaf.ts';
import { verifyMerkleProof } from './verifyMerkleProof.ts';

const address = (i: number) => `0x${keccak256(numberToHex(i, { size: 32 })).slice(26)}`;
const TOKEN = '0x5FbDB2315678afecb367f032d93F642f64180aa3';

function rewardValues(n: number): [string, string, bigint][] {
  // Some accounts repeat with the same amount: the library keeps duplicate leaves, and so must we.
  return Array.from({ length: n }, (_, i) => [
    address(i % 7 === 6 ? i - 1 : i),
    TOKEN,
    BigInt((i % 7 === 6 ? i - 1 : i) * 1000 + 1),
  ]);
}

describe('buildMerkleTree', () => {
  for (const n of [1, 2, 3, 4, 5, 7, 8, 13, 100, 1000]) {
    it(`gives @openzeppelin/merkle-tree's root and proofs for ${n} leaves`, () => {
      const values = rewardValues(n);
      const reference = StandardMerkleTree.of(values, ['address', 'address', 'uint256']);
      const tree = buildMerkleTree(values.map(([a, t, v]) => rewardLeaf(a, t, v)));
      expect(bytesToHex(tree.root)).toBe(reference.root);
      const packed = tree.proofsPacked();
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

  it('rejects a tampered leaf or proof', () => {
    const values = rewardValues(9);
    const tree = buildMerkleTree(values.map(([a, t, v]) => rewardLeaf(a, t, v)));
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
    expect(() => buildMerkleTree([])).toThrow(/at least one leaf/);
    expect(() => buildMerkleTree([new Uint8Array(31)])).toThrow(/32-byte/);
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
    expect(bytesToHex(provenanceLeaf(hexToBytes(project), 42n, hexToBytes(entry)))).toBe(
      provenance.leafHash(values),
    );
  });

  it('refuses values that do not fit', () => {
    expect(() => rewardLeaf('0x12', TOKEN, 1n)).toThrow(/not an address/);
    expect(() => rewardLeaf(address(1), TOKEN, -1n)).toThrow(/uint256/);
    expect(() => rewardLeaf(address(1), TOKEN, 2n ** 256n)).toThrow(/uint256/);
  });
});
