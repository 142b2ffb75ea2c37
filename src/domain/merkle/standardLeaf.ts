import { hashLeaves } from './keccak.ts';

export type RewardLeafValue = { account: string; token: string; cumulativeWei: bigint };
export type ProvenanceLeafValue = { projectId: Uint8Array; seq: bigint; entryHash: Uint8Array };
/** A co-owner of a dataset and its integer weight (see domain/datasets/coOwnershipShares.ts). */
export type ShareLeafValue = { account: string; weight: bigint };

const MAX_UINT256 = (1n << 256n) - 1n;

/** Hex digit values by character code; 255 marks a character that is not one. */
const NIBBLE = new Uint8Array(128).fill(255);
for (let c = 0; c < 16; c++) {
  NIBBLE[c.toString(16).charCodeAt(0)] = c;
  NIBBLE[c.toString(16).toUpperCase().charCodeAt(0)] = c;
}
const nibble = (text: string, i: number) => {
  const c = text.charCodeAt(i);
  return c < 128 ? NIBBLE[c]! : 255;
};

/** A uint256, big-endian, into the 32 bytes at `at` (which are zero). */
function putUint256(into: Uint8Array, at: number, value: bigint) {
  if (value < 0n || value > MAX_UINT256) throw new Error(`${value} does not fit in a uint256`);
  const hex = value.toString(16);
  // Two hex digits a byte, from the last byte back; an odd leading digit is a byte of its own.
  for (let i = hex.length, o = at + 31; i > 0; i -= 2, o--)
    into[o] = i === 1 ? nibble(hex, 0) : (nibble(hex, i - 2) << 4) | nibble(hex, i - 1);
}

/** An address (0x and 40 hex digits, any case), left-padded to 32 bytes, into the 32 bytes at `at`. */
function putAddress(into: Uint8Array, at: number, address: string) {
  // Checked as it is read: a regular expression per address costs as much as the reading.
  let invalid = address.length !== 42 || address.charCodeAt(0) !== 48 || address.charCodeAt(1) !== 120;
  for (let i = 0; i < 20 && !invalid; i++) {
    const high = nibble(address, 2 + i * 2);
    const low = nibble(address, 3 + i * 2);
    invalid = (high | low) > 15;
    into[at + 12 + i] = (high << 4) | low;
  }
  if (invalid) throw new Error(`${address} is not an address`);
}

function putBytes32(into: Uint8Array, at: number, value: Uint8Array) {
  if (value.length !== 32) throw new Error('bytes32 values are 32 bytes');
  into.set(value, at);
}

/**
 * Rewards leaves, one after another: `(address account, address token, uint256 cumulativeAmount)`, ABI-encoded
 * and double-hashed like `StandardMerkleTree`, so a leaf can never pass for an internal node.
 */
export function rewardLeaves(values: readonly RewardLeafValue[]): Uint8Array {
  return hashLeaves(values.length, 96, (i, into, at) => {
    const v = values[i]!;
    putAddress(into, at, v.account);
    putAddress(into, at + 32, v.token);
    putUint256(into, at + 64, v.cumulativeWei);
  });
}

/** Provenance leaves, one after another: `(bytes32 projectId, uint256 seq, bytes32 entryHash)`, ABI-encoded and double-hashed. */
export function provenanceLeaves(values: readonly ProvenanceLeafValue[]): Uint8Array {
  return hashLeaves(values.length, 96, (i, into, at) => {
    const v = values[i]!;
    putBytes32(into, at, v.projectId);
    putUint256(into, at + 32, v.seq);
    putBytes32(into, at + 64, v.entryHash);
  });
}

/** Co-ownership leaves, one after another: `(address account, uint256 weight)`, ABI-encoded and double-hashed. */
export function shareLeaves(values: readonly ShareLeafValue[]): Uint8Array {
  return hashLeaves(values.length, 64, (i, into, at) => {
    const v = values[i]!;
    putAddress(into, at, v.account);
    putUint256(into, at + 32, v.weight);
  });
}
