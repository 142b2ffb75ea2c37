import { keccak256 } from 'viem';
import { describe, expect, it } from 'vitest';
import { keccak256Into } from './keccak256.ts';

const keccak256Short = (input: Uint8Array) => {
  const out = new Uint8Array(32);
  keccak256Into(input, 0, input.length, out, 0);
  return out;
};

describe('keccak256Into', () => {
  it('agrees with viem on every input length under a block, on random bytes', () => {
    let seed = 7;
    const next = () => {
      seed = (seed * 1_103_515_245 + 12_345) >>> 0;
      return seed >>> 24;
    };
    for (let len = 0; len < 136; len++)
      for (let k = 0; k < 3; k++) {
        const input = Uint8Array.from({ length: len }, next);
        expect(keccak256Short(input)).toEqual(keccak256(input, 'bytes'));
      }
  });

  it('hashes a slice in place of a larger buffer', () => {
    const buffer = Uint8Array.from({ length: 200 }, (_, i) => i);
    const out = new Uint8Array(40);
    keccak256Into(buffer, 10, 64, out, 8);
    expect(out.subarray(8, 40)).toEqual(keccak256(buffer.subarray(10, 74), 'bytes'));
  });

  it('refuses inputs of a block or more', () => {
    expect(() => keccak256Short(new Uint8Array(136))).toThrow(/shorter than 136/);
  });
});
