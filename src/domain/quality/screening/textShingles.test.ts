import { describe, expect, it } from 'vitest';
import { textShingles } from './textShingles.ts';

describe('textShingles', () => {
  it('cuts overlapping 5-character pieces of the normalized text', () => {
    expect([...textShingles('Hello, World!')]).toEqual([
      'hello',
      'ello ',
      'llo w',
      'lo wo',
      'o wor',
      ' worl',
      'world',
    ]);
  });

  it('ignores case, punctuation and runs of spaces', () => {
    expect(textShingles('  HELLO   world... ')).toEqual(textShingles('hello world'));
  });

  it('keeps a short text whole and gives an empty text no shingles', () => {
    expect([...textShingles('ok')]).toEqual(['ok']);
    expect(textShingles(' !? ').size).toBe(0);
  });

  it('counts code points, not UTF-16 units', () => {
    expect([...textShingles('𝒜𝒜𝒜', 2)]).toEqual(['𝒜𝒜']);
  });

  it('refuses a size below 1', () => {
    expect(() => textShingles('abc', 0)).toThrow(RangeError);
  });
});
