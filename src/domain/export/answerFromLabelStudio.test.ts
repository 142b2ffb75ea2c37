import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answerHash } from '../ledger/answerHash.ts';
import { answerFromLabelStudio } from './answerFromLabelStudio.ts';
import { labelStudioResult } from './labelStudioResult.ts';

const unit = fc.double({ min: 0, max: 1, noNaN: true });
const positive = fc.double({ min: 1e-6, max: 1, noNaN: true });
const label = fc.constantFrom('car', 'person', 'dog');
const text = fc.string({ maxLength: 40 });

/** An answer of every method, including the polygon shape another method brings. */
const answers: Record<string, fc.Arbitrary<Record<string, unknown>>> = {
  single_choice: fc.record({ choice: fc.constantFrom('pos', 'neg', 'neutral') }),
  multi_choice: fc.record({ choices: fc.uniqueArray(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 4 }) }),
  span: fc.record({
    spans: fc.array(
      fc.tuple(fc.nat(30), fc.integer({ min: 1, max: 10 }), label).map(([start, n, l]) => ({
        start,
        end: start + n,
        label: l,
      })),
      { maxLength: 5 },
    ),
  }),
  bbox: fc.record({
    boxes: fc.array(fc.record({ x: unit, y: unit, w: positive, h: positive, label }), { maxLength: 5 }),
  }),
  polygon: fc.record({
    polygons: fc.array(
      fc.record({ label, points: fc.array(fc.record({ x: unit, y: unit }), { minLength: 3, maxLength: 8 }) }),
      { maxLength: 4 },
    ),
  }),
  transcription: fc.record({ text }),
  free_text: fc.record({ text }),
  rating: fc.record({ value: fc.integer({ min: -5, max: 100 }) }),
  pairwise: fc.oneof(
    fc.record({ winner: fc.constantFrom('a', 'b', 'tie') }),
    fc.record({ winner: fc.constantFrom('a', 'b', 'tie'), reason: text }),
  ),
};

describe('Label Studio results and back', () => {
  for (const [method, arbitrary] of Object.entries(answers))
    it(`${method}: an answer comes back identical, so its ledger hash still matches`, () => {
      fc.assert(
        fc.property(arbitrary, (answer) => {
          const result = labelStudioResult(method, answer, {
            toName: 'x',
            text: 'a'.repeat(50),
            image: { width: 640, height: 480 },
            idPrefix: '7',
          });
          // Through JSON, as a file carries it.
          const read = answerFromLabelStudio(method, JSON.parse(JSON.stringify(result)));
          expect(read).toEqual({ ok: true, answer });
          if (read.ok) expect(answerHash(read.answer)).toBe(answerHash(answer));
        }),
        { numRuns: 300 },
      );
    });

  it("writes Label Studio's shapes: percentages for rectangles and polygons, spans with their text", () => {
    const [box] = labelStudioResult(
      'bbox',
      { boxes: [{ x: 0.1, y: 0.2, w: 0.29, h: 0.5, label: 'car' }] },
      { toName: 'image', image: { width: 200, height: 100 }, idPrefix: 'a1' },
    );
    expect(box).toEqual({
      id: 'a1_0',
      from_name: 'label',
      to_name: 'image',
      type: 'rectanglelabels',
      original_width: 200,
      original_height: 100,
      image_rotation: 0,
      value: { x: 10, y: 20, width: 29, height: 50, rotation: 0, rectanglelabels: ['car'] },
    });
    const [span] = labelStudioResult(
      'span',
      { spans: [{ start: 4, end: 9, label: 'PER' }] },
      { toName: 'text', text: 'Hi, Alice!', idPrefix: 'a1' },
    );
    expect(span?.value).toEqual({ start: 4, end: 9, text: 'Alice', labels: ['PER'] });
    const [poly] = labelStudioResult(
      'polygon',
      {
        polygons: [
          {
            label: 'roof',
            points: [
              { x: 0, y: 0 },
              { x: 0.5, y: 0 },
              { x: 0.5, y: 0.25 },
            ],
          },
        ],
      },
      { toName: 'image', image: null, idPrefix: 'a1' },
    );
    expect(poly?.value).toEqual({
      points: [
        [0, 0],
        [50, 0],
        [50, 25],
      ],
      closed: true,
      polygonlabels: ['roof'],
    });
    expect(poly?.caravan_normalized).toBeUndefined();
  });

  it('reads a rectangle moved in Label Studio from its percentages, not the stale exact values', () => {
    const [box] = labelStudioResult(
      'bbox',
      { boxes: [{ x: 0.12345678901234568, y: 0.2, w: 0.3, h: 0.4, label: 'car' }] },
      { toName: 'image', idPrefix: 'a' },
    );
    expect(box?.caravan_normalized).toBeDefined();
    (box!.value as { x: number }).x = 50;
    expect(answerFromLabelStudio('bbox', [box])).toEqual({
      ok: true,
      answer: { boxes: [{ x: 0.5, y: 0.2, w: 0.3, h: 0.4, label: 'car' }] },
    });
  });

  it('names what is wrong with a result it cannot read', () => {
    expect(answerFromLabelStudio('bbox', [{ type: 'choices', value: { choices: ['a'] } }])).toEqual({
      ok: false,
      problem: 'a bbox answer has rectanglelabels regions, not choices',
    });
    expect(answerFromLabelStudio('single_choice', [])).toMatchObject({ ok: false });
    expect(answerFromLabelStudio('rating', 'x')).toMatchObject({
      ok: false,
      problem: expect.stringContaining('list'),
    });
    expect(
      answerFromLabelStudio('bbox', [
        {
          type: 'rectanglelabels',
          value: { x: 1, y: 1, width: 2, height: 2, rotation: 30, rectanglelabels: ['a'] },
        },
      ]),
    ).toEqual({ ok: false, problem: 'rectangle 1 is rotated; boxes here are upright' });
  });
});
