import type { Method } from '../../../shared/methods.ts';

/** Methods whose answers are written text: compared for copying, and checked for dead links. */
export const TEXT_ANSWER_METHODS: ReadonlySet<Method> = new Set(['free_text', 'transcription']);

/** The text of an answer that has one (`{ text }`), else null. */
export function answerText(answer: unknown): string | null {
  return typeof answer === 'object' &&
    answer !== null &&
    typeof (answer as { text?: unknown }).text === 'string'
    ? (answer as { text: string }).text
    : null;
}
