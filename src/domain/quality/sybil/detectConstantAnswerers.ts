import { assertAnswers } from '../aggregate/assertAnswers.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { assertReference } from './assertReference.ts';
import { bucketAnswers } from './bucketAnswers.ts';
import { formatPercent } from './formatPercent.ts';
import { formatShare } from './formatShare.ts';
import { judgedAnswers } from './judgedAnswers.ts';
import { regularizedBeta } from './regularizedBeta.ts';
import { requireInRange } from './requireInRange.ts';
import { requireWholeNumber } from './requireWholeNumber.ts';
import type { SybilFlag } from './sybilFlag.ts';

export type DetectConstantAnswerersOptions = {
  /** Answers a worker needs before it can be flagged. Default 15. */
  readonly minAnswers?: number;
  /** Share of a worker's answers in one class that makes it a suspect. Default 0.9. */
  readonly minShare?: number;
  /**
   * On judged items whose reference is another class, the rate at which the worker still gives its
   * favourite class must be above this. Default 0.5: an honest worker with a bias towards one class still
   * follows the item more often than not.
   */
  readonly minOverrideRate?: number;
  /** Posterior probability that the override rate is above minOverrideRate needed to flag. Default 0.9. */
  readonly confidence?: number;
  /** See judgedAnswers. Default 2, right for a majority-vote reference; 0 for gold. */
  readonly minReferenceLead?: number;
  /** Class names for the evidence, by class index. Default: "class 3" for class index 3. */
  readonly classNames?: readonly string[];
};

/**
 * Flags workers who give (nearly) the same class whatever the item: at least `minShare` of at least
 * `minAnswers` answers in one class, while the reference on the items they answered is not that one-sided.
 * The comparison is made where it matters: among the worker's judged items whose reference is another class,
 * how often the worker still gave its favourite (the override rate, with a Beta(1 + k, 1 + m − k) posterior).
 * An honest worker on a project where one class is nearly everything has a top share as high as a constant
 * answerer's, but it follows the reference on the few other items, so it is not flagged.
 */
export function detectConstantAnswerers(
  answers: CategoricalAnswers,
  reference: Int32Array,
  options: DetectConstantAnswerersOptions = {},
): SybilFlag[] {
  assertAnswers(answers);
  assertReference(answers, reference);
  const minAnswers = requireWholeNumber('minAnswers', options.minAnswers ?? 15, 1);
  const minShare = requireInRange('minShare', options.minShare ?? 0.9, 0, 1, '(]');
  const minOverride = requireInRange('minOverrideRate', options.minOverrideRate ?? 0.5, 0, 1, '[)');
  const confidence = requireInRange('confidence', options.confidence ?? 0.9, 0, 1, '()');
  const minLead = requireWholeNumber('minReferenceLead', options.minReferenceLead ?? 2, 0);
  const name = (c: number) =>
    options.classNames?.[c] !== undefined ? `"${options.classNames[c]}"` : `class ${c}`;

  const { items, labels, nWorkers, nClasses } = answers;
  const judged = judgedAnswers(answers, reference, minLead);
  const { start, order } = bucketAnswers(answers.workers, nWorkers);
  // One class tally reused across workers, cleared through the answers that filled it.
  const tally = new Int32Array(nClasses);
  const flags: SybilFlag[] = [];
  for (let w = 0; w < nWorkers; w++) {
    const from = start[w]!;
    const to = start[w + 1]!;
    const n = to - from;
    if (n < minAnswers) continue;
    let top = -1;
    for (let p = from; p < to; p++) {
      const c = labels[order[p]!]!;
      tally[c]!++;
      if (top < 0 || tally[c]! > tally[top]! || (tally[c] === tally[top] && c < top)) top = c;
    }
    const topCount = tally[top]!;
    for (let p = from; p < to; p++) tally[labels[order[p]!]!] = 0;
    if (topCount / n < minShare) continue;

    let judgedCount = 0;
    let referenceTop = 0; // judged items whose reference is the favourite class
    let overridden = 0; // judged items with another reference where the worker still said the favourite
    for (let p = from; p < to; p++) {
      const a = order[p]!;
      if (!judged[a]) continue;
      judgedCount++;
      if (reference[items[a]!] === top) referenceTop++;
      else if (labels[a] === top) overridden++;
    }
    const other = judgedCount - referenceTop;
    if (other === 0) continue;
    const score = 1 - regularizedBeta(minOverride, 1 + overridden, 1 + other - overridden);
    if (score < confidence) continue;
    flags.push({
      worker: w,
      kind: 'constant_answerer',
      score,
      evidence:
        `Gave ${name(top)} in ${formatShare(topCount, n, 'answers')}, while the reference is ${name(top)} on ` +
        `only ${formatShare(referenceTop, judgedCount, 'judged items')} they answered; on the ${other} whose ` +
        `reference is another class they still gave ${name(top)} ${overridden} times ` +
        `(${formatPercent(overridden / other)}).`,
    });
  }
  return flags;
}
