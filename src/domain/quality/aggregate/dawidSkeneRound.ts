/**
 * What one Dawid-Skene round reads and writes. Confusion cells are laid out `[(w·K + given)·K + true]`, so
 * the K cells one answer needs sit side by side, and `cells` holds, per answer in item order, the offset
 * `(w·K + given)·K` of that slice.
 */
export type DawidSkeneTables = {
  readonly nClasses: number;
  /** `nItems + 1` offsets into `cells`: item `i`'s answers are `cells[start[i]]` … `cells[start[i + 1] - 1]`. */
  readonly start: Int32Array;
  readonly cells: Int32Array;
  /** P(given | true), already clamped at MIN_PROBABILITY. */
  readonly confusionByGiven: Float64Array;
  /** The class prior, already clamped at MIN_PROBABILITY. */
  readonly clampedPrior: Float64Array;
  /** In: the previous posteriors. Out: the new ones (rows of items without answers are left alone). */
  readonly posteriors: Float64Array;
  /** Out: per confusion cell, the new posterior mass of the answers that fall in it. */
  readonly counts: Float64Array;
  /** Out: per class, the new posterior mass summed over answered items. */
  readonly classMass: Float64Array;
};

/** What one round reports. */
export type DawidSkeneRoundResult = {
  /** Largest change of any class probability against the previous posteriors. */
  readonly delta: number;
  /** Log-likelihood of the answers under the confusion matrices and prior the round used. */
  readonly logLikelihood: number;
};

/**
 * Every factor of an item's product is at least MIN_PROBABILITY (1e-12), so after this many answers since
 * the last rescale a row's largest entry is still above 1e-204 and never underflows.
 */
const RESCALE_EVERY = 16;
/**
 * Item likelihoods are multiplied into one running product and its log taken only when it leaves this
 * range: one log per several items instead of one per item (a fifth of the round's time on 1M answers).
 * What rescaling leaves of an item's likelihood lies in [1e-204, K], so the product stays a normal double.
 */
const FOLD_BELOW = 1e-100;
const FOLD_ABOVE = 1e100;

/**
 * One EM round of Dawid-Skene in a single pass over the answers: per item, the E-step (prior times the
 * product of its answers' confusion cells, in probability space, so no log or exp per answer), then the
 * item's new posterior added straight into the counts the next M-step divides, while its answers are
 * still in cache. K = 2 and K = 4 keep the row in locals; other K go through a scratch row, about twice
 * as slow.
 */
export function dawidSkeneRound(tables: DawidSkeneTables): DawidSkeneRoundResult {
  tables.counts.fill(0);
  if (tables.nClasses === 2) return roundOfTwo(tables);
  if (tables.nClasses === 4) return roundOfFour(tables);
  return roundOfAny(tables);
}

function roundOfTwo(tables: DawidSkeneTables): DawidSkeneRoundResult {
  const { start, cells, confusionByGiven: conf, clampedPrior, posteriors, counts, classMass } = tables;
  const nItems = start.length - 1;
  const q0 = clampedPrior[0]!;
  const q1 = clampedPrior[1]!;
  let m0 = 0;
  let m1 = 0;
  let delta = 0;
  let logLikelihood = 0;
  let product = 1;
  for (let i = 0, row = 0; i < nItems; i++, row += 2) {
    const begin = start[i]!;
    const end = start[i + 1]!;
    if (begin === end) continue;
    let p0 = q0;
    let p1 = q1;
    for (let j = begin; ; ) {
      const stop = end - j > RESCALE_EVERY ? j + RESCALE_EVERY : end;
      for (; j < stop; j++) {
        const cell = cells[j]!;
        p0 *= conf[cell]!;
        p1 *= conf[cell + 1]!;
      }
      if (j === end) break;
      const max = Math.max(p0, p1);
      p0 /= max;
      p1 /= max;
      logLikelihood += Math.log(max);
    }
    const sum = p0 + p1;
    product *= sum;
    if (product < FOLD_BELOW || product > FOLD_ABOVE) {
      logLikelihood += Math.log(product);
      product = 1;
    }
    p0 /= sum;
    p1 /= sum;
    delta = Math.max(delta, Math.abs(p0 - posteriors[row]!), Math.abs(p1 - posteriors[row + 1]!));
    posteriors[row] = p0;
    posteriors[row + 1] = p1;
    m0 += p0;
    m1 += p1;
    for (let j = begin; j < end; j++) {
      const cell = cells[j]!;
      counts[cell]! += p0;
      counts[cell + 1]! += p1;
    }
  }
  classMass[0] = m0;
  classMass[1] = m1;
  return { delta, logLikelihood: logLikelihood + Math.log(product) };
}

function roundOfFour(tables: DawidSkeneTables): DawidSkeneRoundResult {
  const { start, cells, confusionByGiven: conf, clampedPrior, posteriors, counts, classMass } = tables;
  const nItems = start.length - 1;
  const q0 = clampedPrior[0]!;
  const q1 = clampedPrior[1]!;
  const q2 = clampedPrior[2]!;
  const q3 = clampedPrior[3]!;
  let m0 = 0;
  let m1 = 0;
  let m2 = 0;
  let m3 = 0;
  let delta = 0;
  let logLikelihood = 0;
  let product = 1;
  for (let i = 0, row = 0; i < nItems; i++, row += 4) {
    const begin = start[i]!;
    const end = start[i + 1]!;
    if (begin === end) continue;
    let p0 = q0;
    let p1 = q1;
    let p2 = q2;
    let p3 = q3;
    for (let j = begin; ; ) {
      const stop = end - j > RESCALE_EVERY ? j + RESCALE_EVERY : end;
      for (; j < stop; j++) {
        const cell = cells[j]!;
        p0 *= conf[cell]!;
        p1 *= conf[cell + 1]!;
        p2 *= conf[cell + 2]!;
        p3 *= conf[cell + 3]!;
      }
      if (j === end) break;
      const max = Math.max(p0, p1, p2, p3);
      p0 /= max;
      p1 /= max;
      p2 /= max;
      p3 /= max;
      logLikelihood += Math.log(max);
    }
    const sum = p0 + p1 + p2 + p3;
    product *= sum;
    if (product < FOLD_BELOW || product > FOLD_ABOVE) {
      logLikelihood += Math.log(product);
      product = 1;
    }
    p0 /= sum;
    p1 /= sum;
    p2 /= sum;
    p3 /= sum;
    delta = Math.max(
      delta,
      Math.abs(p0 - posteriors[row]!),
      Math.abs(p1 - posteriors[row + 1]!),
      Math.abs(p2 - posteriors[row + 2]!),
      Math.abs(p3 - posteriors[row + 3]!),
    );
    posteriors[row] = p0;
    posteriors[row + 1] = p1;
    posteriors[row + 2] = p2;
    posteriors[row + 3] = p3;
    m0 += p0;
    m1 += p1;
    m2 += p2;
    m3 += p3;
    for (let j = begin; j < end; j++) {
      const cell = cells[j]!;
      counts[cell]! += p0;
      counts[cell + 1]! += p1;
      counts[cell + 2]! += p2;
      counts[cell + 3]! += p3;
    }
  }
  classMass[0] = m0;
  classMass[1] = m1;
  classMass[2] = m2;
  classMass[3] = m3;
  return { delta, logLikelihood: logLikelihood + Math.log(product) };
}

function roundOfAny(tables: DawidSkeneTables): DawidSkeneRoundResult {
  const {
    nClasses: K,
    start,
    cells,
    confusionByGiven: conf,
    clampedPrior,
    posteriors,
    counts,
    classMass,
  } = tables;
  const nItems = start.length - 1;
  const joint = new Float64Array(K);
  classMass.fill(0);
  let delta = 0;
  let logLikelihood = 0;
  let product = 1;
  for (let i = 0, row = 0; i < nItems; i++, row += K) {
    const begin = start[i]!;
    const end = start[i + 1]!;
    if (begin === end) continue;
    joint.set(clampedPrior);
    for (let j = begin; ; ) {
      const stop = end - j > RESCALE_EVERY ? j + RESCALE_EVERY : end;
      for (; j < stop; j++) {
        const cell = cells[j]!;
        for (let c = 0; c < K; c++) joint[c]! *= conf[cell + c]!;
      }
      if (j === end) break;
      let max = 0;
      for (let c = 0; c < K; c++) max = Math.max(max, joint[c]!);
      for (let c = 0; c < K; c++) joint[c]! /= max;
      logLikelihood += Math.log(max);
    }
    let sum = 0;
    for (let c = 0; c < K; c++) sum += joint[c]!;
    product *= sum;
    if (product < FOLD_BELOW || product > FOLD_ABOVE) {
      logLikelihood += Math.log(product);
      product = 1;
    }
    for (let c = 0; c < K; c++) {
      const p = joint[c]! / sum;
      delta = Math.max(delta, Math.abs(p - posteriors[row + c]!));
      posteriors[row + c] = p;
      classMass[c]! += p;
    }
    for (let j = begin; j < end; j++) {
      const cell = cells[j]!;
      for (let c = 0; c < K; c++) counts[cell + c]! += posteriors[row + c]!;
    }
  }
  return { delta, logLikelihood: logLikelihood + Math.log(product) };
}
