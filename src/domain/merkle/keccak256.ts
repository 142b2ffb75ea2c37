import { keccakF } from './keccakF.ts';

const state = new Uint32Array(50);
const RATE = 136;

/**
 * keccak256 of `len` bytes of `input` from `offset` (under 136 bytes: one block, which is all Merkle trees
 * need), written as 32 bytes into `out` at `outOffset`. Reuses one state, so it allocates nothing.
 */
export function keccak256Into(
  input: Uint8Array,
  offset: number,
  len: number,
  out: Uint8Array,
  outOffset: number,
): void {
  if (len >= RATE) throw new Error('keccak256Into hashes inputs shorter than 136 bytes');
  state.fill(0);
  // Absorb little-endian 32-bit words, then the padding: 0x01 after the message, 0x80 at the block's end.
  let i = 0;
  for (; i + 4 <= len; i += 4) {
    const p = offset + i;
    state[i >> 2] = input[p]! | (input[p + 1]! << 8) | (input[p + 2]! << 16) | (input[p + 3]! << 24);
  }
  for (; i < len; i++) state[i >> 2]! ^= input[offset + i]! << ((i & 3) * 8);
  state[len >> 2]! ^= 1 << ((len & 3) * 8);
  state[(RATE - 1) >> 2]! ^= 0x80 << (((RATE - 1) & 3) * 8);
  keccakF(state);
  for (let w = 0; w < 8; w++) {
    const v = state[w]!;
    const o = outOffset + w * 4;
    out[o] = v & 0xff;
    out[o + 1] = (v >>> 8) & 0xff;
    out[o + 2] = (v >>> 16) & 0xff;
    out[o + 3] = v >>> 24;
  }
}
