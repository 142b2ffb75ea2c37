import { describe, expect, it } from 'vitest';
import { choiceJaccard } from './choiceJaccard.ts';

describe('choiceJaccard', () => {
  it('is shared over all, ignoring order and repeats', () => {
    expect(choiceJaccard(['a', 'b'], ['b', 'a'])).toBe(1);
    expect(choiceJaccard(['a', 'b'], ['a'])).toBe(0.5);
    expect(choiceJaccard(['a', 'b', 'c'], ['c', 'd'])).toBe(0.25);
    expect(choiceJaccard(['a', 'a'], ['a'])).toBe(1);
    expect(choiceJaccard(['a'], ['b'])).toBe(0);
  });

  it('counts two empty selections as the same and one empty as nothing shared', () => {
    expect(choiceJaccard([], [])).toBe(1);
    expect(choiceJaccard([], ['a'])).toBe(0);
  });
});
