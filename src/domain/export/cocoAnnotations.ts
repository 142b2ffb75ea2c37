/** A COCO "instances" annotation, with the contributor and answer it came from in `caravan`. */
export type CocoAnnotation = {
  id: number;
  image_id: number;
  category_id: number;
  bbox: [number, number, number, number];
  segmentation: number[][];
  area: number;
  iscrowd: 0;
  caravan: { answer_id: string; contributor: string };
};

type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Shoelace area of a closed polygon given as flat [x1, y1, x2, y2, …]. */
function polygonArea(flat: number[]): number {
  let twice = 0;
  for (let i = 0; i < flat.length; i += 2) {
    const j = (i + 2) % flat.length;
    twice += flat[i]! * flat[j + 1]! - flat[j]! * flat[i + 1]!;
  }
  return Math.abs(twice) / 2;
}

/**
 * One answer's boxes or polygons as COCO annotations in pixels (`bbox` is [x, y, width, height] from the top
 * left; polygons also get their `segmentation` and shoelace `area`). Ids run from `firstId`.
 */
export function cocoAnnotations(
  answer: unknown,
  o: {
    imageId: number;
    image: { width: number; height: number };
    categoryIds: ReadonlyMap<string, number>;
    firstId: number;
    answerId: string;
    contributor: string;
  },
): CocoAnnotation[] {
  const { width: W, height: H } = o.image;
  const a = (answer ?? {}) as Json;
  const category = (label: unknown) => {
    const id = o.categoryIds.get(String(label));
    if (id === undefined) throw new Error(`label "${String(label)}" is not one of the project's labels`);
    return id;
  };
  const caravan = { answer_id: o.answerId, contributor: o.contributor };
  const boxes = list(a.boxes).map((b) => {
    const bbox: [number, number, number, number] = [
      Number(b.x) * W,
      Number(b.y) * H,
      Number(b.w) * W,
      Number(b.h) * H,
    ];
    return { category_id: category(b.label), bbox, segmentation: [], area: bbox[2] * bbox[3] };
  });
  const polygons = list(a.polygons).map((p) => {
    const flat = list(p.points).flatMap((q) => [Number(q.x) * W, Number(q.y) * H]);
    const xs = flat.filter((_, i) => i % 2 === 0);
    const ys = flat.filter((_, i) => i % 2 === 1);
    const [x0, y0] = [Math.min(...xs), Math.min(...ys)];
    const bbox: [number, number, number, number] = [x0, y0, Math.max(...xs) - x0, Math.max(...ys) - y0];
    return { category_id: category(p.label), bbox, segmentation: [flat], area: polygonArea(flat) };
  });
  return [...boxes, ...polygons].map((shape, i) => ({
    id: o.firstId + i,
    image_id: o.imageId,
    ...shape,
    iscrowd: 0 as const,
    caravan,
  }));
}
