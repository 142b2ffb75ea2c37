import { keccak256Into } from './keccak256.ts';

const buffer = new Uint8Array(96);
const view = new DataView(buffer.buffer);

function putUint256(offset: number, value: bigint) {
  if (value < 0n || value >= 1n << 256n) throw new Error(`${value} does not fit in a uint256`);
  for (let i = 3; i >= 0; i--) {
    view.setBigUint64(offset + i * 8, value & 0xffff_ffff_ffff_ffffn);
    value >>= 64n;
  }
}

const nibble = (c: number) => (c <= 57 ? c - 48 : (c | 32) - 87);

function putAddress(offset: number, address: string) {
  if (!/^0x[0-9a-fA-F]{40}$/.test(address)) throw new Error(`${address} is not an address`);
  buffer.fill(0, offset, offset + 12);
  for (let i = 0; i < 20; i++)
    buffer[offset + 12 + i] =
      (nibble(address.charCodeAt(2 + i * 2)) << 4) | nibble(address.charCodeAt(3 + i * 2));
}

/** keccak256(keccak256(encoded)): the standard tree's leaf, so a leaf can never pass for an internal node. */
function doubleHash(bytes: Uint8Array): Uint8Array {
  const out = new Uint8Array(32);
  keccak256Into(bytes, 0, bytes.length, out, 0);
  keccak256Into(out, 0, 32, out, 0);
  return out;
}

/** A rewards leaf: `(address account, address token, uint256 cumulativeAmount)`, ABI-encoded and double-hashed. */
export function rewardLeaf(account: string, token: string, cumulativeAmountWei: bigint): Uint8Array {
  putAddress(0, account);
  putAddress(32, token);
  putUint256(64, cumulativeAmountWei);
  return doubleHash(buffer);
}

/** A provenance leaf: `(bytes32 projectId, uint256 seq, bytes32 entryHash)`, ABI-encoded and double-hashed. */
export function provenanceLeaf(projectId: Uint8Array, seq: bigint, entryHash: Uint8Array): Uint8Array {
  if (projectId.length !== 32 || entryHash.length !== 32) throw new Error('bytes32 values are 32 bytes');
  buffer.set(projectId, 0);
  putUint256(32, seq);
  buffer.set(entryHash, 64);
  return doubleHash(buffer);
}
