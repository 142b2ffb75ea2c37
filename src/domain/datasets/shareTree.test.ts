import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import { bytesToHex, getAddress, hexToBytes, keccak256, numberToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import { shareLeaves } from '../merkle/standardLeaf.ts';
import { verifyMerkleProof } from '../merkle/verifyMerkleProof.ts';
import { shareTree } from './shareTree.ts';

const address = (i: number) => getAddress(`0x${keccak256(numberToHex(i, { size: 32 })).slice(26)}`);

describe('shareTree', () => {
  for (const n of [1, 2, 3, 5, 8, 33, 500])
    it(`has StandardMerkleTree.of(values, ['address', 'uint256'])'s root and proofs for ${n} co-owners`, () => {
      const shares = Array.from({ length: n }, (_, i) => ({
        account: address(i),
        weight: BigInt(i) * 1_234_567n + 1n,
      }));
      const values = shares.map((s) => [s.account, s.weight] as [string, bigint]);
      const reference = StandardMerkleTree.of(values, ['address', 'uint256']);
      const tree = shareTree(shares);
      expect(bytesToHex(tree.root)).toBe(reference.root);
      for (let i = 0; i < n; i++) {
        const proof = tree.proof(i);
        expect(proof.map((p) => bytesToHex(p))).toEqual(reference.getProof(i));
        const leaf = hexToBytes(reference.leafHash(values[i]!) as `0x${string}`);
        expect(bytesToHex(shareLeaves([shares[i]!]))).toBe(bytesToHex(leaf));
        expect(verifyMerkleProof(tree.root, leaf, proof)).toBe(true);
        expect(
          StandardMerkleTree.verify(
            reference.root,
            ['address', 'uint256'],
            values[i]!,
            reference.getProof(i),
          ),
        ).toBe(true);
      }
    });

  it('gives a different root when one weight changes by one, and a proof that no longer verifies', () => {
    const shares = [0, 1, 2, 3].map((i) => ({ account: address(i), weight: 1000n + BigInt(i) }));
    const tree = shareTree(shares);
    const changed = shares.map((s, i) => (i === 2 ? { ...s, weight: s.weight + 1n } : s));
    expect(bytesToHex(shareTree(changed).root)).not.toBe(bytesToHex(tree.root));
    expect(verifyMerkleProof(tree.root, shareLeaves([changed[2]!]), tree.proof(2))).toBe(false);
  });

  it('refuses a weight that does not fit a uint256 and an account that is not an address', () => {
    expect(() => shareTree([{ account: address(1), weight: 1n << 256n }])).toThrow(/uint256/);
    expect(() => shareTree([{ account: address(1), weight: -1n }])).toThrow(/uint256/);
    expect(() => shareTree([{ account: '0x1234', weight: 1n }])).toThrow(/not an address/);
  });
});
