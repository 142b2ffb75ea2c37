import { textShingles } from './textShingles.ts';

/** Signature length: the estimate's standard error is about √(J(1−J)/128), under 0.045. */
export const MINHASH_SIZE = 128;

/** MurmurHash3's finalizer: a bijection on 32-bit ints that mixes every input bit into every output bit. */
function fmix32(x: number): number {
  let h = x >>> 0;
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

// Fixed seeds, so signatures stored today still compare with ones computed after a restart or upgrade.
// Hash i is fmix32(x ^ seed_i): each is a permutation of the 32-bit ints, as MinHash wants.
const SEEDS = Uint32Array.from({ length: MINHASH_SIZE }, (_, i) =>
  fmix32(Math.imul(i + 1, 0x9e3779b9) ^ 0x5c4a7a11),
);

/** FNV-1a over UTF-16 code units, then mixed: a 32-bit hash of one shingle. */
function hashShingle(shingle: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < shingle.length; i++) h = Math.imul(h ^ shingle.charCodeAt(i), 0x01000193);
  return fmix32(h);
}

/**
 * The MinHash signature of a text's 5-character shingles: for each of 128 fixed hash functions, the
 * smallest hash of any shingle. The share of equal positions in two signatures estimates the Jaccard
 * similarity of the shingle sets. Deterministic across runs and machines. An empty text gives all 0xffffffff.
 */
export function minHashSignature(text: string): Uint32Array {
  const signature = new Uint32Array(MINHASH_SIZE).fill(0xffffffff);
  for (const shingle of textShingles(text)) {
    const base = hashShingle(shingle);
    for (let i = 0; i < MINHASH_SIZE; i++) {
      const h = fmix32(base ^ SEEDS[i]!);
      if (h < signature[i]!) signature[i] = h;
    }
  }
  return signature;
}
