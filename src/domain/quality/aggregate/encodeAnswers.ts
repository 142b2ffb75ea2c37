import { DomainError } from '../../errors.ts';

/**
 * Categorical answers in columns: answer `a` says worker `workers[a]` gave item `items[a]` the class
 * `labels[a]`. Indices run from 0 to the matching count minus one. A worker may answer an item more
 * than once; every answer counts.
 */
export type CategoricalAnswers = {
  readonly items: Int32Array;
  readonly workers: Int32Array;
  readonly labels: Int32Array;
  readonly nItems: number;
  readonly nWorkers: number;
  readonly nClasses: number;
};

/** One answer as it comes from storage: who labelled what, and how. */
export type AnswerTriple = { readonly item: string; readonly worker: string; readonly label: string };

export type EncodeAnswersOptions = {
  /** The classes in index order; an answer with any other label is refused. Default: the labels seen, sorted. */
  readonly classes?: readonly string[];
};

/** Compact answers plus the maps between ids and indices. */
export type EncodedAnswers = {
  readonly answers: CategoricalAnswers;
  /** Item id per item index, in order of first appearance. */
  readonly itemIds: readonly string[];
  /** Worker id per worker index, in order of first appearance. */
  readonly workerIds: readonly string[];
  /** Class label per class index. */
  readonly classIds: readonly string[];
  readonly itemIndex: ReadonlyMap<string, number>;
  readonly workerIndex: ReadonlyMap<string, number>;
  readonly classIndex: ReadonlyMap<string, number>;
};

const INTEGER = /^-?(0|[1-9][0-9]*)$/;

/**
 * Orders labels so that integer labels come first in numeric order ("2" before "10"), then the rest by
 * code unit. Majority-vote ties go to the lowest class index, so this order is also the tie rule.
 */
export function compareLabels(a: string, b: string): number {
  const ai = INTEGER.test(a);
  const bi = INTEGER.test(b);
  if (ai && bi) return Number(a) - Number(b) || (a < b ? -1 : a > b ? 1 : 0);
  if (ai !== bi) return ai ? -1 : 1;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Turns (item, worker, label) string triples into typed arrays of indices, with the maps to go back. */
export function encodeAnswers(
  triples: readonly AnswerTriple[],
  options: EncodeAnswersOptions = {},
): EncodedAnswers {
  const n = triples.length;
  const items = new Int32Array(n);
  const workers = new Int32Array(n);
  const labels = new Int32Array(n);
  const itemIndex = new Map<string, number>();
  const workerIndex = new Map<string, number>();
  const itemIds: string[] = [];
  const workerIds: string[] = [];

  const fixed = options.classes;
  const classIndex = new Map<string, number>();
  if (fixed) {
    for (const label of fixed) {
      if (classIndex.has(label))
        throw new DomainError('VALIDATION_FAILED', `class "${label}" is listed twice`);
      classIndex.set(label, classIndex.size);
    }
  }
  // Without a fixed list, labels get provisional indices in order of appearance, renumbered after sorting.
  const seenLabels: string[] = fixed ? [...fixed] : [];

  for (let a = 0; a < n; a++) {
    const t = triples[a]!;
    let i = itemIndex.get(t.item);
    if (i === undefined) {
      i = itemIds.length;
      itemIndex.set(t.item, i);
      itemIds.push(t.item);
    }
    let w = workerIndex.get(t.worker);
    if (w === undefined) {
      w = workerIds.length;
      workerIndex.set(t.worker, w);
      workerIds.push(t.worker);
    }
    let c = classIndex.get(t.label);
    if (c === undefined) {
      if (fixed) {
        throw new DomainError(
          'VALIDATION_FAILED',
          `answer ${a + 1} has label "${t.label}", which is not one of the classes: ${fixed.join(', ')}`,
          { answer: a, label: t.label },
        );
      }
      c = seenLabels.length;
      classIndex.set(t.label, c);
      seenLabels.push(t.label);
    }
    items[a] = i;
    workers[a] = w;
    labels[a] = c;
  }

  let classIds: readonly string[] = seenLabels;
  if (!fixed) {
    const sorted = [...seenLabels].sort(compareLabels);
    const renumber = new Int32Array(sorted.length);
    for (let c = 0; c < sorted.length; c++) {
      const label = sorted[c]!;
      renumber[classIndex.get(label)!] = c;
      classIndex.set(label, c);
    }
    for (let a = 0; a < n; a++) labels[a] = renumber[labels[a]!]!;
    classIds = sorted;
  }

  return {
    answers: {
      items,
      workers,
      labels,
      nItems: itemIds.length,
      nWorkers: workerIds.length,
      nClasses: classIds.length,
    },
    itemIds,
    workerIds,
    classIds,
    itemIndex,
    workerIndex,
    classIndex,
  };
}
