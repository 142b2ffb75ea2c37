import { scaleDecimal } from './scaleDecimal.ts';

export type LabelStudioReading =
  | { ok: true; answer: Record<string, unknown> }
  | { ok: false; problem: string };

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A percentage back to a normalized coordinate, preferring the exact one beside it while the two agree. */
function coordinate(percentValue: unknown, exact: unknown): number | null {
  if (typeof percentValue !== 'number' || !Number.isFinite(percentValue)) return null;
  const normalized = scaleDecimal(percentValue, -2);
  return typeof exact === 'number' && Math.abs(exact - normalized) < 1e-9 ? exact : normalized;
}

/**
 * Maps a Label Studio annotation's `result` back to the Caravan answer of `method` (the inverse of
 * `labelStudioResult`). Refuses regions of the wrong type with a message naming the region; the answer still
 * has to pass the project's answer schema.
 */
export function answerFromLabelStudio(method: string, result: unknown): LabelStudioReading {
  if (!Array.isArray(result)) return { ok: false, problem: 'an annotation\'s "result" must be a list' };
  const regions: Json[] = [];
  for (const [i, r] of result.entries()) {
    if (!isObject(r) || !isObject(r.value) || typeof r.type !== 'string')
      return { ok: false, problem: `result ${i + 1} needs a "type" and a "value" object` };
    regions.push(r);
  }
  const ofType = (...types: string[]) => regions.filter((r) => types.includes(r.type as string));
  const wrong = (expected: string) => {
    const other = regions.find((r) => !expected.split('|').includes(r.type as string));
    return other
      ? ({ ok: false, problem: `a ${method} answer has ${expected} regions, not ${other.type}` } as const)
      : null;
  };
  const value = (r: Json) => r.value as Json;
  const firstOf = (r: Json | undefined, key: string) => {
    const v = r ? value(r)[key] : undefined;
    return Array.isArray(v) ? v[0] : undefined;
  };
  switch (method) {
    case 'single_choice': {
      const problem = wrong('choices');
      if (problem) return problem;
      const choices = ofType('choices')[0] ? value(ofType('choices')[0]!).choices : undefined;
      if (!Array.isArray(choices) || choices.length !== 1)
        return { ok: false, problem: 'a single-choice annotation selects exactly one choice' };
      return { ok: true, answer: { choice: choices[0] } };
    }
    case 'multi_choice': {
      const problem = wrong('choices');
      if (problem) return problem;
      const choices = regions.flatMap((r) =>
        Array.isArray(value(r).choices) ? (value(r).choices as unknown[]) : [],
      );
      return { ok: true, answer: { choices } };
    }
    case 'span': {
      const problem = wrong('labels');
      if (problem) return problem;
      return {
        ok: true,
        answer: {
          spans: regions.map((r) => ({
            start: value(r).start,
            end: value(r).end,
            label: firstOf(r, 'labels'),
          })),
        },
      };
    }
    case 'bbox': {
      const problem = wrong('rectanglelabels');
      if (problem) return problem;
      const boxes = [];
      for (const [i, r] of regions.entries()) {
        const v = value(r);
        const e = isObject(r.caravan_normalized) ? r.caravan_normalized : {};
        const box = {
          x: coordinate(v.x, e.x),
          y: coordinate(v.y, e.y),
          w: coordinate(v.width, e.w),
          h: coordinate(v.height, e.h),
          label: firstOf(r, 'rectanglelabels'),
        };
        if ([box.x, box.y, box.w, box.h].includes(null))
          return { ok: false, problem: `rectangle ${i + 1} needs numeric x, y, width and height` };
        if (typeof v.rotation === 'number' && v.rotation !== 0)
          return { ok: false, problem: `rectangle ${i + 1} is rotated; boxes here are upright` };
        boxes.push(box);
      }
      return { ok: true, answer: { boxes } };
    }
    case 'polygon': {
      const problem = wrong('polygonlabels');
      if (problem) return problem;
      const polygons = [];
      for (const [i, r] of regions.entries()) {
        const points = value(r).points;
        if (!Array.isArray(points)) return { ok: false, problem: `polygon ${i + 1} needs its "points"` };
        const e =
          isObject(r.caravan_normalized) && Array.isArray(r.caravan_normalized.points)
            ? (r.caravan_normalized.points as Json[])
            : [];
        const out = [];
        for (const [k, p] of points.entries()) {
          const x = Array.isArray(p) ? coordinate(p[0], e[k]?.x) : null;
          const y = Array.isArray(p) ? coordinate(p[1], e[k]?.y) : null;
          if (x === null || y === null)
            return { ok: false, problem: `point ${k + 1} of polygon ${i + 1} is not [x, y]` };
          out.push({ x, y });
        }
        polygons.push({ label: firstOf(r, 'polygonlabels'), points: out });
      }
      return { ok: true, answer: { polygons } };
    }
    case 'transcription':
    case 'free_text': {
      const problem = wrong('textarea');
      if (problem) return problem;
      const texts = regions.flatMap((r) =>
        Array.isArray(value(r).text) ? (value(r).text as unknown[]) : [],
      );
      if (texts.length !== 1 || typeof texts[0] !== 'string')
        return { ok: false, problem: 'a text annotation has exactly one textarea text' };
      return { ok: true, answer: { text: texts[0] } };
    }
    case 'rating': {
      const problem = wrong('rating');
      if (problem) return problem;
      const r = regions[0];
      if (regions.length !== 1 || !r) return { ok: false, problem: 'a rating annotation has one rating' };
      return { ok: true, answer: { value: value(r).rating } };
    }
    case 'pairwise': {
      const problem = wrong('pairwise|choices|textarea');
      if (problem) return problem;
      const pick = ofType('pairwise')[0];
      const tie = ofType('choices').some((r) => firstOf(r, 'choices') === 'tie');
      const selected = pick ? value(pick).selected : undefined;
      const winner = tie ? 'tie' : selected === 'left' ? 'a' : selected === 'right' ? 'b' : null;
      if (winner === null)
        return { ok: false, problem: 'a pairwise annotation selects left or right (or a tie)' };
      const reason = firstOf(ofType('textarea')[0], 'text');
      return { ok: true, answer: reason === undefined ? { winner } : { winner, reason } };
    }
    default:
      return { ok: false, problem: `no Label Studio reading for the ${method} method` };
  }
}
