import type { CategoricalAnswers } from './encodeAnswers.ts';

/** 1 for each item with at least one answer, 0 for the rest. */
export function answeredItems(answers: CategoricalAnswers): Uint8Array {
  const answered = new Uint8Array(answers.nItems);
  const { items } = answers;
  for (let a = 0; a < items.length; a++) answered[items[a]!] = 1;
  return answered;
}
