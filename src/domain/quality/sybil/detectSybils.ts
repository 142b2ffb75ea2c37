import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { type DetectColludersOptions, detectColluders } from './detectColluders.ts';
import { type DetectConstantAnswerersOptions, detectConstantAnswerers } from './detectConstantAnswerers.ts';
import { type DetectRandomClickersOptions, detectRandomClickers } from './detectRandomClickers.ts';
import type { SybilFlag, SybilKind } from './sybilFlag.ts';

export type { SybilFlag, SybilKind } from './sybilFlag.ts';

export type DetectSybilsOptions = {
  /** Agreement with the reference that guessing earns. Default 1 / nClasses. See detectRandomClickers. */
  readonly chanceAgreement?: number;
  /**
   * An answer is judged only where the item's other answers put the reference label this many votes ahead
   * of any other (see judgedAnswers). Default 2, right for a majority-vote reference; 0 for gold.
   */
  readonly minReferenceLead?: number;
  /** Class names for the evidence, by class index. */
  readonly classNames?: readonly string[];
  /** Settings of each detector; where they repeat a setting above, theirs wins. */
  readonly randomClickers?: DetectRandomClickersOptions;
  readonly constantAnswerers?: DetectConstantAnswerersOptions;
  readonly colluders?: DetectColludersOptions;
};

const KIND_ORDER: Readonly<Record<SybilKind, number>> = {
  constant_answerer: 0,
  random_clicker: 1,
  colluder: 2,
};

/**
 * Runs the three spam detectors over categorical answers judged against `reference` (a class per item,
 * -1 where unknown) and returns their flags, ordered by worker and kind. A worker can carry several
 * flags; a random-clicker flag is dropped for a worker also flagged as a constant answerer, since answering
 * one class everywhere is what put its agreement at chance and the constant flag says so more precisely.
 */
export function detectSybils(
  answers: CategoricalAnswers,
  reference: Int32Array,
  options: DetectSybilsOptions = {},
): SybilFlag[] {
  const shared = {
    ...(options.minReferenceLead === undefined ? {} : { minReferenceLead: options.minReferenceLead }),
  };
  const constant = detectConstantAnswerers(answers, reference, {
    ...shared,
    ...(options.classNames === undefined ? {} : { classNames: options.classNames }),
    ...options.constantAnswerers,
  });
  const random = detectRandomClickers(answers, reference, {
    ...shared,
    ...(options.chanceAgreement === undefined ? {} : { chanceAgreement: options.chanceAgreement }),
    ...options.randomClickers,
  });
  const colluders = detectColluders(answers, reference, { ...shared, ...options.colluders });
  const constantWorkers = new Set(constant.map((f) => f.worker));
  return [...constant, ...random.filter((f) => !constantWorkers.has(f.worker)), ...colluders].sort(
    (x, y) => x.worker - y.worker || KIND_ORDER[x.kind] - KIND_ORDER[y.kind],
  );
}
