import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';
import { tallyVotes } from './tallyVotes.ts';

/** Options every EM-fitted method takes. */
export type EmOptions = {
  /** Most EM rounds. Default 100. */
  readonly maxIterations?: number;
  /** Stop once no item's class probability moves by more than this in a round. Default 1e-6. */
  readonly tolerance?: number;
  /** Starting class probabilities, row-major `nItems × nClasses`. Default: majority-vote shares. */
  readonly initial?: Float64Array;
};

/** EM options with defaults applied and checked, and the starting posteriors (zero rows for unanswered items). */
export type ResolvedEmOptions = {
  readonly maxIterations: number;
  readonly tolerance: number;
  readonly posteriors: Float64Array;
};

/** Applies the defaults, refuses nonsense, and builds the starting posteriors (a fresh array EM may overwrite). */
export function readEmOptions(
  answers: CategoricalAnswers,
  answered: Uint8Array,
  options: EmOptions,
): ResolvedEmOptions {
  const maxIterations = options.maxIterations ?? 100;
  const tolerance = options.tolerance ?? 1e-6;
  if (!Number.isInteger(maxIterations) || maxIterations < 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `maxIterations must be a whole number ≥ 0, got ${maxIterations}`,
    );
  }
  if (!(tolerance >= 0))
    throw new DomainError('VALIDATION_FAILED', `tolerance must be ≥ 0, got ${tolerance}`);
  const K = answers.nClasses;
  let posteriors: Float64Array;
  if (options.initial) {
    if (options.initial.length !== answers.nItems * K) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `initial must hold nItems × nClasses = ${answers.nItems * K} values, got ${options.initial.length}`,
      );
    }
    posteriors = Float64Array.from(options.initial);
    for (let i = 0; i < answers.nItems; i++) if (!answered[i]) posteriors.fill(0, i * K, i * K + K);
  } else {
    posteriors = tallyVotes(answers);
  }
  return { maxIterations, tolerance, posteriors };
}
