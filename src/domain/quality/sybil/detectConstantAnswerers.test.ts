import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { majorityVote } from '../aggregate/majorityVote.ts';
import { detectConstantAnswerers } from './detectConstantAnswerers.ts';
import { scoreFlags } from './scoreFlags.ts';
import { sybilCrowd } from './sybilCrowd.ts';

/** One worker's answers, one item each, against a gold reference. */
function oneWorker(labels: readonly number[], reference: readonly number[], nClasses: number) {
  const answers: CategoricalAnswers = {
    items: Int32Array.from(labels, (_, i) => i),
    workers: new Int32Array(labels.length),
    labels: Int32Array.from(labels),
    nItems: labels.length,
    nWorkers: 1,
    nClasses,
  };
  return { answers, reference: Int32Array.from(reference) };
}

const repeat = (value: number, times: number) => Array<number>(times).fill(value);

describe('detectConstantAnswerers', () => {
  it('flags one class given everywhere on items whose reference varies, with the numbers', () => {
    // 20 answers, 19 of them "yes"; the reference is "yes" on 5 items only.
    const { answers, reference } = oneWorker([...repeat(1, 19), 0], [...repeat(1, 5), ...repeat(0, 15)], 2);
    const [flag, ...rest] = detectConstantAnswerers(answers, reference, {
      minReferenceLead: 0,
      classNames: ['no', 'yes'],
    });
    expect(rest).toEqual([]);
    expect(flag?.kind).toBe('constant_answerer');
    expect(flag?.score).toBeGreaterThan(0.99);
    expect(flag?.evidence).toBe(
      'Gave "yes" in 19 of 20 answers (95%), while the reference is "yes" on only 5 of 20 judged items (25%) they answered; on the 15 whose reference is another class they still gave "yes" 14 times (93%).',
    );
  });

  it('leaves alone a worker whose answers follow the reference, however one-sided', () => {
    // 19 of 20 "yes", and the reference agrees: a one-sided project, answered right.
    const { answers, reference } = oneWorker([...repeat(1, 19), 0], [...repeat(1, 19), 0], 2);
    expect(detectConstantAnswerers(answers, reference, { minReferenceLead: 0 })).toEqual([]);
  });

  it('needs minAnswers answers and a top share of minShare', () => {
    const few = oneWorker(repeat(1, 14), repeat(0, 14), 2);
    expect(detectConstantAnswerers(few.answers, few.reference, { minReferenceLead: 0 })).toEqual([]);
    // 17 of 20 (85%) in one class is below the default 90%.
    const mixed = oneWorker([...repeat(1, 17), 0, 0, 0], repeat(0, 20), 2);
    expect(detectConstantAnswerers(mixed.answers, mixed.reference, { minReferenceLead: 0 })).toEqual([]);
    expect(
      detectConstantAnswerers(mixed.answers, mixed.reference, { minReferenceLead: 0, minShare: 0.85 }),
    ).toHaveLength(1);
  });

  it('finds constant answerers in a crowd and flags no honest worker', () => {
    const score = scoreFlags(
      [21, 22, 23].map((seed) => {
        const crowd = sybilCrowd({ ...CROWD, seed });
        return {
          roles: crowd.roles,
          flags: detectConstantAnswerers(crowd.answers, majorityVote(crowd.answers).labels),
        };
      }),
      'constant_answerer',
    );
    expect(score.recall).toBeGreaterThanOrEqual(0.9);
    expect(score.falsePositiveRate).toBeLessThanOrEqual(0.02);
  });

  it('does not flag honest workers on a project where one class is 95% of the items', () => {
    const crowd = sybilCrowd({
      ...CROWD,
      classPrior: [0.95, 0.02, 0.02, 0.01],
      honestAccuracy: [0.9, 0.99],
      seed: 24,
    });
    // Honest workers give the common class about as often as a constant answerer gives its favourite.
    const common = new Int32Array(crowd.answers.nWorkers);
    const total = new Int32Array(crowd.answers.nWorkers);
    for (let a = 0; a < crowd.answers.items.length; a++) {
      total[crowd.answers.workers[a]!]!++;
      if (crowd.answers.labels[a] === 0) common[crowd.answers.workers[a]!]!++;
    }
    const oneSided = crowd.roles.filter((r, w) => r === 'honest' && common[w]! / total[w]! >= 0.9);
    expect(oneSided.length).toBeGreaterThan(50);
    for (const reference of [majorityVote(crowd.answers).labels, crowd.truth]) {
      const flags = detectConstantAnswerers(crowd.answers, reference, {
        minReferenceLead: reference === crowd.truth ? 0 : 2,
      });
      expect(scoreFlags([{ roles: crowd.roles, flags }]).wronglyFlagged).toBe(0);
      // Constant answerers whose favourite is a rare class stand out all the more.
      const rareFavourite = crowd.roles.flatMap((r, w) =>
        r === 'constant_answerer' && common[w]! / total[w]! < 0.5 ? [w] : [],
      );
      expect(rareFavourite.length).toBeGreaterThan(5);
      expect(rareFavourite.filter((w) => !flags.some((f) => f.worker === w))).toEqual([]);
    }
  });

  it('refuses bad options with a message naming them', () => {
    const { answers, reference } = oneWorker(repeat(1, 20), repeat(0, 20), 2);
    expect(() => detectConstantAnswerers(answers, reference, { minAnswers: 0 })).toThrow(DomainError);
    expect(() => detectConstantAnswerers(answers, reference, { minShare: 0 })).toThrow(/minShare/);
    expect(() => detectConstantAnswerers(answers, reference, { minOverrideRate: 1 })).toThrow(
      /minOverrideRate/,
    );
    expect(() => detectConstantAnswerers(answers, reference, { confidence: 0 })).toThrow(/confidence/);
    expect(() => detectConstantAnswerers(answers, Int32Array.from(repeat(2, 20)))).toThrow(/reference label/);
  });
});

/** 170 honest workers (accuracy 0.65–0.95), 10 guessers and 20 constant answerers on 2000 items of four classes. */
const CROWD = {
  nItems: 2000,
  nClasses: 4,
  answersPerItem: 5,
  honest: 170,
  randomClickers: 10,
  constantAnswerers: 20,
} as const;
