import { DomainError } from '../../domain/errors.ts';
import type { Annotation, Answer, ItemData } from '../../shared/methods.ts';
import { answerSchemaFor } from '../../shared/methods.ts';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../shared/text.ts';

/** A corrected answer (a reviewer's or the requester's fix), held to the same schema as a contributor's answer. */
export function parseFixedAnswer(annotation: Annotation, itemData: ItemData, fixedAnswer: unknown): Answer {
  const parsed = answerSchemaFor(annotation, itemData).safeParse(fixedAnswer);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError(
      'ANSWER_INVALID',
      first
        ? `${['fixedAnswer', ...first.path].join('.')}: ${first.message}`
        : 'fixedAnswer is not a valid answer',
      { issues: parsed.error.issues.map((i) => ({ path: ['fixedAnswer', ...i.path], message: i.message })) },
    );
  }
  if (hasUnstorableText(parsed.data))
    throw new DomainError('ANSWER_INVALID', `fixedAnswer ${UNSTORABLE_MESSAGE}`);
  return parsed.data;
}
