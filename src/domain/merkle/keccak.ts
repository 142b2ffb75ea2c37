import { keccakWasmBase64 } from './keccak.generated.ts';

/** What wasm/assembly/keccak.ts exports; pointers are byte offsets into its memory. */
type KeccakModule = {
  memory: WebAssembly.Memory;
  heapBase(): number;
  keccak256(input: number, len: number, out: number): void;
  hashLeaves(rows: number, width: number, count: number, out: number): void;
  hashPairs(children: number, count: number, out: number): void;
};

const wasm = new WebAssembly.Instance(
  new WebAssembly.Module(Uint8Array.from(atob(keccakWasmBase64), (c) => c.charCodeAt(0))),
).exports as unknown as KeccakModule;
/** The module's memory has a fixed size, so this view never goes stale. */
const memory = new Uint8Array(wasm.memory.buffer);
const HEAP = (wasm.heapBase() + 7) & ~7;
const SPACE = memory.length - HEAP;
const RATE = 136;

/** keccak256 of an input shorter than one block (136 bytes): all that leaves and pairs need. */
export function keccak256(input: Uint8Array): Uint8Array {
  if (input.length >= RATE) throw new Error('keccak256 here hashes inputs shorter than 136 bytes');
  memory.set(input, HEAP);
  wasm.keccak256(HEAP, input.length, HEAP);
  return memory.slice(HEAP, HEAP + 32);
}

/**
 * The standard tree's leaves, keccak256(keccak256(row)), of `count` rows of `width` bytes each: `write` lays
 * row `i` out in `into` at `at` (zeroed beforehand). Returns the 32-byte leaves one after another.
 */
export function hashLeaves(
  count: number,
  width: number,
  write: (i: number, into: Uint8Array, at: number) => void,
): Uint8Array {
  if (width >= RATE) throw new Error('leaf rows must be shorter than 136 bytes');
  const out = new Uint8Array(count * 32);
  const chunk = Math.floor(SPACE / (width + 32));
  const hashes = HEAP + chunk * width;
  for (let from = 0; from < count; from += chunk) {
    const rows = Math.min(chunk, count - from);
    memory.fill(0, HEAP, HEAP + rows * width);
    for (let i = 0; i < rows; i++) write(from + i, memory, HEAP + i * width);
    wasm.hashLeaves(HEAP, width, rows, hashes);
    out.set(memory.subarray(hashes, hashes + rows * 32), from * 32);
  }
  return out;
}

/**
 * `count` parents of the `2 × count` 32-byte nodes of `nodes` from node `first`: parent i is the keccak256 of
 * nodes first+2i and first+2i+1 in ascending order (OpenZeppelin's commutative hash), written to `out` from
 * node `at`. The two ranges must not overlap.
 */
export function hashPairs(
  nodes: Uint8Array,
  first: number,
  count: number,
  out: Uint8Array,
  at: number,
): void {
  const chunk = Math.floor(SPACE / 96);
  const parents = HEAP + chunk * 64;
  for (let done = 0; done < count; done += chunk) {
    const pairs = Math.min(chunk, count - done);
    const from = (first + 2 * done) * 32;
    memory.set(nodes.subarray(from, from + pairs * 64), HEAP);
    wasm.hashPairs(HEAP, pairs, parents);
    out.set(memory.subarray(parents, parents + pairs * 32), (at + done) * 32);
  }
}

/** The parent of two 32-byte nodes: keccak256 of them in ascending order. */
export function hashPair(a: Uint8Array, b: Uint8Array): Uint8Array {
  const both = new Uint8Array(64);
  both.set(a, 0);
  both.set(b, 32);
  const out = new Uint8Array(32);
  hashPairs(both, 0, 1, out, 0);
  return out;
}
