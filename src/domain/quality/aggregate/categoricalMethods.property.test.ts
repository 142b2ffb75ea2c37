import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CATEGORICAL_METHODS } from './categoricalMethods.ts';
import { dawidSkene } from './dawidSkene.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { encodeAnswers } from './encodeAnswers.ts';

/**
 * A crowd of any shape: up to 6 classes (so the K = 2, K = 4 and any-K rounds of Dawid-Skene all run, and
 * K = 1), items nobody answered, workers who answer an item twice, classes nobody gave (the quality pass
 * lists every choice of the project), and each worker answering truthfully, constantly, at random or
 * always one off, so ties, unanimous items, lone answers and adversarial crowds all come up.
 */
const crowd: fc.Arbitrary<CategoricalAnswers> = fc
  .record({
    nItems: fc.integer({ min: 1, max: 25 }),
    nWorkers: fc.integer({ min: 1, max: 10 }),
    nClasses: fc.integer({ min: 1, max: 6 }),
  })
  .chain(({ nItems, nWorkers, nClasses }) =>
    fc.record({
      nItems: fc.constant(nItems),
      nWorkers: fc.constant(nWorkers),
      nClasses: fc.constant(nClasses),
      truth: fc.array(fc.nat(nClasses - 1), { minLength: nItems, maxLength: nItems }),
      styles: fc.array(fc.constantFrom('truthful', 'constant', 'random', 'offByOne'), {
        minLength: nWorkers,
        maxLength: nWorkers,
      }),
      answers: fc.array(
        fc.record({ item: fc.nat(nItems - 1), worker: fc.nat(nWorkers - 1), guess: fc.nat(nClasses - 1) }),
        { maxLength: 80, size: 'max' },
      ),
    }),
  )
  .map(({ nItems, nWorkers, nClasses, truth, styles, answers }) => {
    const labelOf = ({ item, worker, guess }: { item: number; worker: number; guess: number }) => {
      const t = truth[item]!;
      switch (styles[worker]) {
        case 'truthful':
          return t;
        case 'constant':
          return worker % nClasses;
        case 'offByOne':
          return (t + 1) % nClasses;
        default:
          return guess;
      }
    };
    return {
      items: Int32Array.from(answers, (a) => a.item),
      workers: Int32Array.from(answers, (a) => a.worker),
      labels: Int32Array.from(answers, labelOf),
      nItems,
      nWorkers,
      nClasses,
    };
  });

/** Per item, the classes some worker gave it. */
function givenClasses(answers: CategoricalAnswers): Set<number>[] {
  const given = Array.from({ length: answers.nItems }, () => new Set<number>());
  for (let a = 0; a < answers.items.length; a++) given[answers.items[a]!]!.add(answers.labels[a]!);
  return given;
}

const isProbability = (p: number) => Number.isFinite(p) && p >= 0 && p <= 1;

// The methods as `caravan aggregate` runs them, plus Dawid-Skene as the quality pass runs it (with a prior).
const methods = [
  ...Object.entries(CATEGORICAL_METHODS).map(([name, m]) => ({ name: m.label, key: name, run: m.run })),
  {
    name: 'Dawid-Skene with the quality pass prior',
    key: 'ds-prior',
    run: (a: CategoricalAnswers) => dawidSkene(a, { smoothing: 1, diagonalPrior: 1 }),
  },
];

// A fixed number of cases each; the longer timeout is for a machine busy with other suites.
describe('categorical aggregation, over arbitrary crowds', { timeout: 20_000 }, () => {
  for (const method of methods) {
    it(`${method.name} labels each answered item with a class some worker gave it, with probabilities in [0, 1]`, () => {
      fc.assert(
        fc.property(crowd, (answers) => {
          const result = method.run(answers);
          const { nItems, nClasses: K } = answers;
          const given = givenClasses(answers);
          expect(result.labels).toHaveLength(nItems);
          expect(result.confidence).toHaveLength(nItems);
          expect(result.posteriors).toHaveLength(nItems * K);
          for (let i = 0; i < nItems; i++) {
            const label = result.labels[i]!;
            const confidence = result.confidence[i]!;
            const row = Array.from(result.posteriors.subarray(i * K, i * K + K));
            if (given[i]!.size === 0) {
              expect(label).toBe(-1);
              expect(confidence).toBe(0);
              expect(row.every((p) => p === 0)).toBe(true);
              continue;
            }
            expect(given[i]!.has(label), `item ${i}: label ${label}, given ${[...given[i]!]}`).toBe(true);
            expect(isProbability(confidence), `item ${i}: confidence ${confidence}`).toBe(true);
            expect(row.every(isProbability), `item ${i}: posteriors ${row}`).toBe(true);
            expect(row.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 9);
            expect(confidence).toBe(Math.min(1, row[label]!));
            // The most probable of the given classes, ties to the lowest index.
            for (const c of given[i]!) {
              if (c < label) expect(row[c]!).toBeLessThan(row[label]!);
              else expect(row[c]!).toBeLessThanOrEqual(row[label]!);
            }
          }
          if ('workerSkill' in result) {
            const skill = Array.from(result.workerSkill as Float64Array);
            // GLAD's skill is an ability on the real line; the others are probabilities.
            expect(skill.every(method.key === 'glad' ? Number.isFinite : isProbability)).toBe(true);
          }
        }),
        { numRuns: 80 },
      );
    });
  }

  it('holds through encodeAnswers with string labels, as the CLI and the quality pass feed it', () => {
    const triples = fc.array(
      fc.record({
        item: fc.constantFrom('i1', 'i2', 'i3', 'i4'),
        worker: fc.constantFrom('ann', 'bob', 'cy', 'dee', 'eve'),
        label: fc.constantFrom('cat', 'dog', '2', '10', 'bird'),
      }),
      { minLength: 1, maxLength: 30, size: 'max' },
    );
    fc.assert(
      fc.property(triples, fc.boolean(), (list, fixedClasses) => {
        const encoded = encodeAnswers(
          list,
          fixedClasses ? { classes: ['bird', 'cat', 'dog', '2', '10', 'unused'] } : {},
        );
        for (const method of methods) {
          const { labels } = method.run(encoded.answers);
          encoded.itemIds.forEach((itemId, i) => {
            const label = encoded.classIds[labels[i]!];
            expect(list.some((t) => t.item === itemId && t.label === label)).toBe(true);
          });
        }
      }),
      { numRuns: 80 },
    );
  });
});
