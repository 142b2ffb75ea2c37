/** Lower case, letters and digits only, single spaces: so "Hello,  World!" and "hello world" shingle alike. */
function normalize(text: string): string {
  return text
    .normalize('NFC')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/**
 * The set of overlapping `size`-character pieces (code points) of the normalized text. A non-empty text
 * shorter than `size` is one shingle; an empty one has none.
 */
export function textShingles(text: string, size = 5): Set<string> {
  if (!Number.isInteger(size) || size < 1)
    throw new RangeError(`shingle size must be a positive integer, got ${size}`);
  const chars = Array.from(normalize(text));
  const shingles = new Set<string>();
  if (chars.length === 0) return shingles;
  if (chars.length <= size) return shingles.add(chars.join(''));
  for (let i = 0; i + size <= chars.length; i++) shingles.add(chars.slice(i, i + size).join(''));
  return shingles;
}
