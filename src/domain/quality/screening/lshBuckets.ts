import { MINHASH_SIZE } from './minHashSignature.ts';

/** 32 bands of 4 rows: two texts share a bucket with probability 1 − (1 − J⁴)³², about 0.9 at J = 0.5. */
export const LSH_BANDS = 32;

/**
 * Locality-sensitive hashing of a MinHash signature: one bucket per band of rows, so texts alike enough to
 * matter very likely share a bucket, and a lookup by bucket finds the few candidates worth comparing.
 */
export function lshBuckets(signature: ArrayLike<number>, bands = LSH_BANDS): Int32Array {
  if (signature.length !== MINHASH_SIZE || MINHASH_SIZE % bands !== 0)
    throw new Error(
      `a signature of ${MINHASH_SIZE} hashes splits into bands of equal rows (got ${signature.length})`,
    );
  const rows = MINHASH_SIZE / bands;
  const buckets = new Int32Array(bands);
  for (let b = 0; b < bands; b++) {
    // FNV-1a over the band's hashes, then a final mix.
    let h = 0x811c9dc5 ^ b;
    for (let r = 0; r < rows; r++) h = Math.imul(h ^ (signature[b * rows + r]! >>> 0), 0x01000193);
    h ^= h >>> 15;
    h = Math.imul(h, 0x2c1b3c6d);
    h ^= h >>> 12;
    buckets[b] = h | 0;
  }
  return buckets;
}
