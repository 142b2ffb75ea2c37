import { describe, expect, it } from 'vitest';
import { annotationSchema } from '../../../shared/methods.ts';
import { DomainError } from '../../errors.ts';
import { checkAgainstConsensus } from './checkAgainstConsensus.ts';
import { machineReviewRules } from './machineReviewRules.ts';
import { testAnnotations as A } from './testAnnotations.ts';

const box = (x: number, y: number, w: number, h: number, label = 'car') => ({ x, y, w, h, label });
const span = (start: number, end: number, label = 'PER') => ({ start, end, label });
/** A square outline as a polygon, so its IoUs are easy to work out by hand. */
const square = (x: number, y: number, s: number, label = 'car') => ({
  label,
  points: [
    { x, y },
    { x: x + s, y },
    { x: x + s, y: y + s },
    { x, y: y + s },
  ],
});

describe('checkAgainstConsensus', () => {
  describe('single_choice', () => {
    it('agrees on the same choice only', () => {
      expect(checkAgainstConsensus(A.single_choice, { choice: 'cat' }, { choice: 'cat' })).toEqual({
        agrees: true,
        score: 1,
        reason: 'Chose "cat", as the consensus did.',
      });
      expect(checkAgainstConsensus(A.single_choice, { choice: 'dog' }, { choice: 'cat' })).toEqual({
        agrees: false,
        score: 0,
        reason: 'Chose "dog"; the consensus is "cat".',
      });
    });
  });

  describe('pairwise', () => {
    it('agrees on the same winner only', () => {
      expect(checkAgainstConsensus(A.pairwise, { winner: 'a' }, { winner: 'a' }).agrees).toBe(true);
      expect(
        checkAgainstConsensus(A.pairwise, { winner: 'tie', reason: 'both fine' }, { winner: 'b' }),
      ).toEqual({
        agrees: false,
        score: 0,
        reason: 'Answered a tie; the consensus is B wins.',
      });
    });
  });

  describe('multi_choice', () => {
    it('agrees on the same set in any order', () => {
      const check = checkAgainstConsensus(
        A.multi_choice,
        { choices: ['blue', 'red'] },
        { choices: ['red', 'blue'] },
      );
      expect(check).toEqual({
        agrees: true,
        score: 1,
        reason: 'Selected "blue", "red", as the consensus did.',
      });
    });

    it('measures a partial overlap by Jaccard against the bar', () => {
      const half = checkAgainstConsensus(A.multi_choice, { choices: ['red'] }, { choices: ['red', 'blue'] });
      expect(half).toEqual({
        agrees: true,
        score: 0.5,
        reason: 'Selected "red"; Jaccard overlap 0.50 with the consensus ("blue", "red"), at least 0.50.',
      });
      const third = checkAgainstConsensus(
        A.multi_choice,
        { choices: ['red', 'gray'] },
        { choices: ['red', 'blue'] },
      );
      expect(third.agrees).toBe(false);
      expect(third.score).toBeCloseTo(1 / 3, 12);
      expect(third.reason).toBe(
        'Selected "gray", "red"; Jaccard overlap 0.33 with the consensus ("blue", "red"), below 0.50.',
      );
    });

    it('follows a stricter bar, and reads an empty selection', () => {
      const rules = machineReviewRules.parse({ multiChoiceMinJaccard: 1 });
      expect(
        checkAgainstConsensus(A.multi_choice, { choices: ['red'] }, { choices: ['red', 'blue'] }, rules)
          .agrees,
      ).toBe(false);
      const none = checkAgainstConsensus(A.multi_choice, { choices: [] }, { choices: ['red'] });
      expect(none.agrees).toBe(false);
      expect(none.reason).toMatch(
        /^Selected nothing; Jaccard overlap 0\.00 with the consensus \("red"\), below 0\.50\.$/,
      );
    });
  });

  describe('rating', () => {
    it('agrees within a quarter of the scale: one step on 1–5', () => {
      expect(checkAgainstConsensus(A.rating, { value: 4 }, { value: 4 })).toEqual({
        agrees: true,
        score: 1,
        reason: 'Rated 4, as the consensus did.',
      });
      expect(checkAgainstConsensus(A.rating, { value: 4 }, { value: 3 })).toEqual({
        agrees: true,
        score: 0.75,
        reason: 'Rated 4, 1 step from the consensus 3; up to 1 step agrees on the 1–5 scale.',
      });
      expect(checkAgainstConsensus(A.rating, { value: 1 }, { value: 3 })).toEqual({
        agrees: false,
        score: 0.5,
        reason: 'Rated 1, 2 steps from the consensus 3; only up to 1 step agrees on the 1–5 scale.',
      });
    });

    it('scales the allowed distance with the scale', () => {
      const wide = annotationSchema.parse({ method: 'rating', config: { min: 0, max: 100 } });
      expect(checkAgainstConsensus(wide, { value: 70 }, { value: 50 }).agrees).toBe(true);
      expect(checkAgainstConsensus(wide, { value: 80 }, { value: 50 })).toEqual({
        agrees: false,
        score: 0.7,
        reason: 'Rated 80, 30 steps from the consensus 50; only up to 25 steps agrees on the 0–100 scale.',
      });
      const exact = machineReviewRules.parse({ ratingMaxDistance: 0 });
      expect(checkAgainstConsensus(A.rating, { value: 4 }, { value: 5 }, exact).reason).toBe(
        'Rated 4, 1 step from the consensus 5; only the same rating agrees on the 1–5 scale.',
      );
    });
  });

  describe('bbox', () => {
    it('gives the IoU of a single box against the bar', () => {
      const check = checkAgainstConsensus(
        A.bbox,
        { boxes: [box(0.1, 0.1, 0.2, 0.2)] },
        { boxes: [box(0.2, 0.1, 0.2, 0.2)] },
      );
      expect(check.agrees).toBe(false);
      expect(check.score).toBeCloseTo(1 / 3, 12);
      expect(check.reason).toBe('IoU 0.33 with the consensus box, below 0.50.');
      const close = checkAgainstConsensus(
        A.bbox,
        { boxes: [box(0.1, 0.1, 0.2, 0.2)] },
        { boxes: [box(0.11, 0.1, 0.2, 0.2)] },
      );
      expect(close.agrees).toBe(true);
      expect(close.reason).toMatch(/^IoU 0\.9\d with the consensus box, at least 0\.50\.$/);
    });

    it('names a label mismatch', () => {
      const check = checkAgainstConsensus(
        A.bbox,
        { boxes: [box(0.1, 0.1, 0.2, 0.2, 'person')] },
        { boxes: [box(0.1, 0.1, 0.2, 0.2)] },
      );
      expect(check).toEqual({
        agrees: false,
        score: 0,
        reason: 'IoU 0.00 with the consensus box (labelled "person", the consensus "car"), below 0.50.',
      });
    });

    it('lowers the score for a missing box', () => {
      const consensus = {
        boxes: [box(0.1, 0.1, 0.2, 0.2), box(0.6, 0.6, 0.2, 0.2), box(0.1, 0.6, 0.2, 0.2)],
      };
      const two = checkAgainstConsensus(A.bbox, { boxes: consensus.boxes.slice(0, 2) }, consensus);
      expect(two.score).toBeCloseTo(2 / 3, 12);
      expect(two.agrees).toBe(true);
      expect(two.reason).toBe(
        'Drew 2 boxes, the consensus 3, 2 matched; mean IoU 0.67 (an unmatched box counts 0), at least 0.50.',
      );
      const one = checkAgainstConsensus(A.bbox, { boxes: consensus.boxes.slice(0, 1) }, consensus);
      expect(one.agrees).toBe(false);
      expect(one.score).toBeCloseTo(1 / 3, 12);
    });

    it('reads empty answers', () => {
      expect(checkAgainstConsensus(A.bbox, { boxes: [] }, { boxes: [] })).toEqual({
        agrees: true,
        score: 1,
        reason: 'Drew no boxes, as the consensus did.',
      });
      expect(checkAgainstConsensus(A.bbox, { boxes: [] }, { boxes: [box(0, 0, 0.5, 0.5)] }).reason).toBe(
        'Drew no boxes; the consensus has 1.',
      );
      expect(checkAgainstConsensus(A.bbox, { boxes: [box(0, 0, 0.5, 0.5)] }, { boxes: [] })).toEqual({
        agrees: false,
        score: 0,
        reason: 'Drew 1 box; the consensus has none.',
      });
    });
  });

  describe('polygon', () => {
    it('gives the IoU of a single polygon against the polygon bar', () => {
      const check = checkAgainstConsensus(
        A.polygon,
        { polygons: [square(0.1, 0.1, 0.2)] },
        { polygons: [square(0.2, 0.1, 0.2)] },
      );
      expect(check.agrees).toBe(false);
      expect(check.score).toBeCloseTo(1 / 3, 12);
      expect(check.reason).toBe('IoU 0.33 with the consensus polygon, below 0.50.');
      // The polygon bar is its own: at 0.3 the same outline agrees, while the box bar stays 0.5.
      const lenient = machineReviewRules.parse({ polygonMinIou: 0.3 });
      const again = checkAgainstConsensus(
        A.polygon,
        { polygons: [square(0.1, 0.1, 0.2)] },
        { polygons: [square(0.2, 0.1, 0.2)] },
        lenient,
      );
      expect(again.agrees).toBe(true);
      expect(again.reason).toBe('IoU 0.33 with the consensus polygon, at least 0.30.');
    });

    it('compares the outlines, not their bounding boxes', () => {
      // A triangle filling half the consensus square's box: IoU 0.5, where boxes would give 1.
      const triangle = {
        label: 'car',
        points: [
          { x: 0.1, y: 0.1 },
          { x: 0.5, y: 0.1 },
          { x: 0.1, y: 0.5 },
        ],
      };
      const check = checkAgainstConsensus(
        A.polygon,
        { polygons: [triangle] },
        { polygons: [square(0.1, 0.1, 0.4)] },
      );
      expect(check.score).toBeCloseTo(0.5, 12);
    });

    it('names a label mismatch and counts a missing polygon as 0', () => {
      expect(
        checkAgainstConsensus(
          A.polygon,
          { polygons: [square(0.1, 0.1, 0.2, 'person')] },
          { polygons: [square(0.1, 0.1, 0.2)] },
        ),
      ).toEqual({
        agrees: false,
        score: 0,
        reason: 'IoU 0.00 with the consensus polygon (labelled "person", the consensus "car"), below 0.50.',
      });
      const consensus = { polygons: [square(0.1, 0.1, 0.2), square(0.6, 0.6, 0.2), square(0.1, 0.6, 0.2)] };
      const two = checkAgainstConsensus(A.polygon, { polygons: consensus.polygons.slice(0, 2) }, consensus);
      expect(two.score).toBeCloseTo(2 / 3, 12);
      expect(two.reason).toBe(
        'Drew 2 polygons, the consensus 3, 2 matched; mean IoU 0.67 (an unmatched polygon counts 0), at least 0.50.',
      );
    });

    it('reads empty answers', () => {
      expect(checkAgainstConsensus(A.polygon, { polygons: [] }, { polygons: [] })).toEqual({
        agrees: true,
        score: 1,
        reason: 'Drew no polygons, as the consensus did.',
      });
      expect(
        checkAgainstConsensus(A.polygon, { polygons: [] }, { polygons: [square(0, 0, 0.5)] }).reason,
      ).toBe('Drew no polygons; the consensus has 1.');
      expect(
        checkAgainstConsensus(A.polygon, { polygons: [square(0, 0, 0.5)] }, { polygons: [] }).reason,
      ).toBe('Drew 1 polygon; the consensus has none.');
    });

    it('refuses a consensus that is not a polygon answer', () => {
      expect(() =>
        checkAgainstConsensus(A.polygon, { polygons: [] }, { polygons: [{ label: 'car', points: [] }] }),
      ).toThrow(/^the consensus is not a polygon answer at polygons\.0\.points/);
    });
  });

  describe('span', () => {
    it('measures character F1 against the bar', () => {
      const same = checkAgainstConsensus(A.span, { spans: [span(0, 10)] }, { spans: [span(0, 10)] });
      expect(same.agrees).toBe(true);
      expect(same.score).toBe(1);
      const shifted = checkAgainstConsensus(A.span, { spans: [span(0, 10)] }, { spans: [span(6, 16)] });
      expect(shifted).toEqual({
        agrees: false,
        score: 0.4,
        reason:
          'Marked 1 span, the consensus 1; character F1 0.40 (precision 0.40, recall 0.40), below 0.50.',
      });
      const wrongLabel = checkAgainstConsensus(
        A.span,
        { spans: [span(0, 10, 'LOC')] },
        { spans: [span(0, 10)] },
      );
      expect(wrongLabel.agrees).toBe(false);
    });

    it('reads empty answers', () => {
      expect(checkAgainstConsensus(A.span, { spans: [] }, { spans: [] }).agrees).toBe(true);
      expect(checkAgainstConsensus(A.span, { spans: [] }, { spans: [span(0, 2), span(4, 6)] }).reason).toBe(
        'Marked no spans; the consensus has 2.',
      );
      expect(checkAgainstConsensus(A.span, { spans: [span(0, 2)] }, { spans: [] }).agrees).toBe(false);
    });
  });

  describe('transcription', () => {
    it('measures character similarity against 0.80', () => {
      expect(
        checkAgainstConsensus(A.transcription, { text: ' the  cat sat ' }, { text: 'the cat sat' }),
      ).toEqual({
        agrees: true,
        score: 1,
        reason: 'The transcription matches the consensus.',
      });
      const typo = checkAgainstConsensus(A.transcription, { text: 'the bat sat' }, { text: 'the cat sat' });
      expect(typo.agrees).toBe(true);
      expect(typo.reason).toBe(
        'Character similarity 0.91 with the consensus transcription (1 edit over 11 characters), at least 0.80.',
      );
      const far = checkAgainstConsensus(A.transcription, { text: 'a dog ran' }, { text: 'the cat sat' });
      expect(far.agrees).toBe(false);
      expect(far.reason).toMatch(
        /^Character similarity 0\.\d\d with .* \(\d edits over 11 characters\), below 0\.80\.$/,
      );
    });
  });

  describe('free_text', () => {
    it('measures word similarity against 0.80', () => {
      expect(checkAgainstConsensus(A.free_text, { text: 'Rain, rain!' }, { text: 'rain rain' }).reason).toBe(
        'The text has the same words as the consensus.',
      );
      const one = checkAgainstConsensus(
        A.free_text,
        { text: 'the dog sat on mats' },
        { text: 'the cat sat on mats' },
      );
      expect(one).toEqual({
        agrees: true,
        score: 0.8,
        reason: 'Word similarity 0.80 with the consensus text (1 word edit over 5 words), at least 0.80.',
      });
      const two = checkAgainstConsensus(
        A.free_text,
        { text: 'a dog sat on mats' },
        { text: 'the cat sat on mats' },
      );
      expect(two.agrees).toBe(false);
      expect(two.score).toBeCloseTo(0.6, 12);
    });
  });

  it('refuses an answer or a consensus of another shape with a DomainError', () => {
    expect(() => checkAgainstConsensus(A.rating, { choice: 'cat' }, { value: 3 })).toThrow(DomainError);
    expect(() => checkAgainstConsensus(A.bbox, { boxes: [] }, { boxes: [{ x: 2 }] })).toThrow(
      /^the consensus is not a bbox answer at boxes\.0/,
    );
  });
});
