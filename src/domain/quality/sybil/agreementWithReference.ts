import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';

/** Per worker: answers that could be judged, and how many of those match the reference. */
export type ReferenceAgreement = { readonly judged: Int32Array; readonly agreed: Int32Array };

/** Counts each worker's judged answers (marked 1 in `judged`, see judgedAnswers) and agreements with the reference. */
export function agreementWithReference(
  answers: CategoricalAnswers,
  reference: Int32Array,
  judged: Uint8Array,
): ReferenceAgreement {
  const { items, workers, labels, nWorkers } = answers;
  const counted = new Int32Array(nWorkers);
  const agreed = new Int32Array(nWorkers);
  for (let a = 0; a < items.length; a++) {
    if (!judged[a]) continue;
    const w = workers[a]!;
    counted[w]!++;
    if (labels[a] === reference[items[a]!]) agreed[w]!++;
  }
  return { judged: counted, agreed };
}
