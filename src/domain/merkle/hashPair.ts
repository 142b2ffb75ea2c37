import { keccak256Into } from './keccak256.ts';

const pair = new Uint8Array(64);

/** Whether 32-byte a sorts before (or equals) b, byte by byte: how the standard tree orders pairs and leaves. */
export function lessOrEqual(a: Uint8Array, ao: number, b: Uint8Array, bo: number): boolean {
  for (let i = 0; i < 32; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    if (x !== y) return x < y;
  }
  return true;
}

/** keccak256 of the two 32-byte nodes in ascending order (OpenZeppelin's commutative hash), into `out`. */
export function hashPairInto(
  a: Uint8Array,
  ao: number,
  b: Uint8Array,
  bo: number,
  out: Uint8Array,
  oo: number,
): void {
  const [first, fo, second, so] = lessOrEqual(a, ao, b, bo) ? [a, ao, b, bo] : [b, bo, a, ao];
  for (let i = 0; i < 32; i++) {
    pair[i] = first[fo + i]!;
    pair[32 + i] = second[so + i]!;
  }
  keccak256Into(pair, 0, 64, out, oo);
}
