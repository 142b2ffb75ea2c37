import { answeredItems } from './answeredItems.ts';
import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import { type DawidSkeneTables, dawidSkeneRound } from './dawidSkeneRound.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { MIN_PROBABILITY } from './estimateClassPrior.ts';
import { groupByItem } from './groupByItem.ts';
import { type EmOptions, readEmOptions } from './readEmOptions.ts';
import { requireNonNegative } from './requireNonNegative.ts';

export type DawidSkeneOptions = EmOptions & {
  /**
   * Dirichlet pseudo-count added to every cell of every confusion-matrix row, so a worker seen a few times
   * is not taken to be certain, and a zero cell cannot veto a class. Default 0.01.
   */
  readonly smoothing?: number;
  /** Extra pseudo-count on each diagonal cell: a prior belief that workers beat chance. Default 0. */
  readonly diagonalPrior?: number;
};

export type DawidSkeneResult = CategoricalResult & {
  /** Per worker, the chance of a right answer under the estimated class prior: Σ_c prior[c]·π[c][c]. */
  readonly workerSkill: Float64Array;
  /** Per worker, row-major `K × K`: `[w·K² + true·K + given]` = P(answer `given` | true class). */
  readonly confusion: Float64Array;
  readonly classPrior: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  /** Log-likelihood of the answers under the parameters the last E-step used. */
  readonly logLikelihood: number;
};

/**
 * Dawid-Skene (1979): one full confusion matrix per worker and a class prior, fitted by EM from
 * majority-vote shares. Confidence is the posterior probability of the chosen class; ties go to the lowest
 * class index. Deterministic.
 */
export function dawidSkene(answers: CategoricalAnswers, options: DawidSkeneOptions = {}): DawidSkeneResult {
  assertAnswers(answers);
  const smoothing = requireNonNegative('smoothing', options.smoothing ?? 0.01);
  const diagonalPrior = requireNonNegative('diagonalPrior', options.diagonalPrior ?? 0);
  const answered = answeredItems(answers);
  const { maxIterations, tolerance, posteriors } = readEmOptions(answers, answered, options);
  const { workers, labels, nItems, nWorkers, nClasses: K } = answers;
  const KK = K * K;

  // Answers sorted by item once, each reduced to the offset of its K cells in the confusion table, so a
  // round walks items contiguously and reads one number per answer.
  const { start, order } = groupByItem(answers);
  const cells = new Int32Array(order.length);
  for (let j = 0; j < order.length; j++) {
    const a = order[j]!;
    cells[j] = (workers[a]! * K + labels[a]!) * K;
  }
  let answeredCount = 0;
  for (let i = 0; i < nItems; i++) answeredCount += answered[i]!;

  const tables: DawidSkeneTables = {
    nClasses: K,
    start,
    cells,
    confusionByGiven: new Float64Array(nWorkers * KK),
    clampedPrior: new Float64Array(K),
    posteriors,
    counts: new Float64Array(nWorkers * KK),
    classMass: new Float64Array(K),
  };
  const classPrior = new Float64Array(K);
  const mStep = () => {
    fitConfusion(tables.counts, K, smoothing, diagonalPrior, tables.confusionByGiven);
    for (let c = 0; c < K; c++) {
      const p = answeredCount > 0 ? tables.classMass[c]! / answeredCount : 1 / K;
      classPrior[c] = p;
      tables.clampedPrior[c] = Math.max(p, MIN_PROBABILITY);
    }
  };

  // The first M-step fits the starting posteriors; later ones get their counts from each round's pass.
  for (let i = 0, row = 0; i < nItems; i++, row += K) {
    for (let c = 0; c < K; c++) tables.classMass[c]! += posteriors[row + c]!;
    for (let j = start[i]!; j < start[i + 1]!; j++) {
      const cell = cells[j]!;
      for (let c = 0; c < K; c++) tables.counts[cell + c]! += posteriors[row + c]!;
    }
  }
  mStep();

  let iterations = 0;
  let converged = false;
  let logLikelihood = 0;
  while (iterations < maxIterations) {
    const round = dawidSkeneRound(tables);
    logLikelihood = round.logLikelihood;
    iterations += 1;
    if (round.delta <= tolerance) {
      converged = true;
      break;
    }
    if (iterations < maxIterations) mStep();
  }

  const confusion = new Float64Array(nWorkers * KK);
  const workerSkill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) {
    for (let c = 0; c < K; c++) {
      for (let l = 0; l < K; l++) {
        confusion[w * KK + c * K + l] = tables.confusionByGiven[w * KK + l * K + c]!;
      }
      workerSkill[w]! += classPrior[c]! * confusion[w * KK + c * K + c]!;
    }
  }
  return {
    ...categoricalResult(posteriors, answers),
    workerSkill,
    confusion,
    classPrior,
    iterations,
    converged,
    logLikelihood,
  };
}

/**
 * The M-step for the confusion matrices: each row P(· | true c) of a worker is their answers' posterior
 * mass for c, smoothed and normalised, then clamped at MIN_PROBABILITY as the rounds expect. Both arrays
 * are laid out `[(w·K + given)·K + true]`.
 */
function fitConfusion(
  counts: Float64Array,
  K: number,
  smoothing: number,
  diagonalPrior: number,
  confusionByGiven: Float64Array,
): void {
  const KK = K * K;
  for (let wBase = 0; wBase < counts.length; wBase += KK) {
    for (let c = 0; c < K; c++) {
      let total = K * smoothing + diagonalPrior;
      for (let l = 0; l < K; l++) total += counts[wBase + l * K + c]!;
      for (let l = 0; l < K; l++) {
        const cell = wBase + l * K + c;
        const p = total > 0 ? (counts[cell]! + smoothing + (l === c ? diagonalPrior : 0)) / total : 1 / K;
        confusionByGiven[cell] = Math.max(p, MIN_PROBABILITY);
      }
    }
  }
}
