import { describe, expect, it } from 'vitest';
import {
  type Annotation,
  annotationSchema,
  answerSchemaFor,
  type ItemData,
} from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';
import { itemConsensus } from './itemConsensus.ts';
import { testAnnotations as A } from './testAnnotations.ts';

const box = (x: number, y: number, w: number, h: number, label = 'car') => ({ x, y, w, h, label });
const span = (start: number, end: number, label = 'PER') => ({ start, end, label });
const square = (x: number, y: number, s: number, label = 'car') => ({
  label,
  points: [
    { x, y },
    { x: x + s, y },
    { x: x + s, y: y + s },
    { x, y: y + s },
  ],
});
/** Answers from workers w1, w2, … with the default weight. */
const from = (...answers: unknown[]) => answers.map((answer, i) => ({ worker: `w${i + 1}`, answer }));

/** The consensus, which must exist and pass the project's answer schema for the item, as a contributor's would. */
function consensusOf(
  annotation: Annotation,
  answers: Parameters<typeof itemConsensus>[1],
  item: ItemData = {},
) {
  const result = itemConsensus(annotation, answers);
  expect(result).not.toBeNull();
  const parsed = answerSchemaFor(annotation, item).safeParse(result!.label);
  expect(parsed.success, JSON.stringify(parsed.error?.issues)).toBe(true);
  return result!;
}

describe('itemConsensus', () => {
  it('is null without answers, for every method', () => {
    for (const annotation of Object.values(A)) expect(itemConsensus(annotation, [])).toBeNull();
  });

  describe('single_choice', () => {
    it('takes the majority, the confidence being its posterior at the default accuracy 0.7', () => {
      const result = consensusOf(
        A.single_choice,
        from({ choice: 'cat' }, { choice: 'dog' }, { choice: 'cat' }),
      );
      expect(result.label).toEqual({ choice: 'cat' });
      // Odds per vote at 0.7 with three classes: 0.7 · 2 / 0.3.
      const odds = (0.7 * 2) / 0.3;
      expect(result.confidence).toBeCloseTo((odds * odds) / (odds * odds + odds + 1), 12);
      expect(result.support).toBe(2);
    });

    it('weighs workers by their accuracy: one at 0.95 outvotes two at 0.6', () => {
      const result = consensusOf(A.single_choice, [
        { worker: 'good', answer: { choice: 'bird' }, weight: 0.95 },
        { worker: 'weak1', answer: { choice: 'dog' }, weight: 0.6 },
        { worker: 'weak2', answer: { choice: 'dog' }, weight: 0.6 },
      ]);
      expect(result.label).toEqual({ choice: 'bird' });
      expect(result.confidence).toBeCloseTo(38 / 48, 12);
      expect(result.support).toBe(1);
    });

    it('breaks a tie towards the project’s order of choices', () => {
      expect(consensusOf(A.single_choice, from({ choice: 'bird' }, { choice: 'dog' })).label).toEqual({
        choice: 'dog',
      });
    });

    it('refuses a choice the project lacks, a weight outside [0, 1] and another method’s answer', () => {
      expect(() => itemConsensus(A.single_choice, from({ choice: 'cow' }))).toThrow(/w1 gives "cow"/);
      expect(() =>
        itemConsensus(A.single_choice, [{ worker: 'x', answer: { choice: 'cat' }, weight: 1.5 }]),
      ).toThrow(DomainError);
      expect(() => itemConsensus(A.single_choice, from({ value: 3 }))).toThrow(
        /the answer of w1 is not a single_choice/,
      );
    });
  });

  describe('pairwise', () => {
    it('votes on the winner', () => {
      const result = consensusOf(
        A.pairwise,
        from({ winner: 'b' }, { winner: 'b', reason: 'clearer' }, { winner: 'tie' }),
      );
      expect(result.label).toEqual({ winner: 'b' });
      expect(result.support).toBe(2);
      const odds = (0.7 * 2) / 0.3;
      expect(result.confidence).toBeCloseTo((odds * odds) / (odds * odds + odds + 1), 12);
    });

    it('refuses a tie where the project allows none', () => {
      const noTie = annotationSchema.parse({ method: 'pairwise', config: { allowTie: false } });
      expect(consensusOf(noTie, from({ winner: 'a' })).label).toEqual({ winner: 'a' });
      expect(() => itemConsensus(noTie, from({ winner: 'tie' }))).toThrow(DomainError);
    });
  });

  describe('multi_choice', () => {
    it('keeps each choice most workers selected, in the project’s order', () => {
      const result = consensusOf(
        A.multi_choice,
        from({ choices: ['blue', 'red'] }, { choices: ['red'] }, { choices: ['red', 'blue'] }),
      );
      expect(result.label).toEqual({ choices: ['red', 'blue'] });
      // The least certain choice is blue, selected by two of three 0.7 workers: posterior 0.7.
      expect(result.confidence).toBeCloseTo(0.7, 12);
      // ["red"] overlaps ["red", "blue"] by 0.5, which agrees.
      expect(result.support).toBe(3);
    });

    it('tops the label up to minSelected and cuts it to maxSelected, by probability', () => {
      const atLeastTwo = annotationSchema.parse({
        method: 'multi_choice',
        config: { ...A.multi_choice.config, minSelected: 2 },
      });
      const up = consensusOf(
        atLeastTwo,
        from({ choices: ['red', 'gray'] }, { choices: ['red', 'blue'] }, { choices: ['blue', 'red'] }),
      );
      expect(up.label).toEqual({ choices: ['red', 'blue'] });
      const topped = consensusOf(
        atLeastTwo,
        from({ choices: ['red', 'gray'] }, { choices: ['red', 'blue'] }, { choices: ['green', 'red'] }),
      );
      // Only red has a majority; green, blue and gray are equally likely, so the project's order picks green.
      expect(topped.label).toEqual({ choices: ['red', 'green'] });
      expect(topped.confidence).toBeCloseTo(0.3, 12);

      const atMostOne = annotationSchema.parse({
        method: 'multi_choice',
        config: { ...A.multi_choice.config, minSelected: 0, maxSelected: 1 },
      });
      const cut = consensusOf(atMostOne, [
        { worker: 'a', answer: { choices: ['blue'] }, weight: 0.9 },
        { worker: 'b', answer: { choices: ['red'] }, weight: 0.6 },
      ]);
      expect(cut.label).toEqual({ choices: ['blue'] });
      const none = consensusOf(atMostOne, from({ choices: [] }, { choices: [] }));
      expect(none.label).toEqual({ choices: [] });
    });

    it('leaves out a choice the workers split on evenly', () => {
      const optional = annotationSchema.parse({
        method: 'multi_choice',
        config: { ...A.multi_choice.config, minSelected: 0 },
      });
      const split = consensusOf(optional, from({ choices: ['blue'] }, { choices: [] }));
      expect(split.label).toEqual({ choices: [] });
      expect(split.confidence).toBeCloseTo(0.5, 12);
    });

    it('refuses a choice the project lacks', () => {
      expect(() => itemConsensus(A.multi_choice, from({ choices: ['red', 'pink'] }))).toThrow(/"pink"/);
    });
  });

  describe('rating', () => {
    it('takes the median, with ratingConsensus’ spread as the confidence', () => {
      const result = consensusOf(A.rating, from({ value: 1 }, { value: 5 }, { value: 5 }));
      expect(result.label).toEqual({ value: 5 });
      // Mean absolute deviation 4/3 over half the 1–5 scale.
      expect(result.confidence).toBeCloseTo(1 - 4 / 3 / 2, 12);
      expect(result.support).toBe(2);
    });

    it('turns a median between two steps into the step the weighted ratings are closer to', () => {
      expect(consensusOf(A.rating, from({ value: 3 }, { value: 4 })).label).toEqual({ value: 3 });
      const leaning = consensusOf(A.rating, [
        { worker: 'a', answer: { value: 3 }, weight: 0.6 },
        { worker: 'b', answer: { value: 4 }, weight: 0.9 },
      ]);
      expect(leaning.label).toEqual({ value: 4 });
      expect(leaning.support).toBe(2);
    });

    it('refuses a rating off the scale', () => {
      expect(() => itemConsensus(A.rating, from({ value: 9 }))).toThrow(DomainError);
    });
  });

  describe('bbox', () => {
    it('averages the boxes half the workers drew, scored by the weighted mean agreement', () => {
      const result = consensusOf(
        A.bbox,
        from(
          { boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.6, 0.6, 0.2, 0.2, 'person')] },
          { boxes: [box(0.12, 0.1, 0.2, 0.2)] },
          { boxes: [box(0.1, 0.12, 0.2, 0.2)] },
        ),
      );
      const label = result.label as {
        boxes: { x: number; y: number; w: number; h: number; label: string }[];
      };
      expect(label.boxes).toHaveLength(1);
      expect(label.boxes[0]!.x).toBeCloseTo(0.32 / 3, 12);
      expect(label.boxes[0]!.label).toBe('car');
      expect(Object.keys(label.boxes[0]!).sort()).toEqual(['h', 'label', 'w', 'x', 'y']);
      // IoUs with the mean box: 0.877 (w1, over its two boxes: halved), 0.822 and 0.822.
      expect(result.confidence).toBeCloseTo((0.8769633 / 2 + 0.8218583 * 2) / 3, 5);
      // w1's extra box halves its agreement to 0.44, under the 0.50 bar.
      expect(result.support).toBe(2);
    });

    it('tops the boxes up to the project’s minimum with the best-supported others', () => {
      const two = annotationSchema.parse({ method: 'bbox', config: { ...A.bbox.config, minBoxes: 2 } });
      const result = consensusOf(
        two,
        from(
          { boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.7, 0.1, 0.2, 0.2)] },
          { boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.1, 0.7, 0.2, 0.2)] },
          { boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.7, 0.7, 0.2, 0.2)] },
        ),
      );
      expect((result.label as { boxes: unknown[] }).boxes).toHaveLength(2);
    });

    it('agrees on no boxes when nobody drew any', () => {
      expect(consensusOf(A.bbox, from({ boxes: [] }, { boxes: [] }))).toEqual({
        label: { boxes: [] },
        confidence: 1,
        support: 2,
      });
    });
  });

  describe('polygon', () => {
    it('keeps the medoid outline half the workers drew, scored by the weighted mean agreement', () => {
      const result = consensusOf(
        A.polygon,
        from(
          { polygons: [square(0.1, 0.1, 0.2), square(0.6, 0.6, 0.2, 'person')] },
          { polygons: [square(0.11, 0.1, 0.2)] },
          { polygons: [square(0.12, 0.1, 0.2)] },
        ),
      );
      const label = result.label as { polygons: { label: string; points: unknown[] }[] };
      // The person only one worker drew is dropped; the middle car outline represents the cluster.
      expect(label).toEqual({ polygons: [square(0.11, 0.1, 0.2)] });
      // IoUs with it: 0.9048 (w1, over its two polygons: halved), 1 (w2 itself) and 0.9048 (w3).
      const near = 0.19 / 0.21;
      expect(result.confidence).toBeCloseTo((near / 2 + 1 + near) / 3, 9);
      // w1's extra polygon halves its agreement to 0.45, under the 0.50 bar.
      expect(result.support).toBe(2);
    });

    it('tops the polygons up to the project’s minimum with the best-supported others', () => {
      const two = annotationSchema.parse({
        method: 'polygon',
        config: { ...A.polygon.config, minPolygons: 2 },
      });
      const result = consensusOf(
        two,
        from(
          { polygons: [square(0.1, 0.1, 0.2), square(0.7, 0.1, 0.2)] },
          { polygons: [square(0.1, 0.1, 0.2), square(0.1, 0.7, 0.2)] },
          { polygons: [square(0.1, 0.1, 0.2), square(0.7, 0.7, 0.2)] },
        ),
      );
      expect((result.label as { polygons: unknown[] }).polygons).toHaveLength(2);
    });

    it('agrees on no polygons when nobody drew any, on a project that allows none', () => {
      const none = annotationSchema.parse({
        method: 'polygon',
        config: { ...A.polygon.config, minPolygons: 0 },
      });
      expect(consensusOf(none, from({ polygons: [] }, { polygons: [] }))).toEqual({
        label: { polygons: [] },
        confidence: 1,
        support: 2,
      });
    });
  });

  describe('span', () => {
    it('votes per character and keeps spans inside the item’s text', () => {
      const item = { text: 'Alice went to Paris.' };
      const result = consensusOf(
        A.span,
        from(
          { spans: [span(0, 5), span(14, 19, 'LOC')] },
          { spans: [span(0, 5), span(14, 20, 'LOC')] },
          { spans: [span(0, 6)] },
        ),
        item,
      );
      expect(result.label).toEqual({ spans: [span(0, 5), span(14, 19, 'LOC')] });
      // F1s with the label: 1, 21/22 (one extra character), and 10/11 × its half of the labelled characters.
      expect(result.support).toBe(3);
      expect(result.confidence).toBeGreaterThan(0.8);
      expect(result.confidence).toBeLessThan(1);
    });
  });

  describe('transcription', () => {
    it('takes the medoid as typed, its confidence leaving out the medoid’s own answer', () => {
      const result = consensusOf(
        A.transcription,
        from({ text: 'the cat sat ' }, { text: 'the cat sat' }, { text: 'the bat sat' }, { text: 'dog' }),
      );
      expect(result.label).toEqual({ text: 'the cat sat ' });
      expect(result.confidence).toBeCloseTo((1 + 10 / 11 + 0) / 3, 12);
      expect(result.support).toBe(3);
    });

    it('weighs the agreement by accuracy, and counts all alike when every weight is 0', () => {
      const texts = ['the cat sat', 'the cat sat', 'dog'];
      const weighted = itemConsensus(
        A.transcription,
        texts.map((text, i) => ({ worker: `w${i}`, answer: { text }, weight: i === 2 ? 0.1 : 0.9 })),
      )!;
      expect(weighted.confidence).toBeCloseTo(0.9 / 1.0, 12);
      const zero = itemConsensus(
        A.transcription,
        texts.map((text, i) => ({ worker: `w${i}`, answer: { text }, weight: 0 })),
      )!;
      expect(zero.confidence).toBeCloseTo(0.5, 12);
    });
  });

  describe('free_text', () => {
    it('takes the medoid under word edit distance', () => {
      const result = consensusOf(
        A.free_text,
        from(
          { text: 'The cat sat on the mat.' },
          { text: 'the cat sat on a mat' },
          { text: 'Dogs bark loudly at night' },
        ),
      );
      expect(result.label).toEqual({ text: 'The cat sat on the mat.' });
      expect(result.confidence).toBeCloseTo((5 / 6 + 0) / 2, 12);
      expect(result.support).toBe(2);
    });

    it('gives a lone answer full confidence', () => {
      expect(consensusOf(A.free_text, from({ text: 'only one' }))).toEqual({
        label: { text: 'only one' },
        confidence: 1,
        support: 1,
      });
    });
  });
});
