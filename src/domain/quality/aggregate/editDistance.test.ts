import { describe, expect, it } from 'vitest';
import { editDistance } from './editDistance.ts';

describe('editDistance', () => {
  it('counts insertions, deletions and substitutions', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abc', '')).toBe(3);
    expect(editDistance('same', 'same')).toBe(0);
  });

  it('is symmetric', () => {
    expect(editDistance('intention', 'execution')).toBe(5);
    expect(editDistance('execution', 'intention')).toBe(5);
  });

  it('counts code points, so an emoji or accented letter is one edit', () => {
    expect(editDistance('a😀b', 'ab')).toBe(1);
    expect(editDistance('😀', '😁')).toBe(1);
    expect(editDistance('café', 'cafe')).toBe(1);
  });

  it('is cheap on long texts that differ in one place', () => {
    const long = 'x'.repeat(200_000);
    expect(editDistance(`${long}a${long}`, `${long}b${long}`)).toBe(1);
  });
});
