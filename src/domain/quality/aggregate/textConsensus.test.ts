import { describe, expect, it } from 'vitest';
import { textConsensus } from './textConsensus.ts';

describe('textConsensus', () => {
  it('picks the text closest to the others, with its mean similarity as confidence', () => {
    const result = textConsensus(['the cat sat', 'the cat sat', 'the bat sat', 'dog']);
    expect(result).not.toBeNull();
    expect(result!.index).toBe(0);
    expect(result!.text).toBe('the cat sat');
    // Similarities to the medoid: 1, 1 − 1/11, and 0 for "dog" (no letter in common: 11 edits over 11).
    expect(result!.confidence).toBeCloseTo((1 + 10 / 11 + 0) / 3, 12);
    expect(result!.answerCount).toBe(4);
  });

  it('breaks a tie towards the earliest text', () => {
    expect(textConsensus(['abc', 'abd'])!.index).toBe(0);
  });

  it('sees a tie even when the two sums round apart', () => {
    // Texts 1 and 3 both sum to 25/12; added up in floating point, text 3's came out one bit smaller.
    expect(textConsensus(['aaaé', 'é  é', '', 'é a'])!.index).toBe(1);
  });

  it('compares normalised texts but returns the original', () => {
    const result = textConsensus(['  Hello   world ', 'Hello world', 'Hallo world']);
    expect(result!.index).toBe(0);
    expect(result!.text).toBe('  Hello   world ');
    expect(result!.confidence).toBeCloseTo((1 + 10 / 11) / 2, 12);
  });

  it('takes a custom normaliser', () => {
    const result = textConsensus(['ABC', 'abc', 'abd'], { normalize: (t) => t.toLowerCase() });
    expect(result!.confidence).toBeCloseTo((1 + 2 / 3) / 2, 12);
  });

  it('gives a lone text confidence 1, empty texts full agreement, and no texts null', () => {
    expect(textConsensus(['only'])).toEqual({ text: 'only', index: 0, confidence: 1, answerCount: 1 });
    expect(textConsensus(['', ''])!.confidence).toBe(1);
    expect(textConsensus([])).toBeNull();
  });

  it('reaches 0 confidence when nothing matches', () => {
    expect(textConsensus(['aaaa', 'bbbb'])!.confidence).toBe(0);
  });
});
