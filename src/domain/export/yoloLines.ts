type Json = Record<string, unknown>;
const list = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);
/** Six decimals, as YOLO tools write them, without trailing zeros. */
const n = (v: number) => String(Number(v.toFixed(6)));

/**
 * One answer as YOLO label lines: `class cx cy w h` per box, `class x1 y1 x2 y2 …` per polygon (the
 * segmentation format), all normalized to [0, 1]. Classes are indexes into the project's labels.
 */
export function yoloLines(answer: unknown, classIndex: ReadonlyMap<string, number>): string[] {
  const a = (answer ?? {}) as Json;
  const cls = (label: unknown) => {
    const i = classIndex.get(String(label));
    if (i === undefined) throw new Error(`label "${String(label)}" is not one of the project's labels`);
    return i;
  };
  const boxes = list(a.boxes).map((b) => {
    const [x, y, w, h] = [Number(b.x), Number(b.y), Number(b.w), Number(b.h)];
    return `${cls(b.label)} ${n(x + w / 2)} ${n(y + h / 2)} ${n(w)} ${n(h)}`;
  });
  const polygons = list(a.polygons).map(
    (p) =>
      `${cls(p.label)} ${list(p.points)
        .map((q) => `${n(Number(q.x))} ${n(Number(q.y))}`)
        .join(' ')}`,
  );
  return [...boxes, ...polygons];
}
