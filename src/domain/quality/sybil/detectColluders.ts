import { assertAnswers } from '../aggregate/assertAnswers.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { agreementWithReference } from './agreementWithReference.ts';
import { assertReference } from './assertReference.ts';
import { formatPercent } from './formatPercent.ts';
import { judgedAnswers } from './judgedAnswers.ts';
import { regularizedBeta } from './regularizedBeta.ts';
import { requireInRange } from './requireInRange.ts';
import { requireWholeNumber } from './requireWholeNumber.ts';
import type { SybilFlag } from './sybilFlag.ts';
import { tallyPairs } from './tallyPairs.ts';

export type DetectColludersOptions = {
  /** Judged items two workers must have in common before the pair is tested. Default 8. */
  readonly minShared?: number;
  /**
   * Identical answers that differ from the reference a pair needs before it can be flagged: the fingerprint
   * of copying, which two honest experts who simply agree with the reference do not leave. Default 4.
   */
  readonly minSharedWrong?: number;
  /**
   * How many times fewer disagreements than their accuracies predict a pair must show. Default 2: a ring
   * that copies one answer disagrees almost never, while honest workers who err on the same hard items
   * still disagree on most of the items either gets wrong.
   */
  readonly minRatio?: number;
  /**
   * Family-wise error rate: a pair is flagged when its p-value times the number of pairs tested is at most
   * this. Default 0.001.
   */
  readonly significance?: number;
  /**
   * Chance that two independent wrong answers on one item are the same wrong answer. Default: measured on
   * the crowd itself, over all pairs of workers not flagged, since errors are seldom spread evenly.
   */
  readonly wrongMatchRate?: number;
  /** See judgedAnswers. Default 2, right for a majority-vote reference; 0 for gold. */
  readonly minReferenceLead?: number;
  /**
   * Most pair records (4 bytes each) held at once; a crowd with more pairs of answers on shared items is
   * tallied in several passes over the items, trading time for memory. Default 2²³ (32 MB).
   */
  readonly maxPairRecords?: number;
};

/** Union-find root with path halving. */
function root(parent: Int32Array, w: number): number {
  let x = w;
  while (parent[x] !== x) {
    parent[x] = parent[parent[x]!]!;
    x = parent[x]!;
  }
  return x;
}

/**
 * Flags groups of workers who answer alike more than their skill explains: the sign of one person behind
 * several accounts, or of workers copying each other. For each pair with at least `minShared` judged items in
 * common, two workers who answer independently, with accuracies p₁ and p₂ against the reference, agree on an
 * item with probability p₁p₂ + (1 − p₁)(1 − p₂)q, where q is the chance that two independent errors are the
 * same wrong answer (measured on the crowd). A pair is flagged when it shares at least `minSharedWrong`
 * identical wrong answers, disagrees at most 1/`minRatio` as often as that predicts, and the binomial tail of
 * so few disagreements, times the number of pairs tested, is at most `significance`. Testing disagreements
 * rather than the shared wrong answers alone keeps honest experts apart from rings when items differ in
 * difficulty: workers who all stumble on the same hard items share many errors, but still disagree on most
 * items one of them gets wrong. Flagged pairs are joined into groups (union-find), and every member gets a
 * flag naming the rest of its group. The pair counts come from tallyPairs, in time proportional to the
 * answers times the answers per item.
 */
export function detectColluders(
  answers: CategoricalAnswers,
  reference: Int32Array,
  options: DetectColludersOptions = {},
): SybilFlag[] {
  assertAnswers(answers);
  assertReference(answers, reference);
  const minShared = requireWholeNumber('minShared', options.minShared ?? 8, 1);
  const minSharedWrong = requireWholeNumber('minSharedWrong', options.minSharedWrong ?? 4, 1);
  const minRatio = requireInRange('minRatio', options.minRatio ?? 2, 1, Number.POSITIVE_INFINITY, '[)');
  const significance = requireInRange('significance', options.significance ?? 0.001, 0, 1, '()');
  const fixedMatchRate =
    options.wrongMatchRate === undefined
      ? undefined
      : requireInRange('wrongMatchRate', options.wrongMatchRate, 0, 1, '(]');
  const minLead = requireWholeNumber('minReferenceLead', options.minReferenceLead ?? 2, 0);
  const maxPairRecords = requireWholeNumber('maxPairRecords', options.maxPairRecords ?? 1 << 23, 1);

  const { nWorkers, nClasses } = answers;
  const judged = judgedAnswers(answers, reference, minLead);
  const agreement = agreementWithReference(answers, reference, judged);
  // Laplace-smoothed, so a worker with few judged answers never looks perfectly right or wrong.
  const skill = Float64Array.from(agreement.judged, (n, w) => (agreement.agreed[w]! + 1) / (n + 2));
  const tally = tallyPairs(answers, reference, judged, { minShared, minSharedWrong, maxPairRecords });
  const { pairs: candidates, tested: tests } = tally;

  // Expected disagreements and the p-value of each candidate, for a given match rate q.
  const count = candidates.a.length;
  const expected = new Float64Array(count);
  const pValue = new Float64Array(count);
  const flagged = new Uint8Array(count);
  const evaluate = (q: number) => {
    let changed = false;
    for (let k = 0; k < count; k++) {
      const pa = skill[candidates.a[k]!]!;
      const pb = skill[candidates.b[k]!]!;
      const n = candidates.shared[k]!;
      const d = n - candidates.same[k]!;
      const rate = Math.max(0, 1 - pa * pb - (1 - pa) * (1 - pb) * q);
      expected[k] = n * rate;
      // P(X ≤ d) for X ~ Binomial(n, rate), as I_{1−rate}(n − d, d + 1) so that tiny tails stay exact.
      pValue[k] = d >= n ? 1 : regularizedBeta(1 - rate, n - d, d + 1);
      const isFlagged = d * minRatio <= expected[k]! && pValue[k]! * tests <= significance ? 1 : 0;
      if (isFlagged !== flagged[k]) changed = true;
      flagged[k] = isFlagged;
    }
    return changed;
  };
  if (fixedMatchRate !== undefined) evaluate(fixedMatchRate);
  else {
    // Two wrong answers coincide with probability 1/(K − 1) if errors are spread evenly;
    // real errors cluster, so q is measured, and measured again without the pairs flagged (whose copying
    // would inflate it) until the flags settle. One pseudo-pair at the even rate keeps it defined.
    const even = nClasses > 1 ? 1 / (nClasses - 1) : 1;
    let excludedSame = 0;
    let excludedBoth = 0;
    for (let round = 0; round < 10; round++) {
      const q = (tally.sameWrong - excludedSame + even) / (tally.bothWrong - excludedBoth + 1);
      if (!evaluate(q) && round > 0) break;
      excludedSame = 0;
      excludedBoth = 0;
      for (let k = 0; k < count; k++) {
        if (!flagged[k]) continue;
        excludedSame += candidates.sameWrong[k]!;
        excludedBoth += candidates.bothWrong[k]!;
      }
    }
  }

  const parent = Int32Array.from({ length: nWorkers }, (_, w) => w);
  // Per worker, its most significant flagged pair.
  const strongest = new Int32Array(nWorkers).fill(-1);
  for (let k = 0; k < count; k++) {
    if (!flagged[k]) continue;
    const a = candidates.a[k]!;
    const b = candidates.b[k]!;
    parent[root(parent, a)] = root(parent, b);
    for (const w of [a, b]) if (strongest[w]! < 0 || pValue[k]! < pValue[strongest[w]!]!) strongest[w] = k;
  }
  const groups = new Map<number, number[]>();
  for (let w = 0; w < nWorkers; w++) {
    if (strongest[w]! < 0) continue;
    const g = root(parent, w);
    const members = groups.get(g);
    if (members) members.push(w);
    else groups.set(g, [w]);
  }

  const flags: SybilFlag[] = [];
  for (let w = 0; w < nWorkers; w++) {
    const k = strongest[w]!;
    if (k < 0) continue;
    const members = groups.get(root(parent, w))!;
    const other = candidates.a[k] === w ? candidates.b[k]! : candidates.a[k]!;
    const n = candidates.shared[k]!;
    const rate = (v: number) => formatPercent(agreement.agreed[v]! / agreement.judged[v]!);
    flags.push({
      worker: w,
      kind: 'colluder',
      score: 1 - Math.min(1, pValue[k]! * tests),
      evidence:
        `Disagreed with another account of its group on ${n - candidates.same[k]!} of ${n} judged items ` +
        `both answered, where their agreement with the reference (${rate(w)} and ${rate(other)}) predicts ` +
        `about ${Math.round(expected[k]!)} disagreements, and ${candidates.sameWrong[k]} of their shared ` +
        `answers are the same answer against the reference; one of ${members.length} accounts that answer alike.`,
      peers: members.filter((m) => m !== w),
    });
  }
  return flags;
}
