import type { CategoricalAnswers } from './encodeAnswers.ts';

/**
 * Answers grouped by item (compressed sparse rows): item `i`'s answers are `order[start[i]]` up to
 * `order[start[i + 1] - 1]`, in input order.
 */
export type ItemGroups = {
  /** `nItems + 1` offsets into `order`. */
  readonly start: Int32Array;
  /** Answer indices, item by item. */
  readonly order: Int32Array;
};

/**
 * Groups answer indices by item with one counting sort, so a method can walk each item's answers
 * contiguously instead of scattering into item rows from answers in arbitrary order. Stable: an item's
 * answers keep their input order, so sums over them round exactly as they would in input order.
 */
export function groupByItem(answers: CategoricalAnswers): ItemGroups {
  const { items, nItems } = answers;
  const n = items.length;
  const start = new Int32Array(nItems + 1);
  for (let a = 0; a < n; a++) start[items[a]! + 1]! += 1;
  for (let i = 0; i < nItems; i++) start[i + 1]! += start[i]!;
  const next = start.slice(0, nItems);
  const order = new Int32Array(n);
  for (let a = 0; a < n; a++) {
    const i = items[a]!;
    order[next[i]!] = a;
    next[i]! += 1;
  }
  return { start, order };
}
