import { type CSSProperties, type ReactNode, useRef, useState } from 'react';
import type { Span as SpanAnswer } from '../../shared/methods.ts';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import { labelColor, type MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, keyRange, optionIndex, optionKeys, useHotkeys } from './useHotkeys.ts';

type Range = { start: number; end: number };

/** Character offsets into the container's text of the current selection, trimmed of outer whitespace. */
function selectionOffsets(container: HTMLElement, text: string): Range | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.startContainer) || !container.contains(range.endContainer)) return null;
  // Labels are drawn with CSS (::after), so the container's text is exactly data.text.
  const before = document.createRange();
  before.selectNodeContents(container);
  before.setEnd(range.startContainer, range.startOffset);
  let start = before.toString().length;
  let end = start + range.toString().length;
  while (start < end && /\s/.test(text[start] ?? '')) start++;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end--;
  return end > start ? { start, end: Math.min(end, text.length) } : null;
}

/** Label text spans (NER): select text, then press a label's key or click the label; click a span to remove it. */
export function Span({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  onHint,
  initial,
}: MethodProps<'span'>) {
  const text = typeof data.text === 'string' ? data.text : '';
  const [spans, setSpans] = useState<SpanAnswer[]>(initial?.spans ?? []);
  const [pending, setPending] = useState<Range | null>(null);
  // Spans are kept in the order they were added (Backspace undoes the latest) and sent in text order.
  const sorted = [...spans].sort((a, b) => a.start - b.start);
  const textRef = useRef<HTMLDivElement>(null);
  const keys = optionKeys(config.labels);
  const colorOf = (label: string) => labelColor(config.labels.findIndex((l) => l.value === label));

  function readSelection() {
    if (textRef.current) setPending(selectionOffsets(textRef.current, text));
  }

  function addSpan(label: string) {
    const range = pending ?? (textRef.current ? selectionOffsets(textRef.current, text) : null);
    if (!range) {
      onHint('Select some text first, then press a label key.');
      return;
    }
    if (spans.some((s) => s.start < range.end && range.start < s.end)) {
      onHint('Spans cannot overlap: click the existing span to remove it first.');
      return;
    }
    setSpans((list) => [...list, { ...range, label }]);
    setPending(null);
    window.getSelection()?.removeAllRanges();
  }

  function removeSpan(span: SpanAnswer) {
    // A drag that starts inside a span is a new selection, not a removal.
    if (window.getSelection()?.isCollapsed === false) return;
    setSpans((list) => list.filter((s) => s !== span));
  }

  useHotkeys(active, (event) => {
    if (isTyping(event)) return false;
    const label = config.labels[optionIndex(keys, event)];
    if (label) {
      addSpan(label.value);
      return true;
    }
    if (event.key === 'Enter' && !hasModifier(event)) {
      onSubmit({ spans: sorted });
      return true;
    }
    if (event.key === 'Escape' && pending) {
      setPending(null);
      window.getSelection()?.removeAllRanges();
      return true;
    }
    if ((event.key === 'Backspace' || event.key === 'Delete') && spans.length > 0) {
      setSpans((list) => list.slice(0, -1));
      return true;
    }
    return false;
  });

  const parts: ReactNode[] = [];
  let at = 0;
  for (const s of sorted) {
    if (s.start > at) parts.push(text.slice(at, s.start));
    const label = config.labels.find((l) => l.value === s.label)?.label ?? s.label;
    parts.push(
      <mark
        key={`${s.start}-${s.end}`}
        className="span-mark"
        data-label={label}
        style={{ '--label-color': colorOf(s.label) } as CSSProperties}
        title={`${label} — click to remove`}
        onClick={() => removeSpan(s)}
      >
        {text.slice(s.start, s.end)}
      </mark>,
    );
    at = s.end;
  }
  if (at < text.length) parts.push(text.slice(at));

  return (
    <div className="method">
      <fieldset className="labels">
        <legend className="sr-only">Labels</legend>
        {config.labels.map((l, i) => (
          <button
            key={l.value}
            type="button"
            className="label-chip"
            style={{ '--label-color': labelColor(i) } as CSSProperties}
            // Keep the text selection when the label is clicked.
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => addSpan(l.value)}
          >
            {keys[i] && <Kbd>{keys[i]}</Kbd>}
            {l.label}
          </button>
        ))}
      </fieldset>
      {text ? (
        <div ref={textRef} className="item-text span-text" onMouseUp={readSelection} onKeyUp={readSelection}>
          {parts}
        </div>
      ) : (
        <p className="muted">This item has no text to label. Skip it as “unclear”.</p>
      )}
      <p className="hint">
        {pending
          ? `Selected “${text.slice(pending.start, pending.end)}” — press a label key or click a label.`
          : `${spans.length} span${spans.length === 1 ? '' : 's'}. Select text with the mouse to add one.`}
      </p>
      <ItemView data={data} modality={modality} omit={['text']} />
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onSubmit({ spans: sorted })}
          disabled={submitting}
        >
          {submitting ? 'Submitting…' : 'Submit'} <Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          {
            keys: [keyRange(keys)],
            action: 'label the selected text',
          },
          { keys: ['click span'], action: 'remove it' },
          { keys: ['Backspace'], action: 'undo the latest span' },
          { keys: ['Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
