import type { Annotation } from '../../../shared/methods.ts';
import { answerMatchesGold } from '../../tasks/answerMatchesGold.ts';
import { summarizeAnswer } from './summarizeAnswer.ts';
import { type Verdict, verdict } from './verdict.ts';

export type CheckGoldParams = {
  readonly annotation: Annotation;
  /** Both parsed with the project's answer schema. */
  readonly answer: unknown;
  readonly gold: unknown;
};

/**
 * Compares an answer on a gold item with the gold answer. A miss is flagged, not refused: gold can be
 * wrong too, and a reviewer settles it with both answers in front of them.
 */
export function checkGold({ annotation, answer, gold }: CheckGoldParams): Verdict {
  if (answerMatchesGold(annotation, answer, gold))
    return verdict('gold_wrong', 'pass', 'The answer matches the gold answer.');
  return verdict(
    'gold_wrong',
    'flag',
    `The answer differs from the gold answer: expected ${summarizeAnswer(annotation, gold)}, given ${summarizeAnswer(annotation, answer)}.`,
  );
}
