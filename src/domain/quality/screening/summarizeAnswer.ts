import type { Annotation } from '../../../shared/methods.ts';

const MAX_TEXT = 60;

const quote = (text: string) => {
  const chars = Array.from(text.trim().replace(/\s+/g, ' '));
  return JSON.stringify(
    chars.length > MAX_TEXT ? `${chars.slice(0, MAX_TEXT - 1).join('')}…` : chars.join(''),
  );
};

const counted = (n: number, [one, many]: readonly [string, string], labels: readonly string[]) =>
  `${n} ${n === 1 ? one : many}${n > 0 ? ` (${[...new Set(labels)].sort().join(', ')})` : ''}`;

/** A short description of an answer for a person to read in a reason: "cat", "3 boxes (car, person)", "1 polygon (car)". */
export function summarizeAnswer(annotation: Annotation, answer: unknown): string {
  // The answer was parsed with the project's answer schema before it got here.
  // biome-ignore lint/suspicious/noExplicitAny: the method switch below picks the field each shape has
  const a = answer as any;
  switch (annotation.method) {
    case 'single_choice':
      return JSON.stringify(a.choice);
    case 'multi_choice':
      return a.choices.length === 0
        ? 'no choices'
        : [...a.choices]
            .sort()
            .map((c: string) => JSON.stringify(c))
            .join(', ');
    case 'rating':
      return String(a.value);
    case 'pairwise':
      return a.winner === 'tie' ? 'a tie' : `${a.winner.toUpperCase()} wins`;
    case 'bbox':
      return counted(
        a.boxes.length,
        ['box', 'boxes'],
        a.boxes.map((b: { label: string }) => b.label),
      );
    case 'polygon':
      return counted(
        a.polygons.length,
        ['polygon', 'polygons'],
        a.polygons.map((p: { label: string }) => p.label),
      );
    case 'span':
      return counted(
        a.spans.length,
        ['span', 'spans'],
        a.spans.map((s: { label: string }) => s.label),
      );
    case 'transcription':
    case 'free_text':
      return quote(a.text);
  }
}
