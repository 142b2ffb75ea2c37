import { describe, expect, it } from 'vitest';
import { wordSimilarity } from './wordSimilarity.ts';

describe('wordSimilarity', () => {
  it('counts whole words: one changed word of five is one edit', () => {
    expect(wordSimilarity('the cat sat on mats', 'the dog sat on mats')).toEqual({
      similarity: 0.8,
      distance: 1,
      length: 5,
    });
  });

  it('ignores case and punctuation but not word order', () => {
    expect(wordSimilarity('Hello, World!', 'hello world').similarity).toBe(1);
    expect(wordSimilarity('a b', 'b a').distance).toBe(2);
  });

  it('treats texts without words as the same, and a missing text as nothing shared', () => {
    expect(wordSimilarity('', '?!').similarity).toBe(1);
    expect(wordSimilarity('', 'one two').similarity).toBe(0);
  });
});
