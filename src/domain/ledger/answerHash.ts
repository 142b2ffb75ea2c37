import { type Hex, sha256, stringToBytes } from 'viem';
import { canonicalJson } from './canonicalJson.ts';

/** sha256 of an answer's canonical JSON: what the ledger records instead of the answer itself. */
export function answerHash(answer: unknown): Hex {
  return sha256(stringToBytes(canonicalJson(answer)));
}
