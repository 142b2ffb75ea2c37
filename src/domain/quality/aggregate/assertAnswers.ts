import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from './encodeAnswers.ts';

/** Refuses answers whose columns differ in length or hold an index outside its count. */
export function assertAnswers(answers: CategoricalAnswers): void {
  const { items, workers, labels, nItems, nWorkers, nClasses } = answers;
  const n = items.length;
  if (workers.length !== n || labels.length !== n) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `answer columns differ in length: ${n} items, ${workers.length} workers, ${labels.length} labels`,
    );
  }
  for (const [name, count] of [
    ['nItems', nItems],
    ['nWorkers', nWorkers],
    ['nClasses', nClasses],
  ] as const) {
    if (!Number.isInteger(count) || count < 0) {
      throw new DomainError('VALIDATION_FAILED', `${name} must be a whole number, got ${count}`);
    }
  }
  if (n > 0 && nClasses < 1) throw new DomainError('VALIDATION_FAILED', 'answers need at least one class');
  for (let a = 0; a < n; a++) {
    const i = items[a]!;
    const w = workers[a]!;
    const l = labels[a]!;
    if (i < 0 || i >= nItems || w < 0 || w >= nWorkers || l < 0 || l >= nClasses) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `answer ${a} is out of range: item ${i} of ${nItems}, worker ${w} of ${nWorkers}, class ${l} of ${nClasses}`,
        { answer: a },
      );
    }
  }
}
