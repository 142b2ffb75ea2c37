import type { Hex } from 'viem';

/** A bytea column as 0x-hex. */
export const hexOf = (b: Buffer): Hex => `0x${b.toString('hex')}`;

/** A stored Merkle proof (its 32-byte siblings packed into one bytea) as the list a contract call takes. */
export function splitProof(proof: Buffer): Hex[] {
  const out: Hex[] = [];
  for (let i = 0; i < proof.length; i += 32) out.push(hexOf(proof.subarray(i, i + 32)));
  return out;
}
