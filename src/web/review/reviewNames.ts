import type { ReviewReason } from '../../shared/api.ts';

/** The reason codes a reviewer picks from, as the picker shows them (number keys follow this order). */
export const REVIEW_REASON_LABELS: Record<ReviewReason, { label: string; hint: string }> = {
  wrong_answer: { label: 'Wrong answer', hint: 'The answer does not match the item.' },
  incomplete: { label: 'Incomplete', hint: 'Something the task asks for is missing.' },
  low_effort: { label: 'Low effort', hint: 'Careless, rushed or copied.' },
  spam: { label: 'Spam', hint: 'Nonsense, random or abusive.' },
  off_topic: { label: 'Off topic', hint: 'About something other than the item.' },
  other: { label: 'Something else', hint: 'Say what in the note.' },
};
