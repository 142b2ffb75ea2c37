import { keccak256 as viemKeccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { hashLeaves, hashPair, hashPairs, keccak256 } from './keccak.ts';

let seed = 7;
const nextByte = () => {
  seed = (seed * 1_103_515_245 + 12_345) >>> 0;
  return seed >>> 24;
};
const randomBytes = (length: number) => Uint8Array.from({ length }, nextByte);
/** Every 97th index and the last: some in each chunk the module takes at a time. */
const everyFew = (n: number) => [...Array.from({ length: Math.ceil(n / 97) }, (_, k) => k * 97), n - 1];

describe('keccak256', () => {
  it('agrees with viem on every input length under a block, on random bytes', () => {
    for (let len = 0; len < 136; len++)
      for (let k = 0; k < 3; k++) {
        const input = randomBytes(len);
        expect(keccak256(input)).toEqual(viemKeccak256(input, 'bytes'));
      }
  });

  it('refuses inputs of a block or more', () => {
    expect(() => keccak256(new Uint8Array(136))).toThrow(/shorter than 136/);
  });
});

describe('hashLeaves', () => {
  it('double-hashes each row, across more rows than the module holds at once', () => {
    const count = 30_000;
    const rows = randomBytes(count * 96);
    const leaves = hashLeaves(count, 96, (i, into, at) => into.set(rows.subarray(i * 96, i * 96 + 96), at));
    expect(leaves.length).toBe(count * 32);
    for (const i of everyFew(count)) {
      const once = viemKeccak256(rows.subarray(i * 96, i * 96 + 96), 'bytes');
      expect(leaves.subarray(i * 32, i * 32 + 32)).toEqual(viemKeccak256(once, 'bytes'));
    }
  });

  it('hands each row zeroed bytes', () => {
    const leaves = hashLeaves(2, 40, (i, into, at) => {
      into[at + i] = 1;
    });
    const second = new Uint8Array(40);
    second[1] = 1;
    expect(leaves.subarray(32)).toEqual(viemKeccak256(viemKeccak256(second, 'bytes'), 'bytes'));
  });
});

describe('hashPairs', () => {
  it('hashes each pair in ascending order, across more pairs than the module holds at once', () => {
    const pairs = 25_000;
    const nodes = randomBytes(pairs * 64);
    const out = new Uint8Array((pairs + 3) * 32);
    hashPairs(nodes, 0, pairs, out, 3);
    for (const i of everyFew(pairs)) {
      const a = nodes.subarray(i * 64, i * 64 + 32);
      const b = nodes.subarray(i * 64 + 32, i * 64 + 64);
      const [low, high] = Buffer.compare(a, b) <= 0 ? [a, b] : [b, a];
      const expected = viemKeccak256(Buffer.concat([low, high]), 'bytes');
      expect(out.subarray((i + 3) * 32, (i + 4) * 32)).toEqual(expected);
      expect(hashPair(b, a)).toEqual(expected);
    }
  });
});
