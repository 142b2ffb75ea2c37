import { type CSSProperties, type PointerEvent, useRef, useState } from 'react';
import type { Box } from '../../shared/methods.ts';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import { labelColor, type MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, keyRange, optionIndex, optionKeys, useHotkeys } from './useHotkeys.ts';

type Point = { x: number; y: number };

const clamp = (v: number) => Math.min(1, Math.max(0, v));
/** Boxes smaller than this share of the image are stray clicks, not boxes. */
const MIN_SIZE = 0.005;

function boxFrom(a: Point, b: Point): Omit<Box, 'label'> {
  return { x: Math.min(a.x, b.x), y: Math.min(a.y, b.y), w: Math.abs(a.x - b.x), h: Math.abs(a.y - b.y) };
}

/** Draw labeled boxes on an image by dragging; coordinates are stored as shares (0..1) of the image. */
export function Bbox({ config, data, modality, active, submitting, onSubmit, initial }: MethodProps<'bbox'>) {
  const image = typeof data.image === 'string' ? data.image : null;
  const [boxes, setBoxes] = useState<Box[]>(initial?.boxes ?? []);
  const [label, setLabel] = useState(config.labels[0]?.value ?? '');
  const [selected, setSelected] = useState<number | null>(null);
  const [draft, setDraft] = useState<{ from: Point; to: Point } | null>(null);
  const [broken, setBroken] = useState(false);
  const overlayRef = useRef<HTMLDivElement>(null);
  const keys = optionKeys(config.labels);
  const colorOf = (value: string) => labelColor(config.labels.findIndex((l) => l.value === value));
  const nameOf = (value: string) => config.labels.find((l) => l.value === value)?.label ?? value;

  function pointAt(event: PointerEvent): Point {
    const rect = overlayRef.current!.getBoundingClientRect();
    return {
      x: clamp((event.clientX - rect.left) / rect.width),
      y: clamp((event.clientY - rect.top) / rect.height),
    };
  }

  function onPointerDown(event: PointerEvent<HTMLDivElement>) {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    const p = pointAt(event);
    setDraft({ from: p, to: p });
    setSelected(null);
  }
  function onPointerMove(event: PointerEvent<HTMLDivElement>) {
    if (draft) setDraft({ from: draft.from, to: pointAt(event) });
  }
  function onPointerUp(event: PointerEvent<HTMLDivElement>) {
    if (!draft) return;
    const box = boxFrom(draft.from, pointAt(event));
    setDraft(null);
    if (box.w < MIN_SIZE || box.h < MIN_SIZE) return;
    // Not selected on purpose: the next number key then picks the label of the next box, not this one's.
    setBoxes((list) => [...list, { ...box, label }]);
  }

  function chooseLabel(value: string) {
    setLabel(value);
    if (selected !== null)
      setBoxes((list) => list.map((b, i) => (i === selected ? { ...b, label: value } : b)));
  }
  function remove(index: number) {
    setBoxes((list) => list.filter((_, i) => i !== index));
    setSelected(null);
  }

  useHotkeys(active, (event) => {
    if (isTyping(event)) return false;
    const picked = config.labels[optionIndex(keys, event)];
    if (picked) {
      chooseLabel(picked.value);
      return true;
    }
    if (hasModifier(event)) return false;
    if ((event.key === 'Backspace' || event.key === 'Delete') && selected !== null) {
      remove(selected);
      return true;
    }
    if (event.key === 'Escape' && (selected !== null || draft)) {
      setSelected(null);
      setDraft(null);
      return true;
    }
    if (event.key === 'Tab' && boxes.length > 0 && event.target === document.body) {
      const step = event.shiftKey ? -1 : 1;
      setSelected((s) => (s === null ? 0 : (s + step + boxes.length) % boxes.length));
      return true;
    }
    if (event.key === 'Enter') {
      onSubmit({ boxes });
      return true;
    }
    return false;
  });

  const style = (b: Omit<Box, 'label'>, color: string): CSSProperties =>
    ({
      left: `${b.x * 100}%`,
      top: `${b.y * 100}%`,
      width: `${b.w * 100}%`,
      height: `${b.h * 100}%`,
      '--label-color': color,
    }) as CSSProperties;

  return (
    <div className="method">
      <fieldset className="labels">
        <legend className="sr-only">Label for new boxes</legend>
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
        <div className="bbox-stage">
          <img src={image} alt="Item to label" draggable={false} onError={() => setBroken(true)} />
          <div
            ref={overlayRef}
            className="bbox-overlay"
            onPointerDown={onPointerDown}
            onPointerMove={onPointerMove}
            onPointerUp={onPointerUp}
            onPointerCancel={() => setDraft(null)}
          >
            {boxes.map((b, i) => (
              <div
                // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity beyond their position
                key={i}
                className={selected === i ? 'bbox selected' : 'bbox'}
                style={style(b, colorOf(b.label))}
                onPointerDown={(e) => {
                  e.stopPropagation();
                  setSelected(i);
                }}
              >
                <span className="bbox-tag">{nameOf(b.label)}</span>
              </div>
            ))}
            {draft && (
              <div className="bbox draft" style={style(boxFrom(draft.from, draft.to), colorOf(label))} />
            )}
          </div>
        </div>
      ) : (
        <p className="alert alert-warning">
          {image ? 'The image did not load.' : 'This item has no image.'} Skip it with the reason “media does
          not load”.
        </p>
      )}
      <ItemView data={data} modality={modality} omit={['image']} />
      {boxes.length > 0 && (
        <ol className="bbox-list">
          {boxes.map((b, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity beyond their position
            <li key={i} className={selected === i ? 'selected' : ''}>
              <button type="button" className="link" onClick={() => setSelected(i)}>
                <span className="swatch" style={{ background: colorOf(b.label) }} />
                {nameOf(b.label)} · {Math.round(b.w * 100)}×{Math.round(b.h * 100)}%
              </button>
              <button
                type="button"
                className="btn btn-small"
                onClick={() => remove(i)}
                aria-label="Remove box"
              >
                Remove
              </button>
            </li>
          ))}
        </ol>
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onSubmit({ boxes })}
          disabled={submitting}
        >
          {submitting ? 'Submitting…' : `Submit ${boxes.length} box${boxes.length === 1 ? '' : 'es'}`}{' '}
          <Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          { keys: ['drag'], action: 'draw a box' },
          {
            keys: [keyRange(keys)],
            action: 'pick label (relabels the selected box)',
          },
          { keys: ['Tab'], action: 'select next box' },
          { keys: ['Delete', 'Backspace'], action: 'remove selected box' },
          { keys: ['Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
