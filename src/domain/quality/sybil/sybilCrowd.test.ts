import { describe, expect, it } from 'vitest';
import { sybilCrowd } from './sybilCrowd.ts';

describe('sybilCrowd', () => {
  const options = {
    nItems: 3000,
    nClasses: 4,
    answersPerItem: 5,
    honest: 20,
    randomClickers: 3,
    constantAnswerers: 3,
    ringSize: 4,
    seed: 3,
  };

  it('is the same for the same seed and differs for another', () => {
    const a = sybilCrowd(options);
    expect(sybilCrowd(options)).toEqual(a);
    expect(sybilCrowd({ ...options, seed: 4 }).answers.labels).not.toEqual(a.answers.labels);
  });

  it('plants each role with the behaviour it is named after', () => {
    const { answers, truth, roles, accuracy } = sybilCrowd(options);
    expect(roles.filter((r) => r === 'colluder')).toHaveLength(4);
    const right = new Float64Array(answers.nWorkers);
    const total = new Float64Array(answers.nWorkers);
    const perClass = Array.from({ length: answers.nWorkers }, () => new Float64Array(4));
    const ringAnswer = new Map<number, number>();
    for (let a = 0; a < answers.items.length; a++) {
      const w = answers.workers[a]!;
      const i = answers.items[a]!;
      total[w]!++;
      perClass[w]![answers.labels[a]!]!++;
      if (answers.labels[a] === truth[i]) right[w]!++;
      if (roles[w] === 'colluder') {
        // Every ring member on an item gives the same answer.
        expect(ringAnswer.get(i) ?? answers.labels[a]).toBe(answers.labels[a]);
        ringAnswer.set(i, answers.labels[a]!);
      }
    }
    roles.forEach((role, w) => {
      const rate = right[w]! / total[w]!;
      if (role === 'honest') expect(Math.abs(rate - accuracy[w]!)).toBeLessThan(0.08);
      if (role === 'random_clicker' || role === 'colluder') expect(Math.abs(rate - 0.25)).toBeLessThan(0.08);
      if (role === 'constant_answerer') expect(Math.max(...perClass[w]!) / total[w]!).toBeGreaterThan(0.9);
    });
    // About a fifth of the items get two ring members each.
    expect(ringAnswer.size / 3000).toBeCloseTo(0.2, 1);
    expect(answers.items).toHaveLength(15_000);
  });
});
