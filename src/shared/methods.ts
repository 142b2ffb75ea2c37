import { z } from 'zod';
import { polygonArea } from './polygonArea.ts';
import { polygonCrossing } from './polygonCrossing.ts';
import { storableText } from './text.ts';

/** The kinds of task a requester can post. */
export const TASK_TYPES = ['enterprise', 'dual_reward', 'community'] as const;
export type TaskType = (typeof TASK_TYPES)[number];

/** What the items are made of. */
export const MODALITIES = ['text', 'image', 'audio', 'video', 'hybrid'] as const;
export type Modality = (typeof MODALITIES)[number];

/** Annotation methods with a typed configuration and answer schema each. */
export const METHODS = [
  'single_choice',
  'multi_choice',
  'span',
  'bbox',
  'polygon',
  'transcription',
  'pairwise',
  'rating',
  'free_text',
] as const;
export type Method = (typeof METHODS)[number];

export const METHOD_LABELS: Record<Method, string> = {
  single_choice: 'Classification (single choice)',
  multi_choice: 'Classification (multiple choice)',
  span: 'Text span labeling',
  bbox: 'Bounding boxes',
  polygon: 'Polygons (segmentation)',
  transcription: 'Transcription',
  pairwise: 'Pairwise comparison',
  rating: 'Rating',
  free_text: 'Free text',
};

const choiceSchema = z.object({
  value: storableText().trim().min(1).max(100),
  label: storableText().trim().min(1).max(200),
  hotkey: storableText().length(1).optional(),
});
export type Choice = z.infer<typeof choiceSchema>;

const choicesSchema = z
  .array(choiceSchema)
  .min(2, 'give at least two choices')
  .max(50)
  .refine((list) => new Set(list.map((c) => c.value)).size === list.length, 'choice values must be unique');
const labelsSchema = z
  .array(choiceSchema)
  .min(1, 'give at least one label')
  .max(50)
  .refine((list) => new Set(list.map((c) => c.value)).size === list.length, 'label values must be unique');

// Polygon bounds, shared with the COCO and YOLO exports: 3..200 points each, up to 200 per answer.
const MIN_POINTS = 3;
const MAX_POINTS = 200;
const MAX_POLYGONS = 200;
/** A polygon smaller than a millionth of the image (one pixel of a 1000×1000 image) has no real area. */
const MIN_POLYGON_AREA = 1e-6;

/** A project's annotation method and its configuration, one variant per method. */
export const annotationSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('single_choice'), config: z.object({ choices: choicesSchema }) }),
  z.object({
    method: z.literal('multi_choice'),
    config: z
      .object({
        choices: choicesSchema,
        minSelected: z.number().int().min(0).default(1),
        maxSelected: z.number().int().min(1).optional(),
      })
      .superRefine((c, ctx) => {
        const most = c.maxSelected ?? c.choices.length;
        if (most > c.choices.length)
          ctx.addIssue({
            code: 'custom',
            message: `maxSelected is more than the ${c.choices.length} choices`,
            path: ['maxSelected'],
          });
        if (c.minSelected > most)
          ctx.addIssue({
            code: 'custom',
            message: `minSelected (${c.minSelected}) is more than can be selected (${most})`,
            path: ['minSelected'],
          });
      }),
  }),
  z.object({ method: z.literal('span'), config: z.object({ labels: labelsSchema }) }),
  z.object({
    method: z.literal('bbox'),
    config: z.object({ labels: labelsSchema, minBoxes: z.number().int().min(0).default(0) }),
  }),
  z.object({
    method: z.literal('polygon'),
    config: z.object({
      labels: labelsSchema,
      minPolygons: z.number().int().min(0).max(MAX_POLYGONS).default(1),
      maxPoints: z.number().int().min(MIN_POINTS).max(MAX_POINTS).optional(),
    }),
  }),
  z.object({
    method: z.literal('transcription'),
    config: z.object({ minLength: z.number().int().min(0).default(1) }),
  }),
  z.object({
    method: z.literal('pairwise'),
    config: z.object({ allowTie: z.boolean().default(true), criteria: storableText().max(1000).default('') }),
  }),
  z.object({
    method: z.literal('rating'),
    config: z
      .object({
        min: z.number().int().default(1),
        max: z.number().int().default(5),
        minLabel: storableText().max(100).default(''),
        maxLabel: storableText().max(100).default(''),
      })
      .refine(
        (c) => c.max > c.min && c.max - c.min <= 100,
        'rating max must be above min (at most 100 steps)',
      ),
  }),
  z.object({
    method: z.literal('free_text'),
    config: z
      .object({
        minLength: z.number().int().min(0).default(1),
        maxLength: z.number().int().min(1).max(100_000).default(5000),
      })
      .refine((c) => c.maxLength >= c.minLength, 'maxLength must be at least minLength'),
  }),
]);
export type Annotation = z.infer<typeof annotationSchema>;
export type AnnotationInput = z.input<typeof annotationSchema>;

export const spanSchema = z.object({
  start: z.number().int().min(0),
  end: z.number().int().min(1),
  label: z.string().min(1),
});
export const boxSchema = z.object({
  x: z.number().min(0).max(1),
  y: z.number().min(0).max(1),
  w: z.number().gt(0).max(1),
  h: z.number().gt(0).max(1),
  label: z.string().min(1),
});
const coordinate = z
  .number()
  .min(0, 'a point must lie inside the image (0 to 1)')
  .max(1, 'a point must lie inside the image (0 to 1)');
/** A polygon vertex as shares (0..1) of the image's width and height from its top-left corner. */
export const pointSchema = z.object({ x: coordinate, y: coordinate });
export const polygonSchema = z.object({
  label: z.string().min(1),
  // In drawing order; the last point joins the first, so the first is not repeated at the end.
  points: z
    .array(pointSchema)
    .min(MIN_POINTS, `a polygon needs at least ${MIN_POINTS} points`)
    .max(MAX_POINTS, `a polygon has at most ${MAX_POINTS} points`),
});
export type Span = z.infer<typeof spanSchema>;
export type Box = z.infer<typeof boxSchema>;
export type Point = z.infer<typeof pointSchema>;
export type Polygon = z.infer<typeof polygonSchema>;

/** The answer each method accepts. Bounds that depend on the item (span offsets) are checked in `answerSchemaFor`. */
export const answerShapes = {
  single_choice: z.object({ choice: z.string().min(1) }).strict(),
  multi_choice: z.object({ choices: z.array(z.string().min(1)).max(50) }).strict(),
  span: z.object({ spans: z.array(spanSchema).max(500) }).strict(),
  bbox: z.object({ boxes: z.array(boxSchema).max(500) }).strict(),
  polygon: z
    .object({ polygons: z.array(polygonSchema).max(MAX_POLYGONS, `draw at most ${MAX_POLYGONS} polygons`) })
    .strict(),
  transcription: z.object({ text: z.string().max(100_000) }).strict(),
  pairwise: z.object({ winner: z.enum(['a', 'b', 'tie']), reason: z.string().max(2000).optional() }).strict(),
  rating: z.object({ value: z.number().int() }).strict(),
  free_text: z.object({ text: z.string() }).strict(),
} as const;
export type AnswerFor<M extends Method> = z.infer<(typeof answerShapes)[M]>;
export type Answer = { [M in Method]: AnswerFor<M> }[Method];

/**
 * What is wrong with a polygon's outline, said as the end of "polygon 2 …", or null when it is a simple
 * polygon with an area: a repeated point, crossing edges or no area would make its IoU and its export meaningless.
 */
function polygonProblem(points: readonly Point[], maxPoints: number | undefined): string | null {
  // Zod runs refinements after non-fatal issues too: a count the shape refused is already reported.
  if (points.length < MIN_POINTS || points.length > MAX_POINTS) return null;
  if (maxPoints !== undefined && points.length > maxPoints)
    return `has ${points.length} points; this project allows at most ${maxPoints}: remove some`;
  for (let i = 0; i < points.length; i++) {
    const p = points[i]!;
    const j = points.findIndex((q, k) => k > i && q.x === p.x && q.y === p.y);
    if (j >= 0)
      return j === points.length - 1 && i === 0
        ? `repeats its first point at the end; leave it out (the outline closes by itself)`
        : `repeats a point (points ${i + 1} and ${j + 1} are the same); remove one`;
  }
  const crossing = polygonCrossing(points);
  if (crossing) {
    const [a, b] = crossing;
    const edge = (e: number) => `${e + 1}–${((e + 1) % points.length) + 1}`;
    return `crosses itself (the edges between points ${edge(a)} and ${edge(b)} meet); move a point so no edges cross`;
  }
  if (polygonArea(points) < MIN_POLYGON_AREA)
    return 'has (almost) no area: its points lie on one line; spread them around the object';
  return null;
}

/** Item data is a flat JSON object; these are the fields a method and modality read. */
export type ItemData = Record<string, unknown>;

/** The schema an answer must pass for one item of a project, with messages a contributor can act on. */
export function answerSchemaFor(annotation: Annotation, data: ItemData): z.ZodType<Answer> {
  switch (annotation.method) {
    case 'single_choice': {
      const values = annotation.config.choices.map((c) => c.value);
      return answerShapes.single_choice.refine((a) => values.includes(a.choice), {
        message: `choice must be one of: ${values.join(', ')}`,
        path: ['choice'],
      });
    }
    case 'multi_choice': {
      const { choices, minSelected, maxSelected } = annotation.config;
      const values = choices.map((c) => c.value);
      return answerShapes.multi_choice
        .refine((a) => a.choices.every((c) => values.includes(c)), {
          message: `choices must come from: ${values.join(', ')}`,
          path: ['choices'],
        })
        .refine((a) => new Set(a.choices).size === a.choices.length, {
          message: 'choices must not repeat',
          path: ['choices'],
        })
        .refine((a) => a.choices.length >= minSelected, {
          message: `select at least ${minSelected}`,
          path: ['choices'],
        })
        .refine((a) => maxSelected === undefined || a.choices.length <= maxSelected, {
          message: `select at most ${maxSelected}`,
          path: ['choices'],
        });
    }
    case 'span': {
      const labels = annotation.config.labels.map((l) => l.value);
      const length = typeof data.text === 'string' ? data.text.length : 0;
      return answerShapes.span.superRefine((a, ctx) => {
        a.spans.forEach((s, i) => {
          if (s.end <= s.start)
            ctx.addIssue({ code: 'custom', message: 'a span must end after it starts', path: ['spans', i] });
          if (s.end > length)
            ctx.addIssue({
              code: 'custom',
              message: `span ends at ${s.end}, past the text (${length} characters)`,
              path: ['spans', i],
            });
          if (!labels.includes(s.label))
            ctx.addIssue({
              code: 'custom',
              message: `label must be one of: ${labels.join(', ')}`,
              path: ['spans', i, 'label'],
            });
        });
      });
    }
    case 'bbox': {
      const labels = annotation.config.labels.map((l) => l.value);
      const { minBoxes } = annotation.config;
      return answerShapes.bbox.superRefine((a, ctx) => {
        if (a.boxes.length < minBoxes)
          ctx.addIssue({ code: 'custom', message: `draw at least ${minBoxes} box(es)`, path: ['boxes'] });
        a.boxes.forEach((b, i) => {
          if (b.x + b.w > 1.000001 || b.y + b.h > 1.000001)
            ctx.addIssue({ code: 'custom', message: 'a box must lie inside the image', path: ['boxes', i] });
          if (!labels.includes(b.label))
            ctx.addIssue({
              code: 'custom',
              message: `label must be one of: ${labels.join(', ')}`,
              path: ['boxes', i, 'label'],
            });
        });
      });
    }
    case 'polygon': {
      const labels = annotation.config.labels.map((l) => l.value);
      const { minPolygons, maxPoints } = annotation.config;
      return answerShapes.polygon.superRefine((a, ctx) => {
        if (a.polygons.length < minPolygons)
          ctx.addIssue({
            code: 'custom',
            message: `draw at least ${minPolygons} polygon(s)`,
            path: ['polygons'],
          });
        a.polygons.forEach((p, i) => {
          const problem = polygonProblem(p.points, maxPoints);
          if (problem)
            ctx.addIssue({
              code: 'custom',
              message: `polygon ${i + 1} ${problem}`,
              path: ['polygons', i, 'points'],
            });
          if (!labels.includes(p.label))
            ctx.addIssue({
              code: 'custom',
              message: `label must be one of: ${labels.join(', ')}`,
              path: ['polygons', i, 'label'],
            });
        });
      });
    }
    case 'transcription': {
      const { minLength } = annotation.config;
      return answerShapes.transcription.refine((a) => a.text.trim().length >= minLength, {
        message: `the transcription needs at least ${minLength} character(s)`,
        path: ['text'],
      });
    }
    case 'pairwise': {
      const { allowTie } = annotation.config;
      return answerShapes.pairwise.refine((a) => allowTie || a.winner !== 'tie', {
        message: 'this project does not allow ties: pick a or b',
        path: ['winner'],
      });
    }
    case 'rating': {
      const { min, max } = annotation.config;
      return answerShapes.rating.refine((a) => a.value >= min && a.value <= max, {
        message: `rating must be between ${min} and ${max}`,
        path: ['value'],
      });
    }
    case 'free_text': {
      const { minLength, maxLength } = annotation.config;
      return answerShapes.free_text.refine(
        (a) => a.text.trim().length >= minLength && a.text.length <= maxLength,
        {
          message: `text must be ${minLength}–${maxLength} characters`,
          path: ['text'],
        },
      );
    }
  }
}

/** The item fields a project needs, by modality and method; an import refuses items that lack them. */
export function requiredItemFields(method: Method, modality: Modality): string[] {
  const fields = new Set<string>();
  if (modality !== 'hybrid') fields.add(modality);
  if (method === 'span') fields.add('text');
  if (method === 'bbox' || method === 'polygon') fields.add('image');
  if (method === 'pairwise') {
    fields.delete('text');
    fields.add('a');
    fields.add('b');
  }
  return [...fields];
}
