import { bytesToHex, concatBytes, type Hex, hexToBytes, sha256, stringToBytes } from 'viem';

/** What one ledger entry commits to. */
export type LedgerPayload = {
  contributor: string;
  itemId: string;
  /** sha256 of the canonical JSON of the answer, 0x-hex. */
  answerHash: Hex;
  /** ISO-8601 UTC time with milliseconds. */
  createdAt: string;
};

/** The first `prev_hash` of every project's chain: 32 zero bytes. */
export const GENESIS_HASH: Hex = `0x${'00'.repeat(32)}`;

/** The bytes an entry's hash covers, besides the previous hash. The database hashes exactly these bytes too. */
export function ledgerPayloadText(p: LedgerPayload): string {
  return JSON.stringify([p.contributor, p.itemId, p.answerHash, p.createdAt]);
}

/** hash = sha256(prevHash || payload). */
export function ledgerEntryHash(prevHash: Hex, payload: LedgerPayload): Hex {
  return bytesToHex(
    hexToBytes(sha256(concatBytes([hexToBytes(prevHash), stringToBytes(ledgerPayloadText(payload))]))),
  );
}
