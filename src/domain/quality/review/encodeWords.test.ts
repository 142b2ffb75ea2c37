import { describe, expect, it } from 'vitest';
import { encodeWords } from './encodeWords.ts';

const points = (s: string) => Array.from(s).map((c) => c.codePointAt(0));

describe('encodeWords', () => {
  it('gives each distinct word one code point, shared across texts', () => {
    const [a, b] = encodeWords(['the cat and the dog', 'The dog!']);
    expect(points(a!)).toEqual([0xf0000, 0xf0001, 0xf0002, 0xf0000, 0xf0003]);
    expect(points(b!)).toEqual([0xf0000, 0xf0003]);
  });

  it('ignores case, punctuation and spacing, and keeps inner apostrophes and accents', () => {
    const [a, b, c] = encodeWords(["Don't  stop, café!", 'don’t stop cafe\u0301', 'dont stop café']);
    expect(a).toBe(b);
    expect(Array.from(a!)).toHaveLength(3);
    expect(points(c!)[0]).not.toBe(points(a!)[0]);
  });

  it('encodes a text without words as empty', () => {
    expect(encodeWords(['', ' ... '])).toEqual(['', '']);
  });
});
