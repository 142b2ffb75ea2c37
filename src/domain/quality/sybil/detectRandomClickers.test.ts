import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { majorityVote } from '../aggregate/majorityVote.ts';
import { detectRandomClickers } from './detectRandomClickers.ts';
import { scoreFlags } from './scoreFlags.ts';
import { sybilCrowd } from './sybilCrowd.ts';

/** Workers each answering their own run of items against a gold reference of all zeros: `right` of `total` correct. */
function goldCrowd(workers: readonly { readonly right: number; readonly total: number }[], nClasses = 2) {
  const items: number[] = [];
  const who: number[] = [];
  const labels: number[] = [];
  workers.forEach(({ right, total }, w) => {
    for (let k = 0; k < total; k++) {
      items.push(items.length);
      who.push(w);
      labels.push(k < right ? 0 : 1);
    }
  });
  const answers: CategoricalAnswers = {
    items: Int32Array.from(items),
    workers: Int32Array.from(who),
    labels: Int32Array.from(labels),
    nItems: items.length,
    nWorkers: workers.length,
    nClasses,
  };
  return { answers, reference: new Int32Array(items.length) };
}

/** 180 honest workers (accuracy 0.65–0.95) and 20 guessers; 2000 items of four classes, five answers each. */
const CROWD = { nItems: 2000, nClasses: 4, answersPerItem: 5, honest: 180, randomClickers: 20 } as const;

describe('detectRandomClickers', () => {
  it('flags agreement at chance, and below it, once there are enough judged answers, with the numbers', () => {
    const { answers, reference } = goldCrowd([
      { right: 52, total: 100 }, // a guesser
      { right: 80, total: 100 }, // honest
      { right: 0, total: 9 }, // always wrong, but too few answers to judge
      { right: 1, total: 10 }, // nearly always wrong
      { right: 31, total: 50 }, // 62%: weak, and not enough evidence either way
    ]);
    const flags = detectRandomClickers(answers, reference, { minReferenceLead: 0 });
    expect(flags.map((f) => f.worker)).toEqual([0, 3]);
    expect(flags[0]!.kind).toBe('random_clicker');
    expect(flags[0]!.score).toBeCloseTo(0.985, 3);
    expect(flags[0]!.evidence).toBe(
      "Agreed with the reference on 52 of 100 judged answers (52%), where guessing would agree 50% of the time, and the chance that this worker's true rate is at most 63% is 98%.",
    );
  });

  it('scores by the posterior probability of a rate at most chance + margin', () => {
    // Beta(1 + 5, 1 + 5) puts exactly half its mass below 0.5.
    const { answers, reference } = goldCrowd([{ right: 5, total: 10 }]);
    const [flag] = detectRandomClickers(answers, reference, {
      minReferenceLead: 0,
      margin: 0,
      confidence: 0.5,
    });
    expect(flag?.score).toBeCloseTo(0.5, 10);
    expect(
      detectRandomClickers(answers, reference, { minReferenceLead: 0, margin: 0, confidence: 0.51 }),
    ).toEqual([]);
  });

  it('uses the chance rate it is given when classes are answers seen rather than choices offered', () => {
    // Twenty interned answers, but the task offers two choices: 50% agreement is guessing, not skill.
    const { answers, reference } = goldCrowd([{ right: 50, total: 100 }], 20);
    expect(detectRandomClickers(answers, reference, { minReferenceLead: 0 })).toEqual([]);
    expect(
      detectRandomClickers(answers, reference, { minReferenceLead: 0, chanceAgreement: 0.5 }),
    ).toHaveLength(1);
  });

  it('finds guessers among honest workers of varied skill, against gold', () => {
    const score = scoreFlags(
      [11, 12, 13].map((seed) => {
        const crowd = sybilCrowd({ ...CROWD, seed });
        return {
          roles: crowd.roles,
          flags: detectRandomClickers(crowd.answers, crowd.truth, { minReferenceLead: 0 }),
        };
      }),
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('finds guessers against a majority vote of ten answers per item', () => {
    const score = scoreFlags(
      [11, 12, 13].map((seed) => {
        const crowd = sybilCrowd({ ...CROWD, answersPerItem: 10, seed });
        return {
          roles: crowd.roles,
          flags: detectRandomClickers(crowd.answers, majorityVote(crowd.answers).labels),
        };
      }),
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('judges against a majority vote without the lift a guesser gets from its own vote', () => {
    // With five answers per item a guesser's own vote often decides the majority; counting those answers
    // hides guessers, skipping them (the default) finds them.
    const run = (minReferenceLead: number) =>
      scoreFlags(
        [11, 12, 13].map((seed) => {
          const crowd = sybilCrowd({ ...CROWD, nItems: 4000, seed });
          const majority = majorityVote(crowd.answers).labels;
          return {
            roles: crowd.roles,
            flags: detectRandomClickers(crowd.answers, majority, { minReferenceLead }),
          };
        }),
      );
    const filtered = run(2);
    expect(filtered.recall).toBeGreaterThanOrEqual(0.9);
    expect(filtered.falsePositiveRate).toBeLessThanOrEqual(0.02);
    expect(filtered.recall - run(0).recall).toBeGreaterThanOrEqual(0.1);
  });

  it('skips items without a reference', () => {
    const { answers } = goldCrowd([{ right: 50, total: 100 }]);
    expect(detectRandomClickers(answers, new Int32Array(100).fill(-1), { minReferenceLead: 0 })).toEqual([]);
  });

  it('refuses bad options with a message naming them', () => {
    const { answers, reference } = goldCrowd([{ right: 5, total: 10 }]);
    expect(() => detectRandomClickers(answers, reference, { minJudged: 0 })).toThrow(DomainError);
    expect(() => detectRandomClickers(answers, reference, { chanceAgreement: 1 })).toThrow(/chanceAgreement/);
    expect(() => detectRandomClickers(answers, reference, { chanceAgreement: 0.6, margin: 0.4 })).toThrow(
      /margin must be a number in \[0, 0.4\)/,
    );
    expect(() => detectRandomClickers(answers, reference, { confidence: 1 })).toThrow(/confidence/);
    expect(() => detectRandomClickers(answers, reference, { minReferenceLead: -1 })).toThrow(
      /minReferenceLead/,
    );
    expect(() => detectRandomClickers(answers, reference.subarray(1))).toThrow(/one label per item/);
  });
});
