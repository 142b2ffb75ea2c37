import { assertAnswers } from '../aggregate/assertAnswers.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { agreementWithReference } from './agreementWithReference.ts';
import { assertReference } from './assertReference.ts';
import { formatPercent } from './formatPercent.ts';
import { formatShare } from './formatShare.ts';
import { judgedAnswers } from './judgedAnswers.ts';
import { regularizedBeta } from './regularizedBeta.ts';
import { requireInRange } from './requireInRange.ts';
import { requireWholeNumber } from './requireWholeNumber.ts';
import type { SybilFlag } from './sybilFlag.ts';

export type DetectRandomClickersOptions = {
  /** Judged answers a worker needs before it can be flagged. Default 10. */
  readonly minJudged?: number;
  /**
   * An answer is judged only where the item's other answers put the reference label this many votes ahead
   * of any other (see judgedAnswers). Default 2, right for a majority-vote reference; 0 for gold.
   */
  readonly minReferenceLead?: number;
  /**
   * Agreement with the reference that guessing earns. Default 1 / nClasses; pass the real number of
   * choices when the classes are distinct answers seen rather than the options offered.
   */
  readonly chanceAgreement?: number;
  /**
   * Agreement up to chance + margin still counts as guessing. Default (1 − chance) / 4: a quarter of the
   * way from guessing to perfect, room for a guesser's luck that stays below honest but weak workers.
   */
  readonly margin?: number;
  /** Posterior probability that the worker's agreement rate is at most chance + margin needed to flag. Default 0.9. */
  readonly confidence?: number;
};

/**
 * Flags workers whose agreement with the reference cannot be told from guessing. With a uniform prior, a
 * worker's agreement rate after `k` agreements in `n` judged answers is Beta(1 + k, 1 + n − k); the worker
 * is flagged when that posterior puts at least `confidence` on rates at most chance + margin. Unlike a
 * test that fails to reject chance, this needs positive evidence, so a new worker with a few answers is
 * left alone. Workers below chance (always wrong) are flagged too: their answers carry no honest work.
 * `reference` holds a class per item, -1 where unknown.
 */
export function detectRandomClickers(
  answers: CategoricalAnswers,
  reference: Int32Array,
  options: DetectRandomClickersOptions = {},
): SybilFlag[] {
  assertAnswers(answers);
  assertReference(answers, reference);
  const minJudged = requireWholeNumber('minJudged', options.minJudged ?? 10, 1);
  const minLead = requireWholeNumber('minReferenceLead', options.minReferenceLead ?? 2, 0);
  const chance = requireInRange(
    'chanceAgreement',
    options.chanceAgreement ?? 1 / Math.max(answers.nClasses, 1),
    0,
    1,
    '[)',
  );
  const margin = requireInRange('margin', options.margin ?? (1 - chance) / 4, 0, 1 - chance, '[)');
  const confidence = requireInRange('confidence', options.confidence ?? 0.9, 0, 1, '()');
  const ceiling = chance + margin;

  const { judged, agreed } = agreementWithReference(
    answers,
    reference,
    judgedAnswers(answers, reference, minLead),
  );
  const flags: SybilFlag[] = [];
  for (let w = 0; w < answers.nWorkers; w++) {
    const n = judged[w]!;
    if (n < minJudged) continue;
    const k = agreed[w]!;
    const score = regularizedBeta(ceiling, 1 + k, 1 + n - k);
    if (score < confidence) continue;
    flags.push({
      worker: w,
      kind: 'random_clicker',
      score,
      evidence:
        `Agreed with the reference on ${formatShare(k, n, 'judged answers')}, where guessing would agree ` +
        `${formatPercent(chance)} of the time, and the chance that this worker's true rate is at most ` +
        `${formatPercent(ceiling)} is ${formatPercent(score)}.`,
    });
  }
  return flags;
}
