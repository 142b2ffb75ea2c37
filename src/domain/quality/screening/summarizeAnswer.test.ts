import { describe, expect, it } from 'vitest';
import { type AnnotationInput, annotationSchema } from '../../../shared/methods.ts';
import { summarizeAnswer } from './summarizeAnswer.ts';

const choices = [
  { value: 'cat', label: 'Cat' },
  { value: 'dog', label: 'Dog' },
];
const labels = [
  { value: 'car', label: 'Car' },
  { value: 'person', label: 'Person' },
];
const summarize = (annotation: AnnotationInput, answer: unknown) =>
  summarizeAnswer(annotationSchema.parse(annotation), answer);

describe('summarizeAnswer', () => {
  it('quotes choices', () => {
    expect(summarize({ method: 'single_choice', config: { choices } }, { choice: 'cat' })).toBe('"cat"');
    expect(summarize({ method: 'multi_choice', config: { choices } }, { choices: ['dog', 'cat'] })).toBe(
      '"cat", "dog"',
    );
    expect(summarize({ method: 'multi_choice', config: { choices, minSelected: 0 } }, { choices: [] })).toBe(
      'no choices',
    );
  });

  it('names the rating and the pairwise winner', () => {
    expect(summarize({ method: 'rating', config: {} }, { value: 4 })).toBe('4');
    expect(summarize({ method: 'pairwise', config: {} }, { winner: 'b' })).toBe('B wins');
    expect(summarize({ method: 'pairwise', config: {} }, { winner: 'tie' })).toBe('a tie');
  });

  it('counts boxes and spans with their distinct labels', () => {
    const box = (label: string) => ({ x: 0, y: 0, w: 0.5, h: 0.5, label });
    const bbox = { method: 'bbox', config: { labels } } as const;
    expect(summarize(bbox, { boxes: [box('person'), box('car'), box('car')] })).toBe('3 boxes (car, person)');
    expect(summarize(bbox, { boxes: [box('car')] })).toBe('1 box (car)');
    expect(summarize(bbox, { boxes: [] })).toBe('0 boxes');
    const outline = (label: string) => ({
      label,
      points: [
        { x: 0, y: 0 },
        { x: 0.5, y: 0 },
        { x: 0.5, y: 0.5 },
      ],
    });
    const polygon = { method: 'polygon', config: { labels } } as const;
    expect(summarize(polygon, { polygons: [outline('person'), outline('car'), outline('car')] })).toBe(
      '3 polygons (car, person)',
    );
    expect(summarize(polygon, { polygons: [outline('car')] })).toBe('1 polygon (car)');
    expect(summarize(polygon, { polygons: [] })).toBe('0 polygons');
    expect(
      summarize({ method: 'span', config: { labels } }, { spans: [{ start: 0, end: 3, label: 'car' }] }),
    ).toBe('1 span (car)');
  });

  it('quotes text, shortened past 60 characters', () => {
    expect(summarize({ method: 'free_text', config: {} }, { text: '  two\n words ' })).toBe('"two words"');
    const long = summarize({ method: 'transcription', config: {} }, { text: 'x'.repeat(100) });
    expect(long).toBe(`"${'x'.repeat(59)}…"`);
  });
});
