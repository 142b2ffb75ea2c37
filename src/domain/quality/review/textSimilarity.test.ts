import { describe, expect, it } from 'vitest';
import { textSimilarity } from './textSimilarity.ts';

describe('textSimilarity', () => {
  it('is 1 − edits / the longer length, over normalised text', () => {
    expect(textSimilarity('the cat sat', 'the bat sat')).toEqual({
      similarity: 1 - 1 / 11,
      distance: 1,
      length: 11,
    });
    expect(textSimilarity('  the  cat ', 'the cat').similarity).toBe(1);
    expect(textSimilarity('abc', 'xyz').similarity).toBe(0);
  });

  it('keeps case, and counts an emoji as one character', () => {
    expect(textSimilarity('Cat', 'cat').distance).toBe(1);
    expect(textSimilarity('a👍', 'a👎')).toEqual({ similarity: 0.5, distance: 1, length: 2 });
  });

  it('treats two empty texts as the same', () => {
    expect(textSimilarity('', '  ')).toEqual({ similarity: 1, distance: 0, length: 0 });
    expect(textSimilarity('', 'abc').similarity).toBe(0);
  });
});
