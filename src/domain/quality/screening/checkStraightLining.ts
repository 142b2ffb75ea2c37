import type { Annotation } from '../../../shared/methods.ts';
import type { ScreeningRules } from '../../../shared/screeningRules.ts';
import { type Verdict, verdict } from './verdict.ts';

export type CheckStraightLiningParams = {
  readonly annotation: Annotation;
  /** The contributor's answers in this project as canonical JSON, oldest first, the one being screened last. */
  readonly answers: readonly string[];
};

/** How many different answers a method offers, or null when answers are open-ended (boxes, polygons, spans, text). */
function choiceCount(annotation: Annotation): number | null {
  switch (annotation.method) {
    case 'single_choice':
    case 'multi_choice':
      return annotation.config.choices.length;
    case 'rating':
      return annotation.config.max - annotation.config.min + 1;
    case 'pairwise':
      return annotation.config.allowTie ? 3 : 2;
    case 'span':
    case 'bbox':
    case 'polygon':
    case 'transcription':
    case 'free_text':
      return null;
  }
}

/**
 * Flags a contributor whose last `runLength` answers are all the same, the sign of clicking one
 * option without reading. Only for methods with a fixed set of at least `minChoices` answers.
 */
export function checkStraightLining(
  rules: ScreeningRules['straightLining'],
  { annotation, answers }: CheckStraightLiningParams,
): Verdict {
  const choices = choiceCount(annotation);
  if (choices === null)
    return verdict('straight_lining', 'pass', 'Open-ended answers are not checked for repetition.');
  if (choices < rules.minChoices)
    return verdict(
      'straight_lining',
      'pass',
      `The task offers ${choices} answers, fewer than the ${rules.minChoices} this check needs.`,
    );
  const { runLength } = rules;
  const last = answers.at(-1);
  let run = 0;
  for (let i = answers.length - 1; i >= 0 && answers[i] === last && run < runLength; i--) run++;
  if (last === undefined || run < runLength)
    return verdict('straight_lining', 'pass', `No run of ${runLength} identical answers in a row.`);
  return verdict(
    'straight_lining',
    'flag',
    `The last ${runLength} answers were all ${last}; read each item and pick the answer that fits it.`,
  );
}
