import { describe, expect, it } from 'vitest';
import { adversarialCrowd } from './adversarialCrowd.ts';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { oneCoinDawidSkene } from './oneCoinDawidSkene.ts';
import { simulateCrowd } from './simulateCrowd.ts';

describe('oneCoinDawidSkene', () => {
  categoricalAggregatorSuite((answers) => oneCoinDawidSkene(answers));

  it('learns that an always-wrong worker is informative and gets every item right', () => {
    const { encoded, truth } = adversarialCrowd();
    const result = oneCoinDawidSkene(encoded.answers);
    expect(Array.from(result.labels, (l) => encoded.classIds[l])).toEqual(truth);
    expect(result.workerSkill[encoded.workerIndex.get('adv')!]).toBeLessThan(0.1);
    expect(result.workerSkill[encoded.workerIndex.get('r2')!]).toBeGreaterThan(0.7);
    expect(result.converged).toBe(true);
  });

  it('estimates each worker’s accuracy, Beta-smoothed', () => {
    const { answers } = simulateCrowd({
      nItems: 2000,
      nClasses: 3,
      workers: [
        { accuracy: 0.9 },
        { accuracy: 0.75 },
        { accuracy: 0.6 },
        { accuracy: 0.45 },
        { accuracy: 0.85 },
      ],
      seed: 4,
    });
    const { workerSkill } = oneCoinDawidSkene(answers);
    for (const [w, accuracy] of [0.9, 0.75, 0.6, 0.45, 0.85].entries()) {
      expect(workerSkill[w]).toBeCloseTo(accuracy, 1);
    }
  });

  it('keeps the class prior uniform unless asked to learn it', () => {
    const { encoded } = adversarialCrowd();
    expect(Array.from(oneCoinDawidSkene(encoded.answers).classPrior)).toEqual([0.5, 0.5]);
    const learned = oneCoinDawidSkene(encoded.answers, { learnClassPrior: true }).classPrior;
    expect(learned[0]! + learned[1]!).toBeCloseTo(1, 12);
  });

  it('refuses a negative prior', () => {
    const { encoded } = adversarialCrowd();
    expect(() => oneCoinDawidSkene(encoded.answers, { rightPrior: -1 })).toThrow(/rightPrior/);
  });
});
