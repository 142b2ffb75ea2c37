import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';

/**
 * A simulated worker: `accuracy` alone means wrong answers spread evenly over the other classes;
 * `confusion[true][given]` gives every probability (rows sum to 1).
 */
export type SimulatedWorker =
  | { readonly accuracy: number }
  | { readonly confusion: readonly (readonly number[])[] };

export type SimulateCrowdOptions = {
  readonly nItems: number;
  readonly nClasses: number;
  readonly workers: readonly SimulatedWorker[];
  /** Distinct workers per item, picked at random. Default: every worker answers every item. */
  readonly answersPerItem?: number;
  readonly seed: number;
};

export type SimulatedCrowd = { readonly answers: CategoricalAnswers; readonly truth: Int32Array };

/** mulberry32: a small, fast, seeded generator of uniform numbers in [0, 1). */
function generator(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * A random crowd with known truth, the same for the same options: uniform true classes, each answer drawn
 * from its worker's confusion row. For tests and demonstrations of the aggregation methods.
 */
export function simulateCrowd(options: SimulateCrowdOptions): SimulatedCrowd {
  const { nItems, nClasses: K, workers, seed } = options;
  const perItem = options.answersPerItem ?? workers.length;
  if (perItem > workers.length || perItem < 0) {
    throw new DomainError('VALIDATION_FAILED', `answersPerItem must be between 0 and ${workers.length}`);
  }
  const rows = workers.map((w) =>
    'confusion' in w
      ? w.confusion.map((row) => Float64Array.from(row))
      : Array.from({ length: K }, (_, c) =>
          Float64Array.from({ length: K }, (_, l) => (l === c ? w.accuracy : (1 - w.accuracy) / (K - 1))),
        ),
  );
  const random = generator(seed);
  const truth = new Int32Array(nItems);
  const n = nItems * perItem;
  const items = new Int32Array(n);
  const who = new Int32Array(n);
  const labels = new Int32Array(n);
  const order = Int32Array.from(workers, (_, w) => w);
  let a = 0;
  for (let i = 0; i < nItems; i++) {
    const y = Math.floor(random() * K);
    truth[i] = y;
    // Partial Fisher-Yates: the first `perItem` entries become a random set of distinct workers.
    for (let k = 0; k < perItem; k++) {
      const j = k + Math.floor(random() * (order.length - k));
      const w = order[j]!;
      order[j] = order[k]!;
      order[k] = w;
      const row = rows[w]![y]!;
      let u = random();
      let l = 0;
      while (l < K - 1 && u >= row[l]!) u -= row[l++]!;
      items[a] = i;
      who[a] = w;
      labels[a] = l;
      a++;
    }
  }
  return {
    answers: { items, workers: who, labels, nItems, nWorkers: workers.length, nClasses: K },
    truth,
  };
}
