import { DomainError } from '../../errors.ts';
import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';

/** Refuses a reference that is not one class index (or -1 for unknown) per item of `answers`. */
export function assertReference(answers: CategoricalAnswers, reference: Int32Array): void {
  if (reference.length !== answers.nItems) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `the reference needs one label per item (${answers.nItems}), got ${reference.length}`,
    );
  }
  for (let i = 0; i < reference.length; i++) {
    const r = reference[i]!;
    if (r < -1 || r >= answers.nClasses) {
      throw new DomainError(
        'VALIDATION_FAILED',
        `the reference label of item ${i} is ${r}; it must be -1 (unknown) or a class below ${answers.nClasses}`,
        { item: i },
      );
    }
  }
}
