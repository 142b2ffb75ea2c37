import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { bucketAnswers } from './bucketAnswers.ts';

export type TallyPairsOptions = {
  /** Judged items a pair must have in common to be tested. */
  readonly minShared: number;
  /** Identical wrong answers a tested pair needs to be listed. */
  readonly minSharedWrong: number;
  /** Most pair records (4 bytes each) held at once; more are tallied in several passes over the items. */
  readonly maxPairRecords: number;
};

/** Counts for the pairs listed, one column per count, so thousands of pairs cost little. */
export type PairColumns = {
  /** The lower-numbered worker of the pair. */
  readonly a: number[];
  readonly b: number[];
  /** Judged answers of a and b on the same item (a repeat answer counts again). */
  readonly shared: number[];
  /** Of those, the same answer. */
  readonly same: number[];
  /** Of those, the same answer and not the reference's. */
  readonly sameWrong: number[];
  /** Of the shared answers, both not the reference's. */
  readonly bothWrong: number[];
};

export type PairTally = {
  /** Tested pairs with at least minSharedWrong identical wrong answers, ordered by a, then by first meeting. */
  readonly pairs: PairColumns;
  /** Pairs with at least minShared judged items in common. */
  readonly tested: number;
  /** Over all pairs, tested or not: identical wrong answers, and shared answers both wrong. */
  readonly sameWrong: number;
  readonly bothWrong: number;
};

/** Pair records keep the other worker in 30 bits beside two flag bits. */
const MAX_WORKERS = 1 << 29;

/**
 * Counts, for every pair of workers, their judged answers on shared items: how many, how many the same, and
 * how many the same wrong answer. Time is proportional to the number of answer pairs on shared items (about
 * answers × answers per item), memory to the answers plus `maxPairRecords`. Pairs are gathered item by item,
 * reading memory in order, into records grouped by the pair's lower worker a (the other worker and two
 * bits); each a's records are then tallied into arrays indexed by the other worker and cleared, so there is
 * no map of pairs. Walking each worker's items instead would jump across memory for every answer, several
 * times slower on a million answers.
 */
export function tallyPairs(
  answers: CategoricalAnswers,
  reference: Int32Array,
  judged: Uint8Array,
  options: TallyPairsOptions,
): PairTally {
  const { items, workers, labels, nItems, nWorkers } = answers;
  const { minShared, minSharedWrong, maxPairRecords } = options;
  if (nWorkers > MAX_WORKERS) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `pairs can be tallied for at most ${MAX_WORKERS} workers, got ${nWorkers}`,
    );
  }

  // The judged answers laid out item by item, each item's sorted by worker, with worker, label and a
  // wrong-answer bit side by side: every later slot of an item with another worker then pairs with the
  // earlier slot's worker as a.
  const byItem = bucketAnswers(items, nItems);
  const itemStart = new Int32Array(nItems + 1);
  let slots = 0;
  for (let i = 0; i < nItems; i++) {
    for (let p = byItem.start[i]!; p < byItem.start[i + 1]!; p++) if (judged[byItem.order[p]!]) slots++;
    itemStart[i + 1] = slots;
  }
  const slotWorker = new Int32Array(slots);
  const slotLabel = new Int32Array(slots);
  const slotWrong = new Uint8Array(slots);
  for (let i = 0, s = 0; i < nItems; i++) {
    for (let p = byItem.start[i]!; p < byItem.start[i + 1]!; p++) {
      const x = byItem.order[p]!;
      if (!judged[x]) continue;
      const w = workers[x]!;
      const label = labels[x]!;
      const wrong = label === reference[i] ? 0 : 1;
      // Insertion sort: an item holds a handful of answers.
      let t = s++;
      for (; t > itemStart[i]! && slotWorker[t - 1]! > w; t--) {
        slotWorker[t] = slotWorker[t - 1]!;
        slotLabel[t] = slotLabel[t - 1]!;
        slotWrong[t] = slotWrong[t - 1]!;
      }
      slotWorker[t] = w;
      slotLabel[t] = label;
      slotWrong[t] = wrong;
    }
  }

  // `firstOther[s]`: the first later slot of the item with another worker, since a worker's repeat answer
  // makes no pair with itself. `recordsOf[a]`: the records worker a will get.
  const firstOther = new Int32Array(slots);
  const recordsOf = new Float64Array(nWorkers);
  let totalRecords = 0;
  let largest = 0;
  for (let i = 0; i < nItems; i++) {
    const to = itemStart[i + 1]!;
    for (let s = to - 1; s >= itemStart[i]!; s--) {
      firstOther[s] = s + 1 < to && slotWorker[s + 1] === slotWorker[s] ? firstOther[s + 1]! : s + 1;
      recordsOf[slotWorker[s]!]! += to - firstOther[s]!;
      totalRecords += to - firstOther[s]!;
    }
  }
  for (let a = 0; a < nWorkers; a++) largest = Math.max(largest, recordsOf[a]!);
  // One worker's records are never split, so the buffer holds at least the largest.
  const records = new Int32Array(Math.max(largest, Math.min(maxPairRecords, totalRecords)));
  const recordStart = new Float64Array(nWorkers + 1);

  const shared = new Int32Array(nWorkers);
  const same = new Int32Array(nWorkers);
  const sameWrong = new Int32Array(nWorkers);
  const bothWrong = new Int32Array(nWorkers);
  const touched = new Int32Array(nWorkers);
  const pairs: PairColumns = { a: [], b: [], shared: [], same: [], sameWrong: [], bothWrong: [] };
  let tested = 0;
  let totalSameWrong = 0;
  let totalBothWrong = 0;
  for (let lo = 0; lo < nWorkers; ) {
    // Workers lo..hi−1, whose records fit together.
    let hi = lo;
    let size = 0;
    while (hi < nWorkers && (hi === lo || size + recordsOf[hi]! <= records.length)) {
      recordStart[hi] = size;
      size += recordsOf[hi++]!;
    }
    recordStart[hi] = size;
    const next = recordStart.slice(lo, hi);
    for (let i = 0; i < nItems; i++) {
      const to = itemStart[i + 1]!;
      for (let s = itemStart[i]!; s < to; s++) {
        const a = slotWorker[s]!;
        if (a < lo || a >= hi) continue;
        const la = slotLabel[s]!;
        const wrong = slotWrong[s]!;
        let k = next[a - lo]!;
        for (let t = firstOther[s]!; t < to; t++) {
          records[k++] =
            (slotWorker[t]! << 2) | (slotLabel[t] === la ? 1 : 0) | (wrong & slotWrong[t]! ? 2 : 0);
        }
        next[a - lo] = k;
      }
    }
    for (let a = lo; a < hi; a++) {
      let nTouched = 0;
      const end = recordStart[a + 1]!;
      for (let k = recordStart[a]!; k < end; k++) {
        const record = records[k]!;
        const b = record >>> 2;
        if (shared[b] === 0) touched[nTouched++] = b;
        shared[b]!++;
        if (record & 1) same[b]!++;
        if (record & 2) {
          bothWrong[b]!++;
          if (record & 1) sameWrong[b]!++;
        }
      }
      for (let t = 0; t < nTouched; t++) {
        const b = touched[t]!;
        totalSameWrong += sameWrong[b]!;
        totalBothWrong += bothWrong[b]!;
        if (shared[b]! >= minShared) {
          tested++;
          if (sameWrong[b]! >= minSharedWrong) {
            pairs.a.push(a);
            pairs.b.push(b);
            pairs.shared.push(shared[b]!);
            pairs.same.push(same[b]!);
            pairs.sameWrong.push(sameWrong[b]!);
            pairs.bothWrong.push(bothWrong[b]!);
          }
        }
        shared[b] = 0;
        same[b] = 0;
        sameWrong[b] = 0;
        bothWrong[b] = 0;
      }
    }
    lo = hi;
  }
  return { pairs, tested, sameWrong: totalSameWrong, bothWrong: totalBothWrong };
}
