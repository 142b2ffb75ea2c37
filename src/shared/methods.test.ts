import { describe, expect, it } from 'vitest';
import {
  type Annotation,
  type AnnotationInput,
  annotationSchema,
  answerSchemaFor,
  type ItemData,
  METHODS,
  requiredItemFields,
} from './methods.ts';

const twoChoices = [
  { value: 'pos', label: 'Positive' },
  { value: 'neg', label: 'Negative' },
];
const threeChoices = [...twoChoices, { value: 'neu', label: 'Neutral' }];
const labels = [
  { value: 'PER', label: 'Person' },
  { value: 'ORG', label: 'Organisation' },
];

function annotation(input: AnnotationInput): Annotation {
  return annotationSchema.parse(input);
}

/** The messages of every issue a failed parse reports, in order. */
function messages(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.error?.issues.map((i) => i.message) ?? [];
}

function check(input: AnnotationInput, answer: unknown, data: ItemData = {}) {
  return answerSchemaFor(annotation(input), data).safeParse(answer);
}

describe('annotationSchema', () => {
  it('accepts a single_choice config and keeps the choices as given', () => {
    const a = annotation({
      method: 'single_choice',
      config: { choices: [{ value: 'pos', label: 'Positive', hotkey: '1' }, twoChoices[1]!] },
    });
    expect(a).toEqual({
      method: 'single_choice',
      config: {
        choices: [
          { value: 'pos', label: 'Positive', hotkey: '1' },
          { value: 'neg', label: 'Negative' },
        ],
      },
    });
  });

  it('trims choice values and labels', () => {
    const a = annotation({
      method: 'single_choice',
      config: {
        choices: [
          { value: '  pos ', label: ' Positive ' },
          { value: 'neg', label: 'Negative' },
        ],
      },
    });
    expect(a.method === 'single_choice' && a.config.choices[0]).toEqual({ value: 'pos', label: 'Positive' });
  });

  it('refuses a single_choice with fewer than two choices', () => {
    const r = annotationSchema.safeParse({ method: 'single_choice', config: { choices: [twoChoices[0]] } });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['give at least two choices']);
  });

  it('refuses duplicate choice values', () => {
    const r = annotationSchema.safeParse({
      method: 'single_choice',
      config: {
        choices: [
          { value: 'pos', label: 'Positive' },
          { value: 'pos', label: 'Also positive' },
        ],
      },
    });
    expect(r.success).toBe(false);
    expect(messages(r)).toEqual(['choice values must be unique']);
  });

  it('refuses choice values that only differ by surrounding spaces', () => {
    const r = annotationSchema.safeParse({
      method: 'single_choice',
      config: {
        choices: [
          { value: 'pos', label: 'Positive' },
          { value: ' pos ', label: 'Again' },
        ],
      },
    });
    expect(messages(r)).toEqual(['choice values must be unique']);
  });

  it('refuses a hotkey longer than one character', () => {
    const r = annotationSchema.safeParse({
      method: 'single_choice',
      config: { choices: [{ value: 'pos', label: 'Positive', hotkey: 'ab' }, twoChoices[1]] },
    });
    expect(r.success).toBe(false);
  });

  it('applies multi_choice defaults: at least one selected, no maximum', () => {
    const a = annotation({ method: 'multi_choice', config: { choices: twoChoices } });
    expect(a).toEqual({ method: 'multi_choice', config: { choices: twoChoices, minSelected: 1 } });
  });

  it('keeps explicit multi_choice bounds', () => {
    const a = annotation({
      method: 'multi_choice',
      config: { choices: threeChoices, minSelected: 0, maxSelected: 2 },
    });
    expect(a.config).toEqual({ choices: threeChoices, minSelected: 0, maxSelected: 2 });
  });

  it('refuses a multi_choice maxSelected of 0', () => {
    const r = annotationSchema.safeParse({
      method: 'multi_choice',
      config: { choices: twoChoices, maxSelected: 0 },
    });
    expect(r.success).toBe(false);
  });

  it('accepts span labels, one label being enough', () => {
    const a = annotation({ method: 'span', config: { labels: [labels[0]!] } });
    expect(a).toEqual({ method: 'span', config: { labels: [{ value: 'PER', label: 'Person' }] } });
  });

  it('refuses span without labels and with duplicate label values', () => {
    expect(messages(annotationSchema.safeParse({ method: 'span', config: { labels: [] } }))).toEqual([
      'give at least one label',
    ]);
    const dup = annotationSchema.safeParse({
      method: 'span',
      config: { labels: [labels[0], { value: 'PER', label: 'People' }] },
    });
    expect(messages(dup)).toEqual(['label values must be unique']);
  });

  it('applies the bbox default of zero boxes', () => {
    expect(annotation({ method: 'bbox', config: { labels } })).toEqual({
      method: 'bbox',
      config: { labels, minBoxes: 0 },
    });
  });

  it('refuses a negative bbox minBoxes', () => {
    expect(annotationSchema.safeParse({ method: 'bbox', config: { labels, minBoxes: -1 } }).success).toBe(
      false,
    );
  });

  it('applies the transcription default minLength of 1', () => {
    expect(annotation({ method: 'transcription', config: {} })).toEqual({
      method: 'transcription',
      config: { minLength: 1 },
    });
  });

  it('applies pairwise defaults: ties allowed, no criteria', () => {
    expect(annotation({ method: 'pairwise', config: {} })).toEqual({
      method: 'pairwise',
      config: { allowTie: true, criteria: '' },
    });
  });

  it('applies rating defaults: 1 to 5 without labels', () => {
    expect(annotation({ method: 'rating', config: {} })).toEqual({
      method: 'rating',
      config: { min: 1, max: 5, minLabel: '', maxLabel: '' },
    });
  });

  it('refuses a rating whose max is not above min', () => {
    for (const config of [
      { min: 5, max: 5 },
      { min: 5, max: 1 },
    ]) {
      const r = annotationSchema.safeParse({ method: 'rating', config });
      expect(messages(r)).toEqual(['rating max must be above min (at most 100 steps)']);
    }
  });

  it('accepts a rating of exactly 100 steps and refuses 101', () => {
    expect(annotationSchema.safeParse({ method: 'rating', config: { min: 0, max: 100 } }).success).toBe(true);
    expect(messages(annotationSchema.safeParse({ method: 'rating', config: { min: 0, max: 101 } }))).toEqual([
      'rating max must be above min (at most 100 steps)',
    ]);
  });

  it('refuses a non-integer rating bound', () => {
    expect(annotationSchema.safeParse({ method: 'rating', config: { min: 1, max: 4.5 } }).success).toBe(
      false,
    );
  });

  it('applies free_text defaults: 1 to 5000 characters', () => {
    expect(annotation({ method: 'free_text', config: {} })).toEqual({
      method: 'free_text',
      config: { minLength: 1, maxLength: 5000 },
    });
  });

  it('refuses a free_text maxLength below minLength', () => {
    const r = annotationSchema.safeParse({ method: 'free_text', config: { minLength: 10, maxLength: 5 } });
    expect(messages(r)).toEqual(['maxLength must be at least minLength']);
  });

  it('accepts a free_text maxLength equal to minLength', () => {
    expect(
      annotationSchema.safeParse({ method: 'free_text', config: { minLength: 5, maxLength: 5 } }).success,
    ).toBe(true);
  });

  it('refuses a free_text maxLength above 100,000', () => {
    expect(annotationSchema.safeParse({ method: 'free_text', config: { maxLength: 100_001 } }).success).toBe(
      false,
    );
  });

  it('applies the polygon default of at least one polygon, with no cap on points', () => {
    expect(annotation({ method: 'polygon', config: { labels } })).toEqual({
      method: 'polygon',
      config: { labels, minPolygons: 1 },
    });
    expect(
      annotation({ method: 'polygon', config: { labels, minPolygons: 0, maxPoints: 12 } }).config,
    ).toEqual({
      labels,
      minPolygons: 0,
      maxPoints: 12,
    });
  });

  it('refuses a polygon config without labels, with a negative minimum or a cap under three points', () => {
    expect(messages(annotationSchema.safeParse({ method: 'polygon', config: { labels: [] } }))).toEqual([
      'give at least one label',
    ]);
    for (const config of [
      { labels, minPolygons: -1 },
      { labels, minPolygons: 1.5 },
      { labels, maxPoints: 2 },
      { labels, maxPoints: 201 },
    ])
      expect(annotationSchema.safeParse({ method: 'polygon', config }).success).toBe(false);
  });

  it('refuses an unknown method', () => {
    expect(annotationSchema.safeParse({ method: 'keypoints', config: {} }).success).toBe(false);
  });

  it('has a variant for each of the nine methods', () => {
    const minimal: Record<(typeof METHODS)[number], AnnotationInput> = {
      single_choice: { method: 'single_choice', config: { choices: twoChoices } },
      multi_choice: { method: 'multi_choice', config: { choices: twoChoices } },
      span: { method: 'span', config: { labels } },
      bbox: { method: 'bbox', config: { labels } },
      polygon: { method: 'polygon', config: { labels } },
      transcription: { method: 'transcription', config: {} },
      pairwise: { method: 'pairwise', config: {} },
      rating: { method: 'rating', config: {} },
      free_text: { method: 'free_text', config: {} },
    };
    expect(METHODS.map((m) => annotationSchema.parse(minimal[m]).method)).toEqual([...METHODS]);
  });
});

describe('answerSchemaFor: single_choice', () => {
  const sc: AnnotationInput = { method: 'single_choice', config: { choices: twoChoices } };

  it('accepts one of the choices', () => {
    const r = check(sc, { choice: 'neg' });
    expect(r.success && r.data).toEqual({ choice: 'neg' });
  });

  it('refuses a value that is not a choice, listing the choices', () => {
    const r = check(sc, { choice: 'maybe' });
    expect(messages(r)).toEqual(['choice must be one of: pos, neg']);
    expect(r.error?.issues[0]?.path).toEqual(['choice']);
  });

  it('refuses extra keys', () => {
    expect(check(sc, { choice: 'pos', confidence: 1 }).success).toBe(false);
  });

  it('refuses an empty choice and a missing one', () => {
    expect(check(sc, { choice: '' }).success).toBe(false);
    expect(check(sc, {}).success).toBe(false);
  });
});

describe('answerSchemaFor: multi_choice', () => {
  const mc = (config: Record<string, unknown> = {}): AnnotationInput => ({
    method: 'multi_choice',
    config: { choices: threeChoices, ...config },
  });

  it('accepts a selection from the choices', () => {
    const r = check(mc(), { choices: ['neu', 'pos'] });
    expect(r.success && r.data).toEqual({ choices: ['neu', 'pos'] });
  });

  it('refuses a value that is not a choice', () => {
    expect(messages(check(mc(), { choices: ['pos', 'bad'] }))).toEqual([
      'choices must come from: pos, neg, neu',
    ]);
  });

  it('refuses a repeated choice', () => {
    expect(messages(check(mc(), { choices: ['pos', 'pos'] }))).toEqual(['choices must not repeat']);
  });

  it('refuses fewer than minSelected, by default at least one', () => {
    expect(messages(check(mc(), { choices: [] }))).toEqual(['select at least 1']);
    expect(messages(check(mc({ minSelected: 2 }), { choices: ['pos'] }))).toEqual(['select at least 2']);
  });

  it('accepts an empty selection when minSelected is 0', () => {
    expect(check(mc({ minSelected: 0 }), { choices: [] }).success).toBe(true);
  });

  it('refuses more than maxSelected and accepts exactly maxSelected', () => {
    expect(messages(check(mc({ maxSelected: 2 }), { choices: ['pos', 'neg', 'neu'] }))).toEqual([
      'select at most 2',
    ]);
    expect(check(mc({ maxSelected: 2 }), { choices: ['pos', 'neg'] }).success).toBe(true);
  });

  it('refuses extra keys', () => {
    expect(check(mc(), { choices: ['pos'], other: true }).success).toBe(false);
  });
});

describe('answerSchemaFor: span', () => {
  const sp: AnnotationInput = { method: 'span', config: { labels } };
  const data = { text: 'Ada Lovelace met Babbage' }; // 24 characters

  it('accepts spans inside the text with known labels', () => {
    const answer = {
      spans: [
        { start: 0, end: 12, label: 'PER' },
        { start: 17, end: 24, label: 'PER' },
      ],
    };
    const r = check(sp, answer, data);
    expect(r.success && r.data).toEqual(answer);
  });

  it('accepts no spans at all', () => {
    expect(check(sp, { spans: [] }, data).success).toBe(true);
  });

  it('refuses a span that ends past the text', () => {
    const r = check(sp, { spans: [{ start: 17, end: 25, label: 'PER' }] }, data);
    expect(messages(r)).toEqual(['span ends at 25, past the text (24 characters)']);
    expect(r.error?.issues[0]?.path).toEqual(['spans', 0]);
  });

  it('refuses a span that ends where it starts or before', () => {
    expect(messages(check(sp, { spans: [{ start: 3, end: 3, label: 'PER' }] }, data))).toEqual([
      'a span must end after it starts',
    ]);
    expect(messages(check(sp, { spans: [{ start: 5, end: 2, label: 'PER' }] }, data))).toEqual([
      'a span must end after it starts',
    ]);
  });

  it('refuses an unknown label, pointing at the span label', () => {
    const r = check(
      sp,
      {
        spans: [
          { start: 0, end: 3, label: 'PER' },
          { start: 4, end: 8, label: 'LOC' },
        ],
      },
      data,
    );
    expect(messages(r)).toEqual(['label must be one of: PER, ORG']);
    expect(r.error?.issues[0]?.path).toEqual(['spans', 1, 'label']);
  });

  it('treats an item without text as zero characters long', () => {
    expect(messages(check(sp, { spans: [{ start: 0, end: 1, label: 'PER' }] }, {}))).toEqual([
      'span ends at 1, past the text (0 characters)',
    ]);
  });

  it('refuses a negative start and extra keys on a span', () => {
    expect(check(sp, { spans: [{ start: -1, end: 3, label: 'PER' }] }, data).success).toBe(false);
    expect(check(sp, { spans: [], extra: 1 }, data).success).toBe(false);
  });
});

describe('answerSchemaFor: bbox', () => {
  const bb = (minBoxes = 0): AnnotationInput => ({ method: 'bbox', config: { labels, minBoxes } });

  it('accepts boxes inside the image', () => {
    const answer = { boxes: [{ x: 0.5, y: 0.5, w: 0.5, h: 0.5, label: 'ORG' }] };
    const r = check(bb(), answer);
    expect(r.success && r.data).toEqual(answer);
  });

  it('refuses a box that runs past the right or bottom edge', () => {
    expect(messages(check(bb(), { boxes: [{ x: 0.6, y: 0, w: 0.5, h: 0.1, label: 'ORG' }] }))).toEqual([
      'a box must lie inside the image',
    ]);
    expect(messages(check(bb(), { boxes: [{ x: 0, y: 0.9, w: 0.1, h: 0.2, label: 'ORG' }] }))).toEqual([
      'a box must lie inside the image',
    ]);
  });

  it('refuses coordinates outside 0..1 and zero-sized boxes', () => {
    expect(check(bb(), { boxes: [{ x: -0.1, y: 0, w: 0.1, h: 0.1, label: 'ORG' }] }).success).toBe(false);
    expect(check(bb(), { boxes: [{ x: 0, y: 0, w: 0, h: 0.1, label: 'ORG' }] }).success).toBe(false);
  });

  it('refuses an unknown label', () => {
    const r = check(bb(), { boxes: [{ x: 0, y: 0, w: 0.1, h: 0.1, label: 'CAR' }] });
    expect(messages(r)).toEqual(['label must be one of: PER, ORG']);
    expect(r.error?.issues[0]?.path).toEqual(['boxes', 0, 'label']);
  });

  it('refuses fewer boxes than minBoxes', () => {
    expect(messages(check(bb(1), { boxes: [] }))).toEqual(['draw at least 1 box(es)']);
  });

  it('refuses extra keys beside boxes', () => {
    expect(check(bb(), { boxes: [], extra: 1 }).success).toBe(false);
  });

  it('drops (rather than refuses) extra keys inside a box, so they are never stored', () => {
    const r = check(bb(), { boxes: [{ x: 0, y: 0, w: 0.1, h: 0.1, label: 'ORG', score: 1 }] });
    expect(r.success && r.data).toEqual({ boxes: [{ x: 0, y: 0, w: 0.1, h: 0.1, label: 'ORG' }] });
  });
});

describe('answerSchemaFor: polygon', () => {
  const pg = (config: { minPolygons?: number; maxPoints?: number } = {}): AnnotationInput => ({
    method: 'polygon',
    config: { labels, ...config },
  });
  const square = [
    { x: 0.1, y: 0.1 },
    { x: 0.5, y: 0.1 },
    { x: 0.5, y: 0.5 },
    { x: 0.1, y: 0.5 },
  ];
  const one = (points: unknown, label = 'ORG') => ({ polygons: [{ label, points }] });

  it('accepts simple polygons inside the image, convex or not, in either winding', () => {
    const ell = [
      { x: 0, y: 0 },
      { x: 1, y: 0 },
      { x: 1, y: 0.5 },
      { x: 0.5, y: 0.5 },
      { x: 0.5, y: 1 },
      { x: 0, y: 1 },
    ];
    const answer = {
      polygons: [
        { label: 'ORG', points: square },
        { label: 'PER', points: [...ell].reverse() },
      ],
    };
    const r = check(pg(), answer);
    expect(r.success && r.data).toEqual(answer);
  });

  it('refuses a self-intersecting polygon, saying which one and what to do', () => {
    const bowtie = [square[0], square[2], square[1], square[3]];
    const r = check(pg(), {
      polygons: [
        { label: 'ORG', points: square },
        { label: 'ORG', points: bowtie },
      ],
    });
    expect(messages(r)).toEqual([
      'polygon 2 crosses itself (the edges between points 1–2 and 3–4 meet); move a point so no edges cross',
    ]);
    expect(r.error?.issues[0]?.path).toEqual(['polygons', 1, 'points']);
  });

  it('refuses an outline that doubles back on itself or touches its own edge', () => {
    // Point 3 goes back along the line from point 2 to point 1.
    const spike = [
      { x: 0.1, y: 0.1 },
      { x: 0.5, y: 0.1 },
      { x: 0.3, y: 0.1 },
      { x: 0.3, y: 0.5 },
    ];
    expect(messages(check(pg(), one(spike)))[0]).toMatch(/^polygon 1 crosses itself/);
    // Point 4 lands on the edge from point 1 to point 2.
    const pinch = [
      { x: 0.1, y: 0.1 },
      { x: 0.5, y: 0.1 },
      { x: 0.5, y: 0.5 },
      { x: 0.3, y: 0.1 },
      { x: 0.1, y: 0.5 },
    ];
    expect(messages(check(pg(), one(pinch)))[0]).toMatch(/^polygon 1 crosses itself/);
  });

  it('refuses a polygon with (almost) no area', () => {
    const line = [
      { x: 0.1, y: 0.1 },
      { x: 0.3, y: 0.3 },
      { x: 0.5, y: 0.5 },
    ];
    // Collinear points double back in this order; a sliver a millionth wide has no crossing but no area either.
    expect(messages(check(pg(), one([line[0], line[2], line[1]])))[0]).toMatch(/^polygon 1 /);
    const sliver = [
      { x: 0.1, y: 0.1 },
      { x: 0.9, y: 0.1 },
      { x: 0.5, y: 0.1000001 },
    ];
    expect(messages(check(pg(), one(sliver)))).toEqual([
      'polygon 1 has (almost) no area: its points lie on one line; spread them around the object',
    ]);
  });

  it('refuses repeated points, including the first repeated at the end', () => {
    expect(messages(check(pg(), one([...square, square[0]])))).toEqual([
      'polygon 1 repeats its first point at the end; leave it out (the outline closes by itself)',
    ]);
    expect(messages(check(pg(), one([square[0], square[1], square[1], square[2]])))).toEqual([
      'polygon 1 repeats a point (points 2 and 3 are the same); remove one',
    ]);
  });

  it('refuses points outside the image and polygons of fewer than 3 or more than 200 points', () => {
    expect(messages(check(pg(), one([{ x: -0.1, y: 0 }, ...square.slice(1)])))).toEqual([
      'a point must lie inside the image (0 to 1)',
    ]);
    expect(messages(check(pg(), one([...square.slice(0, 2), { x: 0.5, y: 1.01 }, square[3]])))).toEqual([
      'a point must lie inside the image (0 to 1)',
    ]);
    expect(messages(check(pg(), one(square.slice(0, 2))))).toEqual(['a polygon needs at least 3 points']);
    const circle = (n: number) =>
      Array.from({ length: n }, (_, k) => ({
        x: 0.5 + 0.4 * Math.cos((2 * Math.PI * k) / n),
        y: 0.5 + 0.4 * Math.sin((2 * Math.PI * k) / n),
      }));
    expect(check(pg(), one(circle(200))).success).toBe(true);
    expect(messages(check(pg(), one(circle(201))))).toEqual(['a polygon has at most 200 points']);
    expect(messages(check(pg({ maxPoints: 8 }), one(circle(9))))).toEqual([
      'polygon 1 has 9 points; this project allows at most 8: remove some',
    ]);
  });

  it('refuses an unknown label, fewer polygons than minPolygons and more than 200', () => {
    const r = check(pg(), one(square, 'CAR'));
    expect(messages(r)).toEqual(['label must be one of: PER, ORG']);
    expect(r.error?.issues[0]?.path).toEqual(['polygons', 0, 'label']);
    expect(messages(check(pg(), { polygons: [] }))).toEqual(['draw at least 1 polygon(s)']);
    expect(check(pg({ minPolygons: 0 }), { polygons: [] }).success).toBe(true);
    const many = Array.from({ length: 201 }, () => ({ label: 'ORG', points: square }));
    expect(messages(check(pg(), { polygons: many }))).toEqual(['draw at most 200 polygons']);
  });

  it('refuses answers of the wrong shape with one message each, without tripping the geometry checks', () => {
    expect(messages(check(pg(), { polygons: 'none' }))).toHaveLength(1);
    expect(messages(check(pg(), one('none')))).toHaveLength(1);
    expect(messages(check(pg(), one([{ x: 'a', y: 0 }, ...square.slice(1)])))).toHaveLength(1);
    expect(check(pg(), one([null, ...square.slice(1)])).success).toBe(false);
  });

  it('refuses extra keys beside polygons and drops them inside a polygon or point', () => {
    expect(check(pg(), { ...one(square), extra: 1 }).success).toBe(false);
    const r = check(pg(), {
      polygons: [{ label: 'ORG', score: 1, points: square.map((p) => ({ ...p, z: 0 })) }],
    });
    expect(r.success && r.data).toEqual(one(square));
  });
});

describe('answerSchemaFor: transcription', () => {
  const tr = (minLength = 1): AnnotationInput => ({ method: 'transcription', config: { minLength } });

  it('accepts text of at least minLength characters', () => {
    expect(check(tr(3), { text: 'abc' }).success).toBe(true);
  });

  it('refuses text shorter than minLength once trimmed', () => {
    expect(messages(check(tr(3), { text: '  ab  ' }))).toEqual([
      'the transcription needs at least 3 character(s)',
    ]);
    expect(messages(check(tr(), { text: '   ' }))).toEqual([
      'the transcription needs at least 1 character(s)',
    ]);
  });

  it('refuses extra keys', () => {
    expect(check(tr(), { text: 'abc', lang: 'en' }).success).toBe(false);
  });
});

describe('answerSchemaFor: pairwise', () => {
  it('accepts a, b and tie by default, with an optional reason', () => {
    const pw: AnnotationInput = { method: 'pairwise', config: {} };
    for (const winner of ['a', 'b', 'tie']) expect(check(pw, { winner }).success).toBe(true);
    const r = check(pw, { winner: 'a', reason: 'clearer' });
    expect(r.success && r.data).toEqual({ winner: 'a', reason: 'clearer' });
  });

  it('refuses a tie when ties are not allowed', () => {
    const pw: AnnotationInput = { method: 'pairwise', config: { allowTie: false } };
    expect(messages(check(pw, { winner: 'tie' }))).toEqual(['this project does not allow ties: pick a or b']);
    expect(check(pw, { winner: 'b' }).success).toBe(true);
  });

  it('refuses another winner and extra keys', () => {
    const pw: AnnotationInput = { method: 'pairwise', config: {} };
    expect(check(pw, { winner: 'c' }).success).toBe(false);
    expect(check(pw, { winner: 'a', score: 2 }).success).toBe(false);
  });
});

describe('answerSchemaFor: rating', () => {
  const rt: AnnotationInput = { method: 'rating', config: { min: 1, max: 5 } };

  it('accepts the bounds themselves', () => {
    expect(check(rt, { value: 1 }).success).toBe(true);
    expect(check(rt, { value: 5 }).success).toBe(true);
  });

  it('refuses values out of range', () => {
    expect(messages(check(rt, { value: 0 }))).toEqual(['rating must be between 1 and 5']);
    expect(messages(check(rt, { value: 6 }))).toEqual(['rating must be between 1 and 5']);
  });

  it('refuses a fractional value and extra keys', () => {
    expect(check(rt, { value: 2.5 }).success).toBe(false);
    expect(check(rt, { value: 2, note: '' }).success).toBe(false);
  });
});

describe('answerSchemaFor: free_text', () => {
  const ft: AnnotationInput = { method: 'free_text', config: { minLength: 2, maxLength: 5 } };

  it('accepts text within the bounds', () => {
    expect(check(ft, { text: 'ab' }).success).toBe(true);
    expect(check(ft, { text: 'abcde' }).success).toBe(true);
  });

  it('refuses text that is too short once trimmed, or too long', () => {
    expect(messages(check(ft, { text: ' a  ' }))).toEqual(['text must be 2–5 characters']);
    expect(messages(check(ft, { text: 'abcdef' }))).toEqual(['text must be 2–5 characters']);
  });

  it('refuses extra keys', () => {
    expect(check(ft, { text: 'abc', extra: 'x' }).success).toBe(false);
  });
});

describe('requiredItemFields', () => {
  it('asks for the modality field', () => {
    expect(requiredItemFields('single_choice', 'text')).toEqual(['text']);
    expect(requiredItemFields('transcription', 'audio')).toEqual(['audio']);
    expect(requiredItemFields('rating', 'video')).toEqual(['video']);
  });

  it('asks for nothing on a hybrid item unless the method needs it', () => {
    expect(requiredItemFields('single_choice', 'hybrid')).toEqual([]);
    expect(requiredItemFields('free_text', 'hybrid')).toEqual([]);
  });

  it('asks for text on span projects and image on bbox projects', () => {
    expect(requiredItemFields('span', 'text')).toEqual(['text']);
    expect(requiredItemFields('span', 'hybrid')).toEqual(['text']);
    expect(requiredItemFields('bbox', 'image')).toEqual(['image']);
    expect(requiredItemFields('bbox', 'hybrid')).toEqual(['image']);
    expect(requiredItemFields('polygon', 'image')).toEqual(['image']);
    expect(requiredItemFields('polygon', 'hybrid')).toEqual(['image']);
  });

  it('asks for a and b instead of text on pairwise projects', () => {
    expect(requiredItemFields('pairwise', 'text')).toEqual(['a', 'b']);
    expect(requiredItemFields('pairwise', 'hybrid')).toEqual(['a', 'b']);
    expect(requiredItemFields('pairwise', 'image')).toEqual(['image', 'a', 'b']);
  });
});
