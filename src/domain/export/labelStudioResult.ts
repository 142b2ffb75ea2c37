import { scaleDecimal } from './scaleDecimal.ts';

/** One region of a Label Studio annotation's `result`, in the shapes its tags write. */
export type LabelStudioRegion = {
  id: string;
  from_name: string;
  to_name: string;
  type: string;
  value: Record<string, unknown>;
  original_width?: number;
  original_height?: number;
  image_rotation?: number;
  /**
   * The exact normalized coordinates when a percentage cannot carry them exactly (past 15 significant digits):
   * Label Studio ignores the field, and reading the export back prefers it while it agrees with the percentages.
   */
  caravan_normalized?: Record<string, unknown>;
};

export type LabelStudioContext = {
  /** The object tag the result points at: the item field shown (text, image, audio, video, a). */
  toName: string;
  /** The item's text, for span regions' `text`. */
  text?: string;
  /** The image's pixel size, when known, for `original_width`/`original_height`. */
  image?: { width: number; height: number } | null;
  /** Prefix of region ids, unique per annotation. */
  idPrefix: string;
};

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
const percent = (v: unknown) => scaleDecimal(Number(v), 2);
const exact = (v: unknown) => scaleDecimal(percent(v), -2) === Number(v);

/**
 * A Caravan answer as Label Studio result regions: choices, labels (spans), rectanglelabels and polygonlabels
 * (percent of the image), textarea, rating and pairwise. Answers are read as plain JSON by their method's shape.
 */
export function labelStudioResult(
  method: string,
  answer: unknown,
  ctx: LabelStudioContext,
): LabelStudioRegion[] {
  const a = (answer ?? {}) as Json;
  const base = (i: number, type: string, fromName: string): Omit<LabelStudioRegion, 'value'> => ({
    id: `${ctx.idPrefix}_${i}`,
    from_name: fromName,
    to_name: ctx.toName,
    type,
  });
  const size = ctx.image
    ? { original_width: ctx.image.width, original_height: ctx.image.height, image_rotation: 0 }
    : {};
  switch (method) {
    case 'single_choice':
      return [{ ...base(0, 'choices', 'choice'), value: { choices: [a.choice] } }];
    case 'multi_choice':
      return [
        { ...base(0, 'choices', 'choices'), value: { choices: [...((a.choices as unknown[]) ?? [])] } },
      ];
    case 'span':
      return list(a.spans).map((s, i) => ({
        ...base(i, 'labels', 'label'),
        value: {
          start: s.start,
          end: s.end,
          text: ctx.text?.slice(Number(s.start), Number(s.end)) ?? '',
          labels: [s.label],
        },
      }));
    case 'bbox':
      return list(a.boxes).map((b, i) => ({
        ...base(i, 'rectanglelabels', 'label'),
        ...size,
        value: {
          x: percent(b.x),
          y: percent(b.y),
          width: percent(b.w),
          height: percent(b.h),
          rotation: 0,
          rectanglelabels: [b.label],
        },
        ...([b.x, b.y, b.w, b.h].every(exact)
          ? {}
          : { caravan_normalized: { x: b.x, y: b.y, w: b.w, h: b.h } }),
      }));
    case 'polygon':
      return list(a.polygons).map((p, i) => {
        const points = list(p.points);
        return {
          ...base(i, 'polygonlabels', 'label'),
          ...size,
          value: {
            points: points.map((q) => [percent(q.x), percent(q.y)]),
            closed: true,
            polygonlabels: [p.label],
          },
          ...(points.every((q) => exact(q.x) && exact(q.y))
            ? {}
            : { caravan_normalized: { points: points.map((q) => ({ x: q.x, y: q.y })) } }),
        };
      });
    case 'transcription':
      return [{ ...base(0, 'textarea', 'transcription'), value: { text: [a.text] } }];
    case 'free_text':
      return [{ ...base(0, 'textarea', 'text'), value: { text: [a.text] } }];
    case 'rating':
      return [{ ...base(0, 'rating', 'rating'), value: { rating: a.value } }];
    case 'pairwise': {
      // Label Studio's Pairwise tag selects left or right; a tie is a choice beside it.
      const regions: LabelStudioRegion[] = [
        a.winner === 'tie'
          ? { ...base(0, 'choices', 'pairwise'), value: { choices: ['tie'] } }
          : { ...base(0, 'pairwise', 'pairwise'), value: { selected: a.winner === 'a' ? 'left' : 'right' } },
      ];
      if (a.reason !== undefined)
        regions.push({ ...base(1, 'textarea', 'reason'), value: { text: [a.reason] } });
      return regions;
    }
    default:
      throw new Error(`no Label Studio shape for the ${method} method`);
  }
}
