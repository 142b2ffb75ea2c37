import type { CSSProperties, ReactNode } from 'react';
import {
  type Annotation,
  answerShapes,
  type Box,
  type Choice,
  type ItemData,
  type Modality,
  type Polygon,
  type Span,
} from '../../shared/methods.ts';
import { ItemView } from '../annotate/ItemView.tsx';
import { labelColor } from '../annotate/MethodProps.ts';

type Labeled = { value: string; label: string };

const str = (value: unknown) => (typeof value === 'string' ? value : null);

function colorOf(labels: readonly Labeled[], value: string): string {
  return labelColor(labels.findIndex((l) => l.value === value));
}
function nameOf(labels: readonly Labeled[], value: string): string {
  return labels.find((l) => l.value === value)?.label ?? value;
}

/** The configured choices with the picked ones marked; a picked value the project no longer offers is listed too. */
function ChoiceList({
  choices,
  picked,
  multi,
}: {
  choices: readonly Choice[];
  picked: string[];
  multi: boolean;
}) {
  const unknown = picked.filter((p) => !choices.some((c) => c.value === p));
  const all = [
    ...choices.map((c) => ({ value: c.value, label: c.label })),
    ...unknown.map((v) => ({ value: v, label: v })),
  ];
  return (
    <ul className="choices answer-choices" aria-label="Answer">
      {all.map((c) => {
        const on = picked.includes(c.value);
        return (
          <li key={c.value} className={on ? 'choice selected' : 'choice'} aria-current={on || undefined}>
            {multi && (
              <span className="check" aria-hidden>
                {on ? '✓' : ''}
              </span>
            )}
            <span>{c.label}</span>
          </li>
        );
      })}
    </ul>
  );
}

/** The item's text with the answer's spans highlighted, as in the span workspace. */
function SpanText({ text, spans, labels }: { text: string; spans: Span[]; labels: readonly Labeled[] }) {
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start < at || s.end > text.length) continue;
    if (s.start > at) parts.push(text.slice(at, s.start));
    parts.push(
      <mark
        key={`${s.start}-${s.end}`}
        className="span-mark"
        data-label={nameOf(labels, s.label)}
        style={{ '--label-color': colorOf(labels, s.label) } as CSSProperties}
      >
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));
  return <div className="item-text span-text">{parts}</div>;
}

/** The item's image with the answer's boxes drawn on it, as in the box workspace. */
function BoxedImage({ image, boxes, labels }: { image: string; boxes: Box[]; labels: readonly Labeled[] }) {
  return (
    <div className="bbox-stage">
      <img src={image} alt="Item with the answer's boxes" draggable={false} />
      <div className="bbox-overlay readonly">
        {boxes.map((b, i) => (
          <div
            // biome-ignore lint/suspicious/noArrayIndexKey: boxes have no identity beyond their position
            key={i}
            className="bbox"
            style={
              {
                left: `${b.x * 100}%`,
                top: `${b.y * 100}%`,
                width: `${b.w * 100}%`,
                height: `${b.h * 100}%`,
                '--label-color': colorOf(labels, b.label),
              } as CSSProperties
            }
          >
            <span className="bbox-tag">{nameOf(labels, b.label)}</span>
          </div>
        ))}
      </div>
    </div>
  );
}

/** The item's image with the answer's polygons drawn on it, filled and labelled, as in the polygon workspace. */
function OutlinedImage({
  image,
  polygons,
  labels,
}: {
  image: string;
  polygons: Polygon[];
  labels: readonly Labeled[];
}) {
  return (
    <div className="bbox-stage polygon-stage">
      <img src={image} alt="Item with the answer's polygons" draggable={false} />
      <div className="bbox-overlay polygon-overlay readonly">
        <svg className="polygon-layer" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden>
          {polygons.map((p, i) => (
            <polygon
              // biome-ignore lint/suspicious/noArrayIndexKey: polygons have no identity beyond their position
              key={i}
              className="polygon-shape"
              points={p.points.map((q) => `${q.x},${q.y}`).join(' ')}
              style={{ '--label-color': colorOf(labels, p.label) } as CSSProperties}
            />
          ))}
        </svg>
        {polygons.map((p, i) => (
          <span
            // biome-ignore lint/suspicious/noArrayIndexKey: as above
            key={i}
            className="polygon-tag"
            style={
              {
                left: `${Math.min(...p.points.map((q) => q.x)) * 100}%`,
                top: `${Math.min(...p.points.map((q) => q.y)) * 100}%`,
                '--label-color': colorOf(labels, p.label),
              } as CSSProperties
            }
          >
            {nameOf(labels, p.label)}
          </span>
        ))}
      </div>
    </div>
  );
}

function AnswerText({ text }: { text: string }) {
  return (
    <div className="answer-block">
      <span className="eyebrow">Answer</span>
      {text.trim() ? <div className="item-text">{text}</div> : <p className="muted">(empty)</p>}
    </div>
  );
}

function Output({ value }: { value: unknown }) {
  if (typeof value === 'string') return <div className="item-text">{value}</div>;
  return <pre className="item-text">{JSON.stringify(value, null, 2)}</pre>;
}

/** What to show when the stored answer is not in the method's shape (the method changed since, or bad data). */
function RawAnswer({ answer }: { answer: unknown }) {
  return (
    <div className="answer-block">
      <span className="eyebrow">Answer (not in this task’s shape)</span>
      <pre className="item-text">{JSON.stringify(answer, null, 2)}</pre>
    </div>
  );
}

/**
 * An item with a given answer drawn into it, read-only: the picked choices marked, spans highlighted in the
 * text, boxes or polygons drawn on the image, the chosen side of a pair, the rating on its scale, or the text written.
 */
export function AnswerView({
  annotation,
  modality,
  data,
  answer,
}: {
  annotation: Annotation;
  modality: Modality;
  data: ItemData;
  answer: unknown;
}) {
  let body: ReactNode = null;
  switch (annotation.method) {
    case 'single_choice': {
      const a = answerShapes.single_choice.safeParse(answer);
      if (a.success)
        body = (
          <>
            <ItemView data={data} modality={modality} />
            <ChoiceList choices={annotation.config.choices} picked={[a.data.choice]} multi={false} />
          </>
        );
      break;
    }
    case 'multi_choice': {
      const a = answerShapes.multi_choice.safeParse(answer);
      if (a.success)
        body = (
          <>
            <ItemView data={data} modality={modality} />
            <ChoiceList choices={annotation.config.choices} picked={a.data.choices} multi />
            {a.data.choices.length === 0 && <p className="muted">No choice selected.</p>}
          </>
        );
      break;
    }
    case 'span': {
      const a = answerShapes.span.safeParse(answer);
      const text = str(data.text) ?? '';
      if (a.success)
        body = (
          <>
            <SpanText text={text} spans={a.data.spans} labels={annotation.config.labels} />
            <p className="hint">
              {a.data.spans.length === 0
                ? 'No spans marked.'
                : `${a.data.spans.length} span${a.data.spans.length === 1 ? '' : 's'} marked.`}
            </p>
            <ItemView data={data} modality={modality} omit={['text']} />
          </>
        );
      break;
    }
    case 'bbox': {
      const a = answerShapes.bbox.safeParse(answer);
      const image = str(data.image);
      if (a.success)
        body = (
          <>
            {image ? (
              <BoxedImage image={image} boxes={a.data.boxes} labels={annotation.config.labels} />
            ) : (
              <p className="muted">This item has no image.</p>
            )}
            <p className="hint">
              {a.data.boxes.length === 0
                ? 'No boxes drawn.'
                : `${a.data.boxes.length} box${a.data.boxes.length === 1 ? '' : 'es'}: ${a.data.boxes
                    .map((b) => nameOf(annotation.config.labels, b.label))
                    .join(', ')}`}
            </p>
            <ItemView data={data} modality={modality} omit={['image']} />
          </>
        );
      break;
    }
    case 'polygon': {
      const a = answerShapes.polygon.safeParse(answer);
      const image = str(data.image);
      if (a.success)
        body = (
          <>
            {image ? (
              <OutlinedImage image={image} polygons={a.data.polygons} labels={annotation.config.labels} />
            ) : (
              <p className="muted">This item has no image.</p>
            )}
            <p className="hint">
              {a.data.polygons.length === 0
                ? 'No polygons drawn.'
                : `${a.data.polygons.length} polygon${a.data.polygons.length === 1 ? '' : 's'}: ${a.data.polygons
                    .map((p) => nameOf(annotation.config.labels, p.label))
                    .join(', ')}`}
            </p>
            <ItemView data={data} modality={modality} omit={['image']} />
          </>
        );
      break;
    }
    case 'transcription':
    case 'free_text': {
      const a = answerShapes.free_text.safeParse(answer);
      if (a.success)
        body = (
          <>
            <ItemView data={data} modality={modality} />
            <AnswerText text={a.data.text} />
          </>
        );
      break;
    }
    case 'pairwise': {
      const a = answerShapes.pairwise.safeParse(answer);
      const prompt = str(data.prompt);
      if (a.success)
        body = (
          <>
            {annotation.config.criteria && (
              <p className="criteria">
                <strong>Judge by:</strong> {annotation.config.criteria}
              </p>
            )}
            {prompt && (
              <div className="pair-prompt">
                <span className="eyebrow">Prompt</span>
                <div className="item-text">{prompt}</div>
              </div>
            )}
            <ItemView data={data} modality={modality} omit={['text']} />
            <div className="pair">
              {(['a', 'b'] as const).map((side) => {
                const picked = a.data.winner === side || a.data.winner === 'tie';
                return (
                  <section key={side} className={picked ? 'pair-side picked' : 'pair-side'}>
                    <span className="eyebrow">
                      Output {side.toUpperCase()}
                      {a.data.winner === side && <span className="badge">picked as better</span>}
                      {a.data.winner === 'tie' && <span className="badge badge-quiet">tie</span>}
                    </span>
                    <Output value={data[side]} />
                  </section>
                );
              })}
            </div>
            {a.data.reason && (
              <div className="answer-block">
                <span className="eyebrow">Reason given</span>
                <div className="item-text">{a.data.reason}</div>
              </div>
            )}
          </>
        );
      break;
    }
    case 'rating': {
      const a = answerShapes.rating.safeParse(answer);
      const { min, max, minLabel, maxLabel } = annotation.config;
      if (a.success)
        body = (
          <>
            <ItemView data={data} modality={modality} />
            <div className="rating">
              <span className="sr-only">
                Rated {a.data.value} from {min} to {max}
              </span>
              {minLabel && <span className="rating-end">{minLabel}</span>}
              <div className="rating-scale">
                {Array.from({ length: max - min + 1 }, (_, i) => min + i).map((v) => (
                  <span key={v} className={v === a.data.value ? 'rating-step selected' : 'rating-step'}>
                    {v}
                  </span>
                ))}
              </div>
              {maxLabel && <span className="rating-end">{maxLabel}</span>}
            </div>
          </>
        );
      break;
    }
  }
  return (
    <div className="method answer-view" data-testid="answer-view">
      {body ?? (
        <>
          <ItemView data={data} modality={modality} />
          <RawAnswer answer={answer} />
        </>
      )}
    </div>
  );
}
