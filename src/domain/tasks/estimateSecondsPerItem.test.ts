import { describe, expect, it } from 'vitest';
import { estimateSecondsPerItem, rewardPerHourWei } from './estimateSecondsPerItem.ts';

describe('estimateSecondsPerItem', () => {
  it('uses the method default without timings', () => {
    expect(estimateSecondsPerItem('single_choice', null, 0)).toBe(8);
    expect(estimateSecondsPerItem('multi_choice', null, 0)).toBe(12);
    expect(estimateSecondsPerItem('span', null, 0)).toBe(40);
    expect(estimateSecondsPerItem('bbox', null, 0)).toBe(45);
    expect(estimateSecondsPerItem('polygon', null, 0)).toBe(90);
    expect(estimateSecondsPerItem('transcription', null, 0)).toBe(90);
    expect(estimateSecondsPerItem('pairwise', null, 0)).toBe(30);
    expect(estimateSecondsPerItem('rating', null, 0)).toBe(10);
    expect(estimateSecondsPerItem('free_text', null, 0)).toBe(60);
  });

  it('uses the default with fewer than 5 samples, even with a median', () => {
    expect(estimateSecondsPerItem('rating', 3000, 4)).toBe(10);
  });

  it('uses the median, rounded to whole seconds, from 5 samples on', () => {
    expect(estimateSecondsPerItem('rating', 3000, 5)).toBe(3);
    expect(estimateSecondsPerItem('rating', 3499, 100)).toBe(3);
    expect(estimateSecondsPerItem('rating', 3500, 100)).toBe(4);
  });

  it('never estimates less than a second', () => {
    expect(estimateSecondsPerItem('rating', 0, 10)).toBe(1);
    expect(estimateSecondsPerItem('rating', 400, 10)).toBe(1);
  });
});

describe('rewardPerHourWei', () => {
  it('scales the reward per item to an hour', () => {
    expect(rewardPerHourWei(10n ** 17n, 36)).toBe(10n ** 19n);
    expect(rewardPerHourWei(1000n, 3600)).toBe(1000n);
  });

  it('rounds the seconds and truncates the result', () => {
    expect(rewardPerHourWei(1n, 7)).toBe(514n); // 3600 / 7 = 514.28…
    expect(rewardPerHourWei(1n, 6.6)).toBe(514n);
  });

  it('treats less than a second as one second', () => {
    expect(rewardPerHourWei(5n, 0)).toBe(18_000n);
    expect(rewardPerHourWei(5n, 0.2)).toBe(18_000n);
  });
});
