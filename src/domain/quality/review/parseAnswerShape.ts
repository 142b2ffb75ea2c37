import { type AnswerFor, answerShapes, type Method } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';

/**
 * Parses a stored answer (or a consensus label) with its method's shape. Answers were checked against the
 * project's full schema when they were given, so a mismatch here means the data and the method disagree:
 * that is refused loudly rather than counted as a disagreement.
 */
export function parseAnswerShape<M extends Method>(method: M, value: unknown, what: string): AnswerFor<M> {
  const parsed = answerShapes[method].safeParse(value);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    const where = first && first.path.length > 0 ? ` at ${first.path.join('.')}` : '';
    throw new DomainError(
      'VALIDATION_FAILED',
      `${what} is not a ${method} answer${where}: ${first?.message ?? 'it does not fit the shape'}`,
    );
  }
  // The schema indexed by a generic method is a union to the compiler; the parse above used exactly M's shape.
  return parsed.data as AnswerFor<M>;
}
