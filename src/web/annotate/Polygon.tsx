import { type CSSProperties, type PointerEvent, useRef, useState } from 'react';
import type { Polygon as Outline, Point } from '../../shared/methods.ts';
import { polygonArea } from '../../shared/polygonArea.ts';
import { polygonCrossing } from '../../shared/polygonCrossing.ts';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import { labelColor, type MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, keyRange, optionIndex, optionKeys, useHotkeys } from './useHotkeys.ts';

const clamp = (v: number) => Math.min(1, Math.max(0, v));
/** A click this close to the first point (in screen pixels) closes the outline. */
const CLOSE_RADIUS_PX = 10;
/** A click this close to the last point is a double click or a shaky hand, not a new point. */
const SAME_POINT_PX = 3;
// The answer schema's bounds (src/shared/methods.ts): checked here too so the contributor hears it at once.
const MAX_POINTS = 200;
const MIN_AREA = 1e-6;

const svgPoints = (points: readonly Point[]) => points.map((p) => `${p.x},${p.y}`).join(' ');

/** Why an outline would be refused, for the hint line, or null when it is fine. */
function outlineProblem(points: readonly Point[]): string | null {
  if (points.length < 3) return 'A polygon needs at least 3 points.';
  if (polygonCrossing(points))
    return 'This outline crosses itself: move or remove a point so no edges cross.';
  if (polygonArea(points) < MIN_AREA)
    return 'This outline has (almost) no area: spread its points around the object.';
  return null;
}

/** The top-left corner of an outline's bounding box, where its label tag goes. */
function tagAt(points: readonly Point[]): Point {
  return { x: Math.min(...points.map((p) => p.x)), y: Math.min(...points.map((p) => p.y)) };
}

/**
 * Outline objects on an image with labelled polygons: click to add points, click the first point or press
 * Enter to close, drag a vertex to move it. Coordinates are stored as shares (0..1) of the image, like boxes.
 */
export function Polygon({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  onHint,
  initial,
}: MethodProps<'polygon'>) {
  const image = typeof data.image === 'string' ? data.image : null;
  const [polygons, setPolygons] = useState<Outline[]>(initial?.polygons ?? []);
  const [label, setLabel] = useState(config.labels[0]?.value ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<Point[]>([]);
  const [hover, setHover] = useState<Point | null>(null);
  const [drag, setDrag] = useState<{ polygon: number; vertex: number } | null>(null);
  const [broken, setBroken] = useState(false);
  const overlayRef = useRef<HTMLDivElement>(null);
  const keys = optionKeys(config.labels);
  const maxPoints = Math.min(config.maxPoints ?? MAX_POINTS, MAX_POINTS);
  const colorOf = (value: string) => labelColor(config.labels.findIndex((l) => l.value === value));
  const nameOf = (value: string) => config.labels.find((l) => l.value === value)?.label ?? value;

  function pointAt(event: PointerEvent): Point {
    const rect = overlayRef.current!.getBoundingClientRect();
    return {
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
    };
  }
  /** Distance in screen pixels between two stored points. */
  function pixels(a: Point, b: Point): number {
    const rect = overlayRef.current!.getBoundingClientRect();
    return Math.hypot((a.x - b.x) * rect.width, (a.y - b.y) * rect.height);
  }

  function close() {
    const problem = outlineProblem(draft);
    if (problem) {
      onHint(problem);
      return;
    }
    // Not selected on purpose: the next number key then picks the label of the next polygon, not this one's.
    setPolygons((list) => [...list, { label, points: draft }]);
    setDraft([]);
    setHover(null);
  }
  function addPoint(p: Point) {
    const first = draft[0];
    if (first && draft.length >= 3 && pixels(p, first) <= CLOSE_RADIUS_PX) {
      close();
      return;
    }
    const last = draft.at(-1);
    if (last && pixels(p, last) <= SAME_POINT_PX) return;
    if (draft.length >= maxPoints) {
      onHint(`A polygon has at most ${maxPoints} points here: press Enter to close it.`);
      return;
    }
    setDraft([...draft, p]);
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    setSelected(null);
    addPoint(pointAt(event));
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    const p = pointAt(event);
    if (drag) {
      setPolygons((list) =>
        list.map((polygon, i) =>
          i === drag.polygon
            ? { ...polygon, points: polygon.points.map((q, k) => (k === drag.vertex ? p : q)) }
            : polygon,
        ),
      );
    } else if (draft.length > 0) setHover(p);
  }
  function onPointerUp() {
    if (!drag) return;
    const moved = polygons[drag.polygon];
    setDrag(null);
    const problem = moved && outlineProblem(moved.points);
    if (problem) onHint(`Polygon ${drag.polygon + 1}: ${problem}`);
  }
  function startDrag(event: PointerEvent<HTMLElement>, polygon: number, vertex: number) {
    if (event.button !== 0) return;
    event.stopPropagation();
    overlayRef.current?.setPointerCapture(event.pointerId);
    setSelected(polygon);
    setDrag({ polygon, vertex });
  }

  function chooseLabel(value: string) {
    setLabel(value);
    if (selected !== null)
      setPolygons((list) => list.map((p, i) => (i === selected ? { ...p, label: value } : p)));
  }
  function remove(index: number) {
    setPolygons((list) => list.filter((_, i) => i !== index));
    setSelected(null);
  }
  function cancelDraft() {
    setDraft([]);
    setHover(null);
  }
  function submit() {
    if (draft.length > 0) {
      onHint('Finish the polygon you are drawing first: Enter closes it, Escape cancels it.');
      return;
    }
    onSubmit({ polygons });
  }

  useHotkeys(active, (event) => {
    if (isTyping(event)) return false;
    const picked = config.labels[optionIndex(keys, event)];
    if (picked) {
      chooseLabel(picked.value);
      return true;
    }
    if (hasModifier(event)) return false;
    if (event.key === 'Backspace' && draft.length > 0) {
      setDraft(draft.slice(0, -1));
      return true;
    }
    if ((event.key === 'Delete' || event.key === 'Backspace') && selected !== null) {
      remove(selected);
      return true;
    }
    if (event.key === 'Escape' && (draft.length > 0 || selected !== null)) {
      cancelDraft();
      setSelected(null);
      return true;
    }
    if (event.key === 'Tab' && draft.length === 0 && polygons.length > 0 && event.target === document.body) {
      const step = event.shiftKey ? -1 : 1;
      setSelected((s) => (s === null ? 0 : (s + step + polygons.length) % polygons.length));
      return true;
    }
    if (event.key === 'Enter') {
      if (draft.length > 0) close();
      else submit();
      return true;
    }
    return false;
  });

  const at = (p: Point, color: string): CSSProperties =>
    ({ left: `${p.x * 100}%`, top: `${p.y * 100}%`, '--label-color': color }) as CSSProperties;
  const draftColor = colorOf(label);

  return (
    <div className="method">
      <fieldset className="labels">
        <legend className="sr-only">Label for new polygons</legend>
        {config.labels.map((l, i) => (
          <button
            key={l.value}
            type="button"
            aria-pressed={label === l.value}
            className={label === l.value ? 'label-chip selected' : 'label-chip'}
            style={{ '--label-color': labelColor(i) } as CSSProperties}
            onClick={() => chooseLabel(l.value)}
          >
            {keys[i] && <Kbd>{keys[i]}</Kbd>}
            {l.label}
          </button>
        ))}
      </fieldset>
      {image && !broken ? (
        <div className="bbox-stage polygon-stage">
          <img src={image} alt="Item to outline" draggable={false} onError={() => setBroken(true)} />
          <div
            ref={overlayRef}
            className={
              draft.length > 0 ? 'bbox-overlay polygon-overlay drawing' : 'bbox-overlay polygon-overlay'
            }
            role="application"
            aria-label="Image: click to add points, Enter to close the polygon"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDrag(null)}
            onPointerLeave={() => setHover(null)}
          >
            <svg className="polygon-layer" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden>
              {polygons.map((p, i) => (
                <polygon
                  // biome-ignore lint/suspicious/noArrayIndexKey: polygons have no identity beyond their position
                  key={i}
                  className={[
                    'polygon-shape',
                    selected === i ? 'selected' : '',
                    outlineProblem(p.points) ? 'invalid' : '',
                  ].join(' ')}
                  points={svgPoints(p.points)}
                  style={{ '--label-color': colorOf(p.label) } as CSSProperties}
                  onPointerDown={(e) => {
                    // While drawing, a click inside another polygon adds a point there.
                    if (draft.length > 0 || e.button !== 0) return;
                    e.stopPropagation();
                    setSelected(i);
                  }}
                />
              ))}
              {draft.length > 0 && (
                <polyline
                  className="polygon-draft"
                  points={svgPoints(hover ? [...draft, hover] : draft)}
                  style={{ '--label-color': draftColor } as CSSProperties}
                />
              )}
            </svg>
            {polygons.map((p, i) => {
              const tag = tagAt(p.points);
              return (
                <span
                  // biome-ignore lint/suspicious/noArrayIndexKey: as above
                  key={`tag-${i}`}
                  className="polygon-tag"
                  style={at(tag, colorOf(p.label))}
                >
                  {nameOf(p.label)}
                </span>
              );
            })}
            {draft.length === 0 &&
              polygons.flatMap((p, i) =>
                p.points.map((q, k) => (
                  <span
                    // biome-ignore lint/suspicious/noArrayIndexKey: a vertex is its position in its polygon
                    key={`${i}-${k}`}
                    className={selected === i ? 'polygon-vertex selected' : 'polygon-vertex'}
                    style={at(q, colorOf(p.label))}
                    data-polygon={i}
                    data-vertex={k}
                    aria-hidden
                    onPointerDown={(e) => startDrag(e, i, k)}
                  />
                )),
              )}
            {draft.map((q, k) => (
              <span
                // biome-ignore lint/suspicious/noArrayIndexKey: a draft point is its position
                key={`draft-${k}`}
                className={k === 0 ? 'polygon-vertex draft first' : 'polygon-vertex draft'}
                style={at(q, draftColor)}
                aria-hidden
                onPointerDown={(e) => {
                  if (k !== 0 || e.button !== 0) return;
                  e.stopPropagation();
                  close();
                }}
              />
            ))}
          </div>
        </div>
      ) : (
        <p className="alert alert-warning">
          {image ? 'The image did not load.' : 'This item has no image.'} Skip it with the reason “media does
          not load”.
        </p>
      )}
      {draft.length > 0 && (
        <div className="row polygon-drafting" aria-live="polite">
          <span className="muted small">
            Drawing a {nameOf(label)} polygon: {draft.length} point{draft.length === 1 ? '' : 's'}
          </span>
          <button type="button" className="btn btn-small" onClick={close} disabled={draft.length < 3}>
            Close polygon <Kbd>Enter</Kbd>
          </button>
          <button type="button" className="btn btn-small" onClick={() => setDraft(draft.slice(0, -1))}>
            Undo point <Kbd>Backspace</Kbd>
          </button>
          <button type="button" className="btn btn-small btn-quiet" onClick={cancelDraft}>
            Cancel polygon <Kbd>Esc</Kbd>
          </button>
        </div>
      )}
      <ItemView data={data} modality={modality} omit={['image']} />
      {polygons.length > 0 && (
        <ol className="bbox-list" aria-label="Polygons">
          {polygons.map((p, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: polygons have no identity beyond their position
            <li key={i} className={selected === i ? 'selected' : ''}>
              <button
                type="button"
                className="link"
                onClick={() => setSelected(i)}
                aria-label={`Select polygon ${i + 1} (${nameOf(p.label)})`}
                aria-pressed={selected === i}
              >
                <span className="swatch" style={{ background: colorOf(p.label) }} />
                {nameOf(p.label)} · {p.points.length} points
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => remove(i)}
                aria-label={`Remove polygon ${i + 1}`}
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={submit} disabled={submitting}>
          {submitting
            ? 'Submitting…'
            : `Submit ${polygons.length} polygon${polygons.length === 1 ? '' : 's'}`}{' '}
          <Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          { keys: ['click'], action: 'add a point' },
          {
            keys: ['Enter'],
            action: 'close the polygon (click its first point too); submit when none is open',
          },
          { keys: ['Backspace'], action: 'remove the last point' },
          { keys: ['Esc'], action: 'cancel the polygon being drawn' },
          { keys: [keyRange(keys)], action: 'pick label (relabels the selected polygon)' },
          { keys: ['drag'], action: 'move a vertex' },
          { keys: ['Tab'], action: 'select next polygon' },
          { keys: ['Delete'], action: 'remove selected polygon' },
        ]}
      />
    </div>
  );
}
