import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { adversarialCrowd } from './adversarialCrowd.ts';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { dawidSkene } from './dawidSkene.ts';
import { encodeAnswers } from './encodeAnswers.ts';
import { majorityVote } from './majorityVote.ts';
import { simulateCrowd } from './simulateCrowd.ts';

describe('dawidSkene', () => {
  categoricalAggregatorSuite((answers) => dawidSkene(answers));

  it('learns to invert an adversarial worker and gets every item right', () => {
    const { encoded, truth } = adversarialCrowd();
    const result = dawidSkene(encoded.answers);
    expect(Array.from(result.labels, (l) => encoded.classIds[l])).toEqual(truth);
    const adv = encoded.workerIndex.get('adv')!;
    // confusion[adv][true 0][given 1] and [true 1][given 0]: the adversary always flips.
    expect(result.confusion[adv * 4 + 1]).toBeGreaterThan(0.99);
    expect(result.confusion[adv * 4 + 2]).toBeGreaterThan(0.99);
    expect(result.workerSkill[adv]).toBeLessThan(0.01);
    expect(result.workerSkill[encoded.workerIndex.get('r1')!]).toBeCloseTo(0.8, 2);
    expect(result.converged).toBe(true);
  });

  it('learns a class-dependent bias that one accuracy number cannot describe', () => {
    // Three workers who say "1" for nearly every 1 but also for 60% of the 0s; two plain 80% workers.
    const biased = {
      confusion: [
        [0.4, 0.6],
        [0.02, 0.98],
      ],
    };
    const { answers, truth } = simulateCrowd({
      nItems: 500,
      nClasses: 2,
      workers: [biased, biased, biased, { accuracy: 0.8 }, { accuracy: 0.8 }],
      seed: 21,
    });
    const result = dawidSkene(answers);
    for (let w = 0; w < 3; w++) {
      expect(result.confusion[w * 4 + 1]).toBeGreaterThan(0.5); // true 0, given 1
      expect(result.confusion[w * 4 + 1]).toBeLessThan(0.7);
      expect(result.confusion[w * 4 + 3]).toBeGreaterThan(0.95); // true 1, given 1
    }
    let right = 0;
    let mv = 0;
    const plain = majorityVote(answers).labels;
    for (let i = 0; i < truth.length; i++) {
      if (result.labels[i] === truth[i]) right++;
      if (plain[i] === truth[i]) mv++;
    }
    expect(right - mv).toBeGreaterThan(25);
    expect(right / truth.length).toBeGreaterThan(0.88);
  });

  it('smooths confusion rows by the pseudo-count: one answer, smoothing 1', () => {
    const { answers } = encodeAnswers([{ item: 'i', worker: 'w', label: 'a' }], { classes: ['a', 'b'] });
    const result = dawidSkene(answers, { smoothing: 1 });
    // True "a": (1 + 1) / (1 + 2) for "a"; true "b" was never seen: even.
    expect(result.confusion[0]).toBeCloseTo(2 / 3, 12);
    expect(result.confusion[1]).toBeCloseTo(1 / 3, 12);
    expect(result.confusion[2]).toBeCloseTo(1 / 2, 12);
    expect(result.confusion[3]).toBeCloseTo(1 / 2, 12);
    expect(result.labels[0]).toBe(0);
    expect(result.classPrior[0]).toBe(1);
  });

  it('keeps confusion rows and the class prior normalised', () => {
    const { answers } = simulateCrowd({
      nItems: 200,
      nClasses: 3,
      workers: [{ accuracy: 0.8 }, { accuracy: 0.6 }, { accuracy: 0.5 }, { accuracy: 0.9 }],
      answersPerItem: 2,
      seed: 2,
    });
    const result = dawidSkene(answers);
    for (let row = 0; row < result.confusion.length; row += 3) {
      const sum = result.confusion[row]! + result.confusion[row + 1]! + result.confusion[row + 2]!;
      expect(sum).toBeCloseTo(1, 9);
    }
    expect(Array.from(result.classPrior).reduce((s, p) => s + p, 0)).toBeCloseTo(1, 12);
  });

  it('keeps an item with hundreds of answers finite (its likelihood is far below the smallest double)', () => {
    // 800 workers at 50% over 4 classes answer each of 31 items: an item's likelihood is about
    // 0.5^400 · (1/6)^400 ≈ e^-990, below the smallest double, so a plain product would round it to zero.
    const { answers, truth } = simulateCrowd({
      nItems: 31,
      nClasses: 4,
      workers: Array.from({ length: 800 }, () => ({ accuracy: 0.5 })),
      seed: 5,
    });
    const result = dawidSkene(answers);
    expect(Number.isFinite(result.logLikelihood)).toBe(true);
    expect(result.logLikelihood / 31).toBeLessThan(-800);
    for (const p of result.posteriors) expect(Number.isFinite(p)).toBe(true);
    expect(Array.from(result.labels)).toEqual(Array.from(truth));
  });

  it('stops at maxIterations and says it did not converge', () => {
    const { encoded } = adversarialCrowd();
    const one = dawidSkene(encoded.answers, { maxIterations: 1 });
    expect(one.iterations).toBe(1);
    expect(one.converged).toBe(false);
    const full = dawidSkene(encoded.answers);
    expect(full.converged).toBe(true);
    expect(full.iterations).toBeGreaterThan(1);
    expect(full.iterations).toBeLessThan(100);
  });

  it('raises the log-likelihood from round to round (EM never goes downhill)', () => {
    const { answers } = simulateCrowd({
      nItems: 300,
      nClasses: 3,
      workers: [
        { accuracy: 0.8 },
        { accuracy: 0.5 },
        { accuracy: 0.4 },
        { accuracy: 0.7 },
        { accuracy: 0.6 },
      ],
      answersPerItem: 3,
      seed: 9,
    });
    let previous = Number.NEGATIVE_INFINITY;
    for (let rounds = 1; rounds <= 8; rounds++) {
      const { logLikelihood } = dawidSkene(answers, { maxIterations: rounds, smoothing: 0 });
      expect(logLikelihood).toBeGreaterThanOrEqual(previous - 1e-9);
      previous = logLikelihood;
    }
  });

  it('with no rounds returns the majority-vote shares it starts from', () => {
    const { encoded } = adversarialCrowd();
    const result = dawidSkene(encoded.answers, { maxIterations: 0 });
    expect(result.posteriors).toEqual(majorityVote(encoded.answers).posteriors);
    expect(result.iterations).toBe(0);
  });

  it('starts from given posteriors', () => {
    const { encoded, truth } = adversarialCrowd();
    const initial = new Float64Array(40);
    truth.forEach((t, i) => {
      initial[i * 2 + Number(t)] = 1;
    });
    const result = dawidSkene(encoded.answers, { initial, maxIterations: 0 });
    expect(result.posteriors).toEqual(initial);
  });

  it('refuses bad options with a message naming them', () => {
    const { encoded } = adversarialCrowd();
    expect(() => dawidSkene(encoded.answers, { smoothing: -1 })).toThrow(DomainError);
    expect(() => dawidSkene(encoded.answers, { smoothing: -1 })).toThrow(/smoothing/);
    expect(() => dawidSkene(encoded.answers, { maxIterations: 1.5 })).toThrow(/maxIterations/);
    expect(() => dawidSkene(encoded.answers, { initial: new Float64Array(3) })).toThrow(/initial/);
  });
});
