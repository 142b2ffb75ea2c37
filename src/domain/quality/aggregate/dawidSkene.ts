import { answeredItems } from './answeredItems.ts';
import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { estimateClassPrior, MIN_PROBABILITY } from './estimateClassPrior.ts';
import { normalizeLogPosteriors } from './normalizeLogPosteriors.ts';
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
  const { items, workers, labels, nItems, nWorkers, nClasses: K } = answers;
  const n = items.length;
  const KK = K * K;

  // Both arrays are laid out [(w·K + given)·K + true] so the E-step reads K contiguous cells per answer.
  const counts = new Float64Array(nWorkers * KK);
  const logConfusion = new Float64Array(nWorkers * KK);
  const classPrior = new Float64Array(K);
  const logPrior = new Float64Array(K);
  const next = new Float64Array(nItems * K);

  const mStep = () => {
    counts.fill(0);
    for (let a = 0; a < n; a++) {
      const row = items[a]! * K;
      const base = (workers[a]! * K + labels[a]!) * K;
      for (let c = 0; c < K; c++) counts[base + c]! += posteriors[row + c]!;
    }
    for (let w = 0; w < nWorkers; w++) {
      const wBase = w * KK;
      for (let c = 0; c < K; c++) {
        let total = K * smoothing + diagonalPrior;
        for (let l = 0; l < K; l++) total += counts[wBase + l * K + c]!;
        for (let l = 0; l < K; l++) {
          const cell = wBase + l * K + c;
          const p = total > 0 ? (counts[cell]! + smoothing + (l === c ? diagonalPrior : 0)) / total : 1 / K;
          logConfusion[cell] = Math.log(Math.max(p, MIN_PROBABILITY));
        }
      }
    }
    estimateClassPrior(posteriors, answered, 0, classPrior, logPrior);
  };

  let iterations = 0;
  let converged = false;
  let logLikelihood = 0;
  mStep();
  while (iterations < maxIterations) {
    for (let row = 0; row < next.length; row += K) next.set(logPrior, row);
    for (let a = 0; a < n; a++) {
      const row = items[a]! * K;
      const base = (workers[a]! * K + labels[a]!) * K;
      for (let c = 0; c < K; c++) next[row + c]! += logConfusion[base + c]!;
    }
    const step = normalizeLogPosteriors(next, posteriors, answered, K);
    posteriors.set(next);
    logLikelihood = step.logLikelihood;
    iterations += 1;
    if (step.delta <= tolerance) {
      converged = true;
      break;
    }
    if (iterations < maxIterations) mStep();
  }

  const confusion = new Float64Array(nWorkers * KK);
  const workerSkill = new Float64Array(nWorkers);
  for (let w = 0; w < nWorkers; w++) {
    for (let c = 0; c < K; c++) {
      for (let l = 0; l < K; l++) confusion[w * KK + c * K + l] = Math.exp(logConfusion[w * KK + l * K + c]!);
      workerSkill[w]! += classPrior[c]! * confusion[w * KK + c * K + c]!;
    }
  }
  return {
    ...categoricalResult(posteriors, nItems, K),
    workerSkill,
    confusion,
    classPrior,
    iterations,
    converged,
    logLikelihood,
  };
}
