import type { CategoricalAnswers } from '../aggregate/encodeAnswers.ts';
import { bucketAnswers } from './bucketAnswers.ts';

/**
 * Marks (1) the answers that can be judged against the reference: the item's reference is known, and the
 * item's other answers, without this one, put the reference label at least `minLead` votes ahead of every
 * other label. When the reference is a majority of these same answers, a lead of 2 means the answer being
 * judged could not have swayed it, so a guesser agrees with it exactly at chance rate instead of being
 * lifted by its own vote; the test looks only at the other answers, so it favours no one. With a
 * reference made apart from the answers (gold), pass 0 to judge every answer on an item with a reference.
 */
export function judgedAnswers(
  answers: CategoricalAnswers,
  reference: Int32Array,
  minLead: number,
): Uint8Array {
  const { items, labels } = answers;
  const judged = new Uint8Array(items.length);
  for (let a = 0; a < items.length; a++) judged[a] = reference[items[a]!]! >= 0 ? 1 : 0;
  if (minLead <= 0) return judged;

  const { start, order } = bucketAnswers(items, answers.nItems);
  // One tally reused across items and cleared through the answers that filled it, so the cost does not
  // grow with the number of classes (large when the classes are distinct free answers).
  const tally = new Int32Array(answers.nClasses);
  for (let i = 0; i < answers.nItems; i++) {
    const r = reference[i]!;
    const from = start[i]!;
    const to = start[i + 1]!;
    if (r < 0 || from === to) continue;
    for (let p = from; p < to; p++) tally[labels[order[p]!]!]!++;
    // The reference label's strongest rivals: their count, how many labels have it, and the next count down.
    // Each rival label is visited once (its tally is negated while visited).
    let best = 0;
    let bestLabels = 0;
    let second = 0;
    for (let p = from; p < to; p++) {
      const c = labels[order[p]!]!;
      const t = tally[c]!;
      if (c === r || t < 0) continue;
      tally[c] = -t;
      if (t > best) {
        second = best;
        best = t;
        bestLabels = 1;
      } else if (t === best) bestLabels++;
      else if (t > second) second = t;
    }
    for (let p = from; p < to; p++) {
      const c = labels[order[p]!]!;
      if (tally[c]! < 0) tally[c] = -tally[c]!;
    }
    const votes = tally[r]!;
    for (let p = from; p < to; p++) {
      const a = order[p]!;
      const l = labels[a]!;
      // Take this answer's own vote away, then measure the reference label's lead over its strongest rival.
      const own = l === r ? votes - 1 : votes;
      const rival = l !== r && tally[l] === best && bestLabels === 1 ? Math.max(best - 1, second) : best;
      if (own - rival < minLead) judged[a] = 0;
    }
    for (let p = from; p < to; p++) tally[labels[order[p]!]!] = 0;
  }
  return judged;
}
