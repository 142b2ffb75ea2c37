import { describe, expect, it } from 'vitest';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { mace } from './mace.ts';
import { majorityVote } from './majorityVote.ts';
import { simulateCrowd } from './simulateCrowd.ts';

describe('mace', () => {
  categoricalAggregatorSuite((answers) => mace(answers));

  // Workers 0–1 are good; 2–4 are spammers who answer "2" whatever the item shows.
  const spam = {
    confusion: [
      [0, 0, 1],
      [0, 0, 1],
      [0, 0, 1],
    ],
  };
  const crowd = simulateCrowd({
    nItems: 600,
    nClasses: 3,
    workers: [{ accuracy: 0.85 }, { accuracy: 0.8 }, spam, spam, spam],
    seed: 13,
  });

  it('finds the spammers and what they spam', () => {
    const result = mace(crowd.answers);
    expect(result.workerSkill[0]).toBeGreaterThan(0.7);
    expect(result.workerSkill[1]).toBeGreaterThan(0.7);
    for (const w of [2, 3, 4]) {
      expect(result.workerSkill[w]).toBeLessThan(0.45);
      expect(result.spamDistribution[w * 3 + 2]).toBeGreaterThan(0.95);
    }
  });

  it('beats the majority, which the spammers capture', () => {
    const labels = mace(crowd.answers).labels;
    const plain = majorityVote(crowd.answers).labels;
    let right = 0;
    let mv = 0;
    for (let i = 0; i < crowd.truth.length; i++) {
      if (labels[i] === crowd.truth[i]) right++;
      if (plain[i] === crowd.truth[i]) mv++;
    }
    expect(mv / crowd.truth.length).toBeLessThan(0.5);
    expect(right / crowd.truth.length).toBeGreaterThan(0.8);
  });

  it('keeps every spamming distribution normalised', () => {
    const { spamDistribution } = mace(crowd.answers);
    for (let w = 0; w < 5; w++) {
      const sum = spamDistribution[w * 3]! + spamDistribution[w * 3 + 1]! + spamDistribution[w * 3 + 2]!;
      expect(sum).toBeCloseTo(1, 12);
    }
  });

  it('refuses a negative prior', () => {
    expect(() => mace(crowd.answers, { spamPrior: -0.5 })).toThrow(/spamPrior/);
  });
});
