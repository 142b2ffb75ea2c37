import { describe, expect, it } from 'vitest';
import { adversarialCrowd } from './adversarialCrowd.ts';
import { categoricalAggregatorSuite } from './categoricalAggregatorSuite.ts';
import { encodeAnswers } from './encodeAnswers.ts';
import { glad } from './glad.ts';

describe('glad', () => {
  categoricalAggregatorSuite((answers) => glad(answers));

  it('gives the adversary a negative ability and follows the reliable workers', () => {
    const { encoded, truth } = adversarialCrowd();
    const result = glad(encoded.answers);
    expect(result.workerSkill[encoded.workerIndex.get('adv')!]).toBeLessThan(0);
    expect(result.workerSkill[encoded.workerIndex.get('r1')!]).toBeGreaterThan(0);
    expect(Array.from(result.labels, (l) => encoded.classIds[l])).toEqual(truth);
    expect(result.converged).toBe(true);
  });

  it('finds items where good workers disagree harder than items where all agree', () => {
    // Four workers agree with each other on "easy"; on "hard" they split 2-2 (tie to "a").
    const triples = [
      ...['e1', 'e2', 'e3', 'e4', 'e5'].flatMap((item, k) =>
        ['w1', 'w2', 'w3', 'w4'].map((worker) => ({ item, worker, label: k % 2 ? 'a' : 'b' })),
      ),
      ...['w1', 'w2', 'w3', 'w4'].map((worker, k) => ({ item: 'hard', worker, label: k < 2 ? 'a' : 'b' })),
    ];
    const encoded = encodeAnswers(triples);
    const result = glad(encoded.answers);
    const hard = result.itemDifficulty[encoded.itemIndex.get('hard')!]!;
    const easy = result.itemDifficulty[encoded.itemIndex.get('e1')!]!;
    expect(hard).toBeGreaterThan(2 * easy);
    expect(result.confidence[encoded.itemIndex.get('hard')!]).toBeCloseTo(0.5, 6);
  });

  it('refuses a negative prior variance', () => {
    const { encoded } = adversarialCrowd();
    expect(() => glad(encoded.answers, { abilityPriorVariance: -1 })).toThrow(/abilityPriorVariance/);
  });
});
