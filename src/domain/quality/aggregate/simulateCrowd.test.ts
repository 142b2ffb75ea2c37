import { describe, expect, it } from 'vitest';
import { simulateCrowd } from './simulateCrowd.ts';

describe('simulateCrowd', () => {
  const options = {
    nItems: 2000,
    nClasses: 3,
    workers: [
      { accuracy: 0.9 },
      { accuracy: 0.5 },
      {
        confusion: [
          [0, 1, 0],
          [0, 1, 0],
          [0, 1, 0],
        ],
      },
    ],
    seed: 1,
  };

  it('is the same for the same seed and differs for another', () => {
    const a = simulateCrowd(options);
    expect(simulateCrowd(options)).toEqual(a);
    expect(simulateCrowd({ ...options, seed: 2 }).truth).not.toEqual(a.truth);
  });

  it('draws answers from each worker’s confusion rows', () => {
    const { answers, truth } = simulateCrowd(options);
    expect(answers.items).toHaveLength(6000);
    const right = [0, 0, 0];
    const count = [0, 0, 0];
    for (let a = 0; a < answers.items.length; a++) {
      const w = answers.workers[a]!;
      count[w]! += 1;
      if (answers.labels[a] === truth[answers.items[a]!]) right[w]! += 1;
      if (w === 2) expect(answers.labels[a]).toBe(1);
    }
    expect(count).toEqual([2000, 2000, 2000]);
    expect(right[0]! / 2000).toBeCloseTo(0.9, 1);
    expect(right[1]! / 2000).toBeCloseTo(0.5, 1);
  });

  it('gives each item distinct workers when asked for fewer answers', () => {
    const { answers } = simulateCrowd({ ...options, nItems: 100, answersPerItem: 2 });
    expect(answers.items).toHaveLength(200);
    for (let a = 0; a < 200; a += 2) expect(answers.workers[a]).not.toBe(answers.workers[a + 1]);
  });

  it('refuses more answers per item than workers', () => {
    expect(() => simulateCrowd({ ...options, answersPerItem: 4 })).toThrow(/answersPerItem/);
  });
});
