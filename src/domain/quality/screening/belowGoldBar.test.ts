import { describe, expect, it } from 'vitest';
import { belowGoldBar } from './belowGoldBar.ts';

const bar = { minAccuracy: 0.7, minAnswers: 5 };

describe('belowGoldBar', () => {
  it('waits for the minimum number of gold answers', () => {
    expect(belowGoldBar(0, 4, bar)).toBeNull();
  });

  it('stops a contributor who gets every control item wrong, with the numbers', () => {
    expect(belowGoldBar(0, 5, bar)).toBe(
      'you answered 0 of 5 control items right (0%); this project needs 70%',
    );
  });

  it('does not stop an honest contributor on a short run of bad luck', () => {
    // 3 of 5 is 60%, under 70%, but an 80% contributor scores that a quarter of the time.
    expect(belowGoldBar(3, 5, bar)).toBeNull();
    expect(belowGoldBar(6, 10, bar)).toBeNull();
  });

  it('stops a guesser once the evidence is clear', () => {
    expect(belowGoldBar(8, 16, bar)).not.toBeNull();
    expect(belowGoldBar(10, 20, bar)).not.toBeNull();
  });

  it('never stops someone at or above the bar', () => {
    expect(belowGoldBar(7, 10, bar)).toBeNull();
    expect(belowGoldBar(70, 100, bar)).toBeNull();
  });
});
