import { describe, expect, it } from 'vitest';
import { type DawidSkeneTables, dawidSkeneRound } from './dawidSkeneRound.ts';
import { MIN_PROBABILITY } from './estimateClassPrior.ts';
import { groupByItem } from './groupByItem.ts';
import { simulateCrowd } from './simulateCrowd.ts';

/** Tables for a simulated crowd with random (deterministic) clamped confusion cells and prior. */
function tablesFor(nClasses: number, extremeWorker: boolean): DawidSkeneTables {
  const { answers } = simulateCrowd({
    nItems: 60,
    nClasses,
    workers: Array.from({ length: 40 }, (_, w) => ({ accuracy: 0.4 + (w % 5) * 0.1 })),
    answersPerItem: 30,
    seed: 7 + nClasses,
  });
  const { items, workers, labels, nItems, nWorkers } = answers;
  const K = nClasses;
  const { start, order } = groupByItem(answers);
  const cells = Int32Array.from(order, (a) => (workers[a]! * K + labels[a]!) * K);
  const confusionByGiven = Float64Array.from({ length: nWorkers * K * K }, (_, x) =>
    Math.max(((x * 7919) % 97) / 97, MIN_PROBABILITY),
  );
  // Item 0's 30 answers all go to worker 0, whose cells are all tiny (1e-11 for class 0, the floor for the
  // rest): a plain product would underflow to zero for every class, so this exercises the rescaling.
  if (extremeWorker) {
    for (let cell = 0; cell < K * K; cell++)
      confusionByGiven[cell] = cell % K === 0 ? 1e-11 : MIN_PROBABILITY;
    for (let j = start[0]!; j < start[1]!; j++) cells[j] = labels[order[j]!]! * K;
  }
  const clampedPrior = Float64Array.from({ length: K }, (_, c) => (c + 1) / ((K * (K + 1)) / 2));
  expect(items.length).toBe(nItems * 30);
  return {
    nClasses: K,
    start,
    cells,
    confusionByGiven,
    clampedPrior,
    posteriors: new Float64Array(nItems * K).fill(1 / K),
    counts: new Float64Array(nWorkers * K * K).fill(5),
    classMass: new Float64Array(K).fill(5),
  };
}

/** The same round the slow, obvious way: sums of logs and a log-sum-exp per item. */
function referenceRound(t: DawidSkeneTables) {
  const K = t.nClasses;
  const nItems = t.start.length - 1;
  const posteriors = Float64Array.from(t.posteriors);
  const counts = new Float64Array(t.counts.length);
  const classMass = new Float64Array(K);
  let delta = 0;
  let logLikelihood = 0;
  for (let i = 0; i < nItems; i++) {
    const scores = Array.from(t.clampedPrior, (p) => Math.log(p));
    for (let j = t.start[i]!; j < t.start[i + 1]!; j++) {
      for (let c = 0; c < K; c++) scores[c]! += Math.log(t.confusionByGiven[t.cells[j]! + c]!);
    }
    const max = Math.max(...scores);
    const sum = scores.reduce((s, x) => s + Math.exp(x - max), 0);
    logLikelihood += max + Math.log(sum);
    for (let c = 0; c < K; c++) {
      const p = Math.exp(scores[c]! - max) / sum;
      delta = Math.max(delta, Math.abs(p - posteriors[i * K + c]!));
      posteriors[i * K + c] = p;
      classMass[c]! += p;
      for (let j = t.start[i]!; j < t.start[i + 1]!; j++) counts[t.cells[j]! + c]! += p;
    }
  }
  return { posteriors, counts, classMass, delta, logLikelihood };
}

describe('dawidSkeneRound', () => {
  for (const K of [2, 3, 4, 5]) {
    for (const extremeWorker of [false, true]) {
      it(`matches the log-space E-step and the M-step counts (K = ${K}${extremeWorker ? ', rescaled rows' : ''})`, () => {
        const tables = tablesFor(K, extremeWorker);
        const expected = referenceRound(tables);
        const round = dawidSkeneRound(tables);
        expect(round.delta).toBeCloseTo(expected.delta, 12);
        expect(round.logLikelihood / expected.logLikelihood).toBeCloseTo(1, 12);
        for (let x = 0; x < expected.posteriors.length; x++) {
          expect(tables.posteriors[x]).toBeCloseTo(expected.posteriors[x]!, 12);
        }
        for (let x = 0; x < expected.counts.length; x++) {
          expect(tables.counts[x]).toBeCloseTo(expected.counts[x]!, 10);
        }
        for (let c = 0; c < K; c++) expect(tables.classMass[c]).toBeCloseTo(expected.classMass[c]!, 10);
        if (extremeWorker) expect(tables.posteriors[0]).toBeCloseTo(1, 12);
      });
    }
  }

  it('leaves the rows of items without answers alone and counts nothing for them', () => {
    const tables: DawidSkeneTables = {
      nClasses: 2,
      start: Int32Array.of(0, 0, 1),
      cells: Int32Array.of(2),
      confusionByGiven: Float64Array.of(0.8, 0.3, 0.2, 0.7),
      clampedPrior: Float64Array.of(0.5, 0.5),
      posteriors: Float64Array.of(0, 0, 0.5, 0.5),
      counts: new Float64Array(4),
      classMass: new Float64Array(2),
    };
    const round = dawidSkeneRound(tables);
    expect(Array.from(tables.posteriors.subarray(0, 2))).toEqual([0, 0]);
    expect(tables.posteriors[2]).toBeCloseTo(0.2 / 0.9, 15);
    expect(Array.from(tables.counts)).toEqual([0, 0, tables.posteriors[2], tables.posteriors[3]]);
    expect(round.logLikelihood).toBeCloseTo(Math.log(0.45), 15);
  });
});
