import { answeredItems } from './answeredItems.ts';
import { assertAnswers } from './assertAnswers.ts';
import { type CategoricalResult, categoricalResult } from './categoricalResult.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { estimateClassPrior } from './estimateClassPrior.ts';
import { normalizeLogPosteriors } from './normalizeLogPosteriors.ts';
import { type EmOptions, readEmOptions } from './readEmOptions.ts';
import { requireNonNegative } from './requireNonNegative.ts';

export type GladOptions = EmOptions & {
  /**
   * Learn the class prior from the data (true) or keep it uniform (false). Default false: with symmetric
   * errors a crowd biased towards one class looks like a skewed prior, and learning it runs away (on the
   * duck dataset it drags accuracy from 0.72 to 0.58).
   */
  readonly learnClassPrior?: boolean;
  /** Gaussian prior on each worker's ability α: mean (default 1) and variance (default 1). */
  readonly abilityPriorMean?: number;
  readonly abilityPriorVariance?: number;
  /** Gaussian prior on each item's log-easiness s (β = eˢ), centred on 0: its variance. Default 4. */
  readonly easinessPriorVariance?: number;
  /** Most gradient steps on α and then s in each M-step (it stops early once they settle). Default 5. */
  readonly mStepIterations?: number;
};

export type GladResult = CategoricalResult & {
  /** Per worker, the ability α: right half the time at 0 (on an item of easiness 1), below that when negative. */
  readonly workerSkill: Float64Array;
  /** Per item, the difficulty 1/β (β > 0 is the easiness): the larger, the closer to guessing. */
  readonly itemDifficulty: Float64Array;
  readonly classPrior: Float64Array;
  readonly iterations: number;
  readonly converged: boolean;
  readonly logLikelihood: number;
};

/** log(1 + eˣ) without overflow. */
function softplus(x: number): number {
  return x > 0 ? x + Math.log1p(Math.exp(-x)) : Math.log1p(Math.exp(x));
}

/** Largest change of a log-easiness in one step; the curvature used for it is only an approximation. */
const MAX_EASINESS_STEP = 1;
/** The M-step stops early once no parameter moves by more than this: further digits do not change labels. */
const M_STEP_TOLERANCE = 1e-4;

/**
 * GLAD (Whitehill et al. 2009): a worker of ability α answers an item of easiness β right with probability
 * σ(α·β), otherwise picks one of the other classes evenly. EM from majority-vote shares; the M-step takes
 * a few preconditioned gradient (Newton / Fisher-scoring) steps on α and log β under Gaussian priors.
 * Deterministic; ties go to the lowest class index.
 */
export function glad(answers: CategoricalAnswers, options: GladOptions = {}): GladResult {
  assertAnswers(answers);
  const abilityMean = options.abilityPriorMean ?? 1;
  const abilityPrecision = 1 / requireNonNegative('abilityPriorVariance', options.abilityPriorVariance ?? 1);
  const easinessPrecision =
    1 / requireNonNegative('easinessPriorVariance', options.easinessPriorVariance ?? 4);
  const mStepIterations = requireNonNegative('mStepIterations', options.mStepIterations ?? 5);
  const learnClassPrior = options.learnClassPrior ?? false;
  const answered = answeredItems(answers);
  const { maxIterations, tolerance, posteriors } = readEmOptions(answers, answered, options);
  const { items, workers, labels, nItems, nWorkers, nClasses: K } = answers;
  const n = items.length;
  const logOthers = Math.log(K > 1 ? K - 1 : 1);

  const ability = new Float64Array(nWorkers).fill(abilityMean);
  const logEasiness = new Float64Array(nItems);
  const easiness = new Float64Array(nItems).fill(1);
  const correct = new Float64Array(n); // posterior probability that answer a is right
  const gradient = new Float64Array(Math.max(nWorkers, nItems));
  const curvature = new Float64Array(Math.max(nWorkers, nItems));
  const fisher = new Float64Array(nItems);
  const classPrior = new Float64Array(K).fill(1 / K);
  const logPrior = new Float64Array(K).fill(-Math.log(K || 1));
  const next = new Float64Array(nItems * K);

  const mStep = () => {
    for (let a = 0; a < n; a++) correct[a] = posteriors[items[a]! * K + labels[a]!]!;
    for (let step = 0; step < mStepIterations; step++) {
      // Ability: the objective is concave in α, so a Newton step with the exact curvature is safe.
      gradient.fill(0, 0, nWorkers);
      curvature.fill(0, 0, nWorkers);
      for (let a = 0; a < n; a++) {
        const w = workers[a]!;
        const b = easiness[items[a]!]!;
        const s = 1 / (1 + Math.exp(-ability[w]! * b));
        gradient[w]! += (correct[a]! - s) * b;
        curvature[w]! += s * (1 - s) * b * b;
      }
      let largest = 0;
      for (let w = 0; w < nWorkers; w++) {
        const g = gradient[w]! - (ability[w]! - abilityMean) * abilityPrecision;
        const d = g / (curvature[w]! + abilityPrecision);
        ability[w]! += d;
        if (Math.abs(d) > largest) largest = Math.abs(d);
      }
      // Log-easiness: the objective need not be concave in s, so the step uses the larger of the exact and
      // the expected (Fisher) curvature, and is capped.
      gradient.fill(0, 0, nItems);
      curvature.fill(0, 0, nItems);
      fisher.fill(0);
      for (let a = 0; a < n; a++) {
        const i = items[a]!;
        const x = ability[workers[a]!]! * easiness[i]!;
        const s = 1 / (1 + Math.exp(-x));
        const g = (correct[a]! - s) * x;
        const f = s * (1 - s) * x * x;
        gradient[i]! += g;
        fisher[i]! += f;
        curvature[i]! += f - g;
      }
      for (let i = 0; i < nItems; i++) {
        const g = gradient[i]! - logEasiness[i]! * easinessPrecision;
        const h = Math.max(curvature[i]!, fisher[i]!);
        let d = g / (h + easinessPrecision);
        if (d > MAX_EASINESS_STEP) d = MAX_EASINESS_STEP;
        else if (d < -MAX_EASINESS_STEP) d = -MAX_EASINESS_STEP;
        logEasiness[i]! += d;
        easiness[i] = Math.exp(logEasiness[i]!);
        if (Math.abs(d) > largest) largest = Math.abs(d);
      }
      if (largest < M_STEP_TOLERANCE) break;
    }
    if (learnClassPrior) estimateClassPrior(posteriors, answered, 0, classPrior, logPrior);
  };

  let iterations = 0;
  let converged = false;
  let logLikelihood = 0;
  mStep();
  while (iterations < maxIterations) {
    for (let row = 0; row < next.length; row += K) next.set(logPrior, row);
    for (let a = 0; a < n; a++) {
      const row = items[a]! * K;
      const x = ability[workers[a]!]! * easiness[items[a]!]!;
      const logRight = -softplus(-x); // log σ(x)
      const logWrong = logRight - x - logOthers; // log(1 − σ(x)) = log σ(x) − x
      for (let c = 0; c < K; c++) next[row + c]! += logWrong;
      next[row + labels[a]!]! += logRight - logWrong;
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
  const itemDifficulty = new Float64Array(nItems);
  for (let i = 0; i < nItems; i++) itemDifficulty[i] = 1 / easiness[i]!;
  return {
    ...categoricalResult(posteriors, answers),
    workerSkill: ability,
    itemDifficulty,
    classPrior,
    iterations,
    converged,
    logLikelihood,
  };
}
