import { answeredItems } from './answeredItems.ts';
import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { estimateClassPrior, MIN_PROBABILITY } from './estimateClassPrior.ts';
import { normalizeLogPosteriors } from './normalizeLogPosteriors.ts';
import { type EmOptions, readEmOptions } from './readEmOptions.ts';
import { requireNonNegative } from './requireNonNegative.ts';

export type MaceOptions = EmOptions & {
  /** Beta prior on each worker's competence, as pseudo-counts of competent and spammed answers. Default 1, 1. */
  readonly competentPrior?: number;
  readonly spamPrior?: number;
  /** Dirichlet pseudo-count per class on each worker's spamming distribution. Default 1. */
  readonly spamLabelPrior?: number;
  /** Learn the class prior from the data (true) or keep it uniform as in the paper (false). Default true. */
  readonly learnClassPrior?: boolean;
};

export type MaceResult = CategoricalResult & {
  /** Per worker, the competence θ: the probability an answer is given knowingly rather than spammed. */
  readonly workerSkill: Float64Array;
  /** Per worker, row-major `nWorkers × K`: the distribution a worker's spammed answers follow. */
  readonly spamDistribution: Float64Array;
  readonly classPrior: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly logLikelihood: number;
};

/**
 * MACE (Hovy et al. 2013, "Learning Whom to Trust"): each answer is either competent (the true class) with
 * the worker's probability θ, or spam drawn from the worker's own label distribution ξ. Fitted by EM with
 * Beta and Dirichlet priors (MAP), from majority-vote shares instead of random restarts, so it is
 * deterministic. Ties go to the lowest class index.
 */
export function mace(answers: CategoricalAnswers, options: MaceOptions = {}): MaceResult {
  assertAnswers(answers);
  const competentPrior = requireNonNegative('competentPrior', options.competentPrior ?? 1);
  const spamPrior = requireNonNegative('spamPrior', options.spamPrior ?? 1);
  const spamLabelPrior = requireNonNegative('spamLabelPrior', options.spamLabelPrior ?? 1);
  const learnClassPrior = options.learnClassPrior ?? true;
  const answered = answeredItems(answers);
  const { maxIterations, tolerance, posteriors } = readEmOptions(answers, answered, options);
  const { items, workers, labels, nItems, nWorkers, nClasses: K } = answers;
  const n = items.length;

  const competence = new Float64Array(nWorkers);
  const spamDistribution = new Float64Array(nWorkers * K);
  const competent = new Float64Array(nWorkers);
  const spam = new Float64Array(nWorkers * K);
  const total = new Float64Array(nWorkers);
  for (let a = 0; a < n; a++) total[workers[a]!]! += 1;
  // Per (worker, given label): log P(given | true = given) and log P(given | true ≠ given).
  const logMatch = new Float64Array(nWorkers * K);
  const logMiss = new Float64Array(nWorkers * K);
  const classPrior = new Float64Array(K).fill(1 / K);
  const logPrior = new Float64Array(K).fill(-Math.log(K || 1));
  const next = new Float64Array(nItems * K);

  const setParameters = () => {
    for (let w = 0; w < nWorkers; w++) {
      const theta = competence[w]!;
      for (let l = 0; l < K; l++) {
        const spamP = (1 - theta) * spamDistribution[w * K + l]!;
        const match = theta + spamP;
        logMatch[w * K + l] = Math.log(Math.max(match, MIN_PROBABILITY));
        logMiss[w * K + l] = Math.log(Math.max(spamP, MIN_PROBABILITY));
      }
    }
  };

  // The first M-step has no θ or ξ yet: it counts an answer as competent exactly when it matches the class.
  let first = true;
  const mStep = () => {
    competent.fill(0);
    spam.fill(0);
    for (let a = 0; a < n; a++) {
      const w = workers[a]!;
      const l = labels[a]!;
      const p = posteriors[items[a]! * K + l]!;
      let knowing = p;
      if (!first) {
        const theta = competence[w]!;
        knowing = (p * theta) / (theta + (1 - theta) * spamDistribution[w * K + l]!);
      }
      competent[w]! += knowing;
      spam[w * K + l]! += 1 - knowing;
    }
    first = false;
    for (let w = 0; w < nWorkers; w++) {
      competence[w] = (competent[w]! + competentPrior) / (total[w]! + competentPrior + spamPrior || 1);
      let spamTotal = K * spamLabelPrior;
      for (let l = 0; l < K; l++) spamTotal += spam[w * K + l]!;
      for (let l = 0; l < K; l++) {
        spamDistribution[w * K + l] = spamTotal > 0 ? (spam[w * K + l]! + spamLabelPrior) / spamTotal : 1 / K;
      }
    }
    setParameters();
    if (learnClassPrior) estimateClassPrior(posteriors, answered, 0, classPrior, logPrior);
  };

  const start = () => {
    if (options.initial) {
      mStep();
      return;
    }
    // From parameters rather than from the majority: every worker half competent, spamming in proportion to
    // their own answers. A worker who always gives one label then carries little evidence from the first
    // E-step on, so a majority of such spammers cannot capture the start (MACE's reason for restarts).
    first = false;
    for (let a = 0; a < n; a++) spam[workers[a]! * K + labels[a]!]! += 1;
    for (let w = 0; w < nWorkers; w++) {
      competence[w] = 0.5;
      for (let l = 0; l < K; l++) {
        spamDistribution[w * K + l] =
          (spam[w * K + l]! + spamLabelPrior) / (total[w]! + K * spamLabelPrior || 1);
      }
    }
    setParameters();
  };

  let iterations = 0;
  let converged = false;
  let logLikelihood = 0;
  start();
  while (iterations < maxIterations) {
    for (let row = 0; row < next.length; row += K) next.set(logPrior, row);
    for (let a = 0; a < n; a++) {
      const row = items[a]! * K;
      const cell = workers[a]! * K + labels[a]!;
      const miss = logMiss[cell]!;
      for (let c = 0; c < K; c++) next[row + c]! += miss;
      next[row + labels[a]!]! += logMatch[cell]! - miss;
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
  return {
    ...categoricalResult(posteriors, answers),
    workerSkill: competence,
    spamDistribution,
    classPrior,
    iterations,
    converged,
    logLikelihood,
  };
}
