import { StandardMerkleTree } from '@openzeppelin/merkle-tree';
import fc from 'fast-check';
import { bytesToHex, getAddress } from 'viem';
import { describe, expect, it } from 'vitest';
import { buildMerkleTree, type MerkleTree } from './buildMerkleTree.ts';
import {
  type ProvenanceLeafValue,
  provenanceLeaves,
  type RewardLeafValue,
  rewardLeaves,
} from './standardLeaf.ts';
import { verifyMerkleProof } from './verifyMerkleProof.ts';

const MAX_UINT256 = (1n << 256n) - 1n;

// Values come from small pools as well as from anywhere, so leaf sets hold duplicates, shared accounts and
// leaves that differ in one field only.
const address = fc.oneof(
  fc.constantFrom('0x5fbdb2315678afecb367f032d93f642f64180aa3', '0x00000000000000000000000000000000000000a1'),
  fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b)),
  fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => getAddress(bytesToHex(b))),
);
const amount = fc.oneof(
  fc.constantFrom(0n, 1n, 2n ** 200n, MAX_UINT256),
  fc.bigInt({ min: 0n, max: 2n ** 200n }),
  fc.bigInt({ min: 0n, max: MAX_UINT256 }),
);
const rewardValue: fc.Arbitrary<RewardLeafValue> = fc.record({
  account: address,
  token: address,
  cumulativeWei: amount,
});

/** 1 to `most` values, some of them repeated. */
function withRepeats<T>(value: fc.Arbitrary<T>, most: number): fc.Arbitrary<T[]> {
  return fc
    .tuple(
      fc.array(value, { minLength: 1, maxLength: most, size: 'max' }),
      fc.array(fc.nat(), { maxLength: 10 }),
    )
    .map(([values, repeats]) => {
      const out = [...values];
      for (const r of repeats)
        if (out.length < most) out.splice(r % (out.length + 1), 0, values[r % values.length]!);
      return out;
    });
}

const bytes32 = fc.uint8Array({ minLength: 32, maxLength: 32 });
const provenanceValue: fc.Arbitrary<ProvenanceLeafValue> = fc.record({
  projectId: fc.oneof(fc.constant(new Uint8Array(32).fill(0xab)), bytes32),
  seq: fc.oneof(fc.bigInt({ min: 0n, max: 1000n }), fc.bigInt({ min: 0n, max: MAX_UINT256 })),
  entryHash: bytes32,
});

const leafAt = (leaves: Uint8Array, i: number) => leaves.subarray(i * 32, i * 32 + 32);
const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((x, k) => x === b[k]);
/** The tree's proof ranges over `cuts` (sorted, in 0…n), put back in input order. */
function proofsByRanges(tree: MerkleTree, n: number, cuts: number[]): Uint8Array[] {
  const bounds = [0, ...cuts.map((c) => c % (n + 1)).sort((a, b) => a - b), n];
  const out: Uint8Array[] = new Array(n);
  const seen: number[] = [];
  for (let k = 1; k < bounds.length; k++) {
    const { positions, proofs } = tree.proofs(bounds[k - 1]!, bounds[k]!);
    positions.forEach((position, j) => {
      out[position] = proofs[j]!;
      seen.push(position);
    });
  }
  expect(seen.sort((a, b) => a - b)).toEqual(Array.from({ length: n }, (_, i) => i));
  return out;
}
const split = (packed: Uint8Array) =>
  Array.from({ length: packed.length / 32 }, (_, k) => packed.subarray(k * 32, k * 32 + 32));

// A fixed number of cases each; the longer timeout is for a machine busy with other suites.
describe('buildMerkleTree, over arbitrary leaf sets', { timeout: 20_000 }, () => {
  it('proves every leaf, and no changed leaf, changed proof or other leaf’s proof passes', () => {
    fc.assert(
      fc.property(
        withRepeats(rewardValue, 300),
        fc.array(fc.nat(), { maxLength: 4 }),
        fc.nat(),
        fc.integer({ min: 1, max: 255 }),
        (values, cuts, pick, flip) => {
          const leaves = rewardLeaves(values);
          const n = values.length;
          const tree = buildMerkleTree(leaves);
          const ranged = proofsByRanges(tree, n, cuts);
          for (let i = 0; i < n; i++) {
            const leaf = leafAt(leaves, i);
            const proof = tree.proof(i);
            expect(verifyMerkleProof(tree.root, leaf, proof)).toBe(true);
            expect(bytesToHex(ranged[i]!)).toBe(bytesToHex(new Uint8Array(proof.flatMap((p) => [...p]))));
            expect(verifyMerkleProof(tree.root, leaf, split(ranged[i]!))).toBe(true);

            // A leaf with one byte changed, at a byte that moves with i.
            const changed = leaf.slice();
            changed[(pick + i) % 32]! ^= flip;
            expect(verifyMerkleProof(tree.root, changed, proof)).toBe(false);

            // A proof with one byte of one of its elements changed.
            if (proof.length > 0) {
              const tampered = proof.map((p) => p.slice());
              tampered[(pick + i) % proof.length]![(pick >> 5) % 32]! ^= flip;
              expect(verifyMerkleProof(tree.root, leaf, tampered)).toBe(false);
            }

            // Another leaf's proof passes only for a leaf with the same bytes.
            const j = (i + 1 + (pick % n)) % n;
            if (j !== i)
              expect(verifyMerkleProof(tree.root, leaf, tree.proof(j))).toBe(
                sameBytes(leaf, leafAt(leaves, j)),
              );
          }
          // The same account and token with any other amount is a different leaf.
          const v = values[pick % n]!;
          const other = v.cumulativeWei === MAX_UINT256 ? v.cumulativeWei - 1n : v.cumulativeWei + 1n;
          expect(
            verifyMerkleProof(
              tree.root,
              rewardLeaves([{ ...v, cumulativeWei: other }]),
              tree.proof(pick % n),
            ),
          ).toBe(false);
        },
      ),
      { numRuns: 20 },
    );
  });

  it('gives @openzeppelin/merkle-tree’s root and proofs for the same reward values', () => {
    fc.assert(
      fc.property(withRepeats(rewardValue, 300), (values) => {
        const tree = buildMerkleTree(rewardLeaves(values));
        const reference = StandardMerkleTree.of(
          values.map((v) => [v.account, v.token, v.cumulativeWei]),
          ['address', 'address', 'uint256'],
        );
        expect(bytesToHex(tree.root)).toBe(reference.root);
        for (let i = 0; i < values.length; i++)
          expect(tree.proof(i).map((p) => bytesToHex(p))).toEqual(reference.getProof(i));
      }),
      { numRuns: 8 },
    );
  });

  it('gives @openzeppelin/merkle-tree’s root for the same provenance values, and proves each of them', () => {
    fc.assert(
      fc.property(withRepeats(provenanceValue, 300), (values) => {
        const leaves = provenanceLeaves(values);
        const tree = buildMerkleTree(leaves);
        const reference = StandardMerkleTree.of(
          values.map((v) => [bytesToHex(v.projectId), v.seq, bytesToHex(v.entryHash)]),
          ['bytes32', 'uint256', 'bytes32'],
        );
        expect(bytesToHex(tree.root)).toBe(reference.root);
        for (let i = 0; i < values.length; i++)
          expect(verifyMerkleProof(tree.root, leafAt(leaves, i), tree.proof(i))).toBe(true);
      }),
      { numRuns: 5 },
    );
  });
});
