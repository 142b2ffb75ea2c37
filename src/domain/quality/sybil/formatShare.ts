import { formatPercent } from './formatPercent.ts';

/** "52 of 100 judged answers (52%)": a count, its total with what is counted, and the percentage. */
export function formatShare(count: number, total: number, noun: string): string {
  return `${count} of ${total} ${noun} (${formatPercent(total > 0 ? count / total : 0)})`;
}
