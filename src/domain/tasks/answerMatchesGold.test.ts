import { describe, expect, it } from 'vitest';
import { type AnnotationInput, annotationSchema, type Box, type Polygon } from '../../shared/methods.ts';
import { answerMatchesGold, boxIou, editDistance } from './answerMatchesGold.ts';

const box = (x: number, y: number, w: number, h: number, label = 'car'): Box => ({ x, y, w, h, label });
/** The box's outline as a polygon, so the bbox cases have polygon twins. */
const outline = (x: number, y: number, w: number, h: number, label = 'car'): Polygon => ({
  label,
  points: [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
  ],
});

function matches(annotation: AnnotationInput, answer: unknown, gold: unknown): boolean {
  return answerMatchesGold(annotationSchema.parse(annotation), answer, gold);
}

const choices = [
  { value: 'a', label: 'A' },
  { value: 'b', label: 'B' },
  { value: 'c', label: 'C' },
];
const labels = [
  { value: 'car', label: 'Car' },
  { value: 'PER', label: 'Person' },
  { value: 'ORG', label: 'Organisation' },
];

describe('boxIou', () => {
  it('is 1 for identical boxes', () => {
    expect(boxIou(box(0.1, 0.2, 0.5, 0.25), box(0.1, 0.2, 0.5, 0.25))).toBe(1);
  });

  it('is 0 for disjoint boxes and for boxes that only touch', () => {
    expect(boxIou(box(0, 0, 0.25, 0.25), box(0.5, 0.5, 0.25, 0.25))).toBe(0);
    expect(boxIou(box(0, 0, 0.25, 0.25), box(0.25, 0, 0.25, 0.25))).toBe(0);
  });

  it('is 1/3 for two equal boxes overlapping by half', () => {
    // intersection 0.25 × 0.5 = 0.125; union 0.25 + 0.25 − 0.125 = 0.375
    expect(boxIou(box(0, 0, 0.5, 0.5), box(0.25, 0, 0.5, 0.5))).toBe(1 / 3);
  });

  it('is the area ratio when one box contains the other', () => {
    expect(boxIou(box(0, 0, 0.5, 0.5), box(0, 0, 0.25, 0.5))).toBe(0.5);
    expect(boxIou(box(0, 0, 1, 1), box(0.25, 0.25, 0.5, 0.5))).toBe(0.25);
  });

  it('is symmetric', () => {
    const a = box(0.1, 0.1, 0.5, 0.25);
    const b = box(0.25, 0, 0.5, 0.5);
    expect(boxIou(a, b)).toBe(boxIou(b, a));
  });

  it('is 0 rather than NaN for empty boxes', () => {
    expect(boxIou(box(0, 0, 0, 0), box(0, 0, 0, 0))).toBe(0);
  });
});

describe('editDistance', () => {
  it('is 3 between kitten and sitting, both ways', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('sitting', 'kitten')).toBe(3);
  });

  it('is the other length when one string is empty', () => {
    expect(editDistance('', '')).toBe(0);
    expect(editDistance('', 'abc')).toBe(3);
    expect(editDistance('abcd', '')).toBe(4);
  });

  it('is 0 for equal strings', () => {
    expect(editDistance('same text', 'same text')).toBe(0);
  });

  it('counts single insertions, deletions and substitutions as 1', () => {
    expect(editDistance('flaw', 'flaws')).toBe(1);
    expect(editDistance('flaws', 'laws')).toBe(1);
    expect(editDistance('cat', 'cut')).toBe(1);
  });

  it('gives known distances', () => {
    expect(editDistance('flaw', 'lawn')).toBe(2);
    expect(editDistance('intention', 'execution')).toBe(5);
    expect(editDistance('abc', 'xyz')).toBe(3);
  });

  it('is symmetric', () => {
    const pairs: [string, string][] = [
      ['saturday', 'sunday'],
      ['a', 'abcdef'],
      ['gumbo', 'gambol'],
    ];
    for (const [a, b] of pairs) expect(editDistance(a, b)).toBe(editDistance(b, a));
    expect(editDistance('saturday', 'sunday')).toBe(3);
  });
});

describe('answerMatchesGold', () => {
  it('single_choice: matches only the same choice', () => {
    const sc: AnnotationInput = { method: 'single_choice', config: { choices } };
    expect(matches(sc, { choice: 'a' }, { choice: 'a' })).toBe(true);
    expect(matches(sc, { choice: 'b' }, { choice: 'a' })).toBe(false);
  });

  it('multi_choice: matches the same set in any order', () => {
    const mc: AnnotationInput = { method: 'multi_choice', config: { choices } };
    expect(matches(mc, { choices: ['c', 'a'] }, { choices: ['a', 'c'] })).toBe(true);
    expect(matches(mc, { choices: [] }, { choices: [] })).toBe(true);
  });

  it('multi_choice: does not match a subset or a superset', () => {
    const mc: AnnotationInput = { method: 'multi_choice', config: { choices } };
    expect(matches(mc, { choices: ['a'] }, { choices: ['a', 'c'] })).toBe(false);
    expect(matches(mc, { choices: ['a', 'b', 'c'] }, { choices: ['a', 'c'] })).toBe(false);
    expect(matches(mc, { choices: ['a', 'b'] }, { choices: ['a', 'c'] })).toBe(false);
  });

  it('rating: matches only the same value', () => {
    const rt: AnnotationInput = { method: 'rating', config: {} };
    expect(matches(rt, { value: 4 }, { value: 4 })).toBe(true);
    expect(matches(rt, { value: 3 }, { value: 4 })).toBe(false);
  });

  it('pairwise: matches only the same winner', () => {
    const pw: AnnotationInput = { method: 'pairwise', config: {} };
    expect(matches(pw, { winner: 'tie' }, { winner: 'tie' })).toBe(true);
    expect(matches(pw, { winner: 'a', reason: 'why not' }, { winner: 'a' })).toBe(true);
    expect(matches(pw, { winner: 'a' }, { winner: 'b' })).toBe(false);
  });

  describe('bbox', () => {
    const bb: AnnotationInput = { method: 'bbox', config: { labels } };

    it('matches a box with IoU of exactly 0.5', () => {
      expect(boxIou(box(0, 0, 0.5, 0.25), box(0, 0, 0.5, 0.5))).toBe(0.5);
      expect(matches(bb, { boxes: [box(0, 0, 0.5, 0.25)] }, { boxes: [box(0, 0, 0.5, 0.5)] })).toBe(true);
    });

    it('does not match a box with IoU just under 0.5', () => {
      expect(boxIou(box(0, 0, 0.5, 0.24), box(0, 0, 0.5, 0.5))).toBeLessThan(0.5);
      expect(matches(bb, { boxes: [box(0, 0, 0.5, 0.24)] }, { boxes: [box(0, 0, 0.5, 0.5)] })).toBe(false);
    });

    it('applies the threshold whichever box is the larger', () => {
      expect(matches(bb, { boxes: [box(0, 0, 0.5, 0.5)] }, { boxes: [box(0, 0, 0.5, 0.25)] })).toBe(true);
      expect(matches(bb, { boxes: [box(0, 0, 0.5, 0.5)] }, { boxes: [box(0, 0, 0.5, 0.24)] })).toBe(false);
    });

    it('does not match a box with another label', () => {
      expect(matches(bb, { boxes: [box(0, 0, 0.5, 0.5, 'PER')] }, { boxes: [box(0, 0, 0.5, 0.5)] })).toBe(
        false,
      );
    });

    it('matches boxes one to one, in any order', () => {
      const gold = { boxes: [box(0, 0, 0.25, 0.25), box(0.5, 0.5, 0.25, 0.25, 'PER')] };
      const answer = { boxes: [box(0.5, 0.5, 0.25, 0.25, 'PER'), box(0, 0, 0.25, 0.25)] };
      expect(matches(bb, answer, gold)).toBe(true);
    });

    it('does not match a missing or an extra box', () => {
      const gold = { boxes: [box(0, 0, 0.25, 0.25), box(0.5, 0.5, 0.25, 0.25)] };
      expect(matches(bb, { boxes: [box(0, 0, 0.25, 0.25)] }, gold)).toBe(false);
      expect(matches(bb, { boxes: [...gold.boxes, box(0.8, 0, 0.1, 0.1)] }, gold)).toBe(false);
    });

    it('does not let one drawn box stand for two gold boxes', () => {
      const gold = { boxes: [box(0, 0, 0.5, 0.5), box(0, 0, 0.5, 0.5)] };
      const answer = { boxes: [box(0, 0, 0.5, 0.5), box(0.75, 0.75, 0.25, 0.25)] };
      expect(matches(bb, answer, gold)).toBe(false);
    });

    it('matches no boxes against no boxes', () => {
      expect(matches(bb, { boxes: [] }, { boxes: [] })).toBe(true);
    });
  });

  describe('polygon', () => {
    const pg: AnnotationInput = { method: 'polygon', config: { labels } };

    it('matches an outline with IoU of exactly 0.5 and not one just under', () => {
      expect(
        matches(pg, { polygons: [outline(0, 0, 0.5, 0.25)] }, { polygons: [outline(0, 0, 0.5, 0.5)] }),
      ).toBe(true);
      expect(
        matches(pg, { polygons: [outline(0, 0, 0.5, 0.24)] }, { polygons: [outline(0, 0, 0.5, 0.5)] }),
      ).toBe(false);
    });

    it('uses the outline, not its bounding box', () => {
      // A thin diagonal sliver fills its bounding box's diagonal, not the box: IoU with the box far under 0.5.
      const sliver: Polygon = {
        label: 'car',
        points: [
          { x: 0, y: 0 },
          { x: 0.1, y: 0 },
          { x: 0.5, y: 0.4 },
          { x: 0.5, y: 0.5 },
          { x: 0.4, y: 0.5 },
          { x: 0, y: 0.1 },
        ],
      };
      expect(matches(pg, { polygons: [sliver] }, { polygons: [outline(0, 0, 0.5, 0.5)] })).toBe(false);
      expect(matches(pg, { polygons: [sliver] }, { polygons: [sliver] })).toBe(true);
    });

    it('does not match another label, a missing or an extra outline', () => {
      const gold = { polygons: [outline(0, 0, 0.25, 0.25), outline(0.5, 0.5, 0.25, 0.25, 'PER')] };
      expect(matches(pg, { polygons: [...gold.polygons].reverse() }, gold)).toBe(true);
      expect(
        matches(
          pg,
          { polygons: [outline(0, 0, 0.25, 0.25, 'PER')] },
          { polygons: [outline(0, 0, 0.25, 0.25)] },
        ),
      ).toBe(false);
      expect(matches(pg, { polygons: gold.polygons.slice(0, 1) }, gold)).toBe(false);
      expect(matches(pg, { polygons: [...gold.polygons, outline(0.8, 0, 0.1, 0.1)] }, gold)).toBe(false);
      expect(matches(pg, { polygons: [] }, { polygons: [] })).toBe(true);
    });
  });
  describe('span', () => {
    const sp: AnnotationInput = { method: 'span', config: { labels } };
    const gold = { spans: [{ start: 0, end: 10, label: 'PER' }] };

    it('matches the same span', () => {
      expect(matches(sp, gold, gold)).toBe(true);
    });

    it('matches when the overlap is at least half the longer span', () => {
      expect(matches(sp, { spans: [{ start: 5, end: 10, label: 'PER' }] }, gold)).toBe(true);
      expect(matches(sp, { spans: [{ start: 0, end: 20, label: 'PER' }] }, gold)).toBe(true);
    });

    it('does not match when the overlap is under half the longer span', () => {
      expect(matches(sp, { spans: [{ start: 6, end: 10, label: 'PER' }] }, gold)).toBe(false);
      expect(matches(sp, { spans: [{ start: 0, end: 21, label: 'PER' }] }, gold)).toBe(false);
    });

    it('does not match disjoint or touching spans', () => {
      expect(matches(sp, { spans: [{ start: 10, end: 20, label: 'PER' }] }, gold)).toBe(false);
      expect(matches(sp, { spans: [{ start: 30, end: 40, label: 'PER' }] }, gold)).toBe(false);
    });

    it('does not match a span with another label', () => {
      expect(matches(sp, { spans: [{ start: 0, end: 10, label: 'ORG' }] }, gold)).toBe(false);
    });

    it('matches spans one to one in any order and not with a different count', () => {
      const two = {
        spans: [
          { start: 0, end: 3, label: 'PER' },
          { start: 10, end: 15, label: 'ORG' },
        ],
      };
      expect(matches(sp, { spans: [two.spans[1], two.spans[0]] }, two)).toBe(true);
      expect(matches(sp, { spans: [two.spans[0]] }, two)).toBe(false);
    });
  });

  describe('transcription and free_text', () => {
    const tr: AnnotationInput = { method: 'transcription', config: {} };
    const ft: AnnotationInput = { method: 'free_text', config: {} };

    it('ignores case, punctuation and extra spaces', () => {
      expect(matches(tr, { text: 'THE QUICK, brown   fox!' }, { text: 'The quick brown fox' })).toBe(true);
      expect(matches(tr, { text: '  hello—world ' }, { text: 'Hello, world.' })).toBe(true);
      expect(matches(ft, { text: 'Ça va?' }, { text: 'ça va' })).toBe(true);
    });

    it('accepts up to 10% edits on a 10-character gold and refuses more', () => {
      const gold = { text: 'abcdefghij' };
      expect(matches(tr, { text: 'abcdefghiX' }, gold)).toBe(true);
      expect(matches(tr, { text: 'abcdefghi' }, gold)).toBe(true);
      expect(matches(tr, { text: 'abcdefghXY' }, gold)).toBe(false);
    });

    it('accepts 2 edits on a 20-character gold and refuses 3', () => {
      const gold = { text: 'abcdefghijklmnopqrst' };
      expect(matches(ft, { text: 'abcdefghijklmnopqrXY' }, gold)).toBe(true);
      expect(matches(ft, { text: 'abcdefghijklmnopqXYZ' }, gold)).toBe(false);
    });

    it('measures the tolerance on the normalized gold', () => {
      // "A-B-C-D-E-F-G-H-I-J" normalizes to "a b c d e f g h i j" (19 characters): 1 edit allowed (10%, rounded down).
      expect(matches(tr, { text: 'a b c d e f g h i x' }, { text: 'A-B-C-D-E-F-G-H-I-J' })).toBe(true);
      expect(matches(tr, { text: 'a b c d e f g h x y' }, { text: 'A-B-C-D-E-F-G-H-I-J' })).toBe(false);
    });

    it('allows no edit against a gold with no letters or digits', () => {
      expect(matches(tr, { text: '...' }, { text: '!!' })).toBe(true);
      expect(matches(tr, { text: 'a' }, { text: '?' })).toBe(false);
    });
  });
});
