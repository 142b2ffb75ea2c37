import { useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, useHotkeys } from './useHotkeys.ts';

type Winner = 'a' | 'b' | 'tie';

function Output({ value }: { value: unknown }) {
  if (typeof value === 'string') return <div className="item-text">{value}</div>;
  return <pre className="item-text">{JSON.stringify(value, null, 2)}</pre>;
}

/** Compare two outputs side by side: A, B or T (tie, when allowed) submit at once. */
export function Pairwise({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  initial,
}: MethodProps<'pairwise'>) {
  const [reason, setReason] = useState(initial?.reason ?? '');

  function pick(winner: Winner) {
    const note = reason.trim();
    onSubmit(note ? { winner, reason: note } : { winner });
  }

  useHotkeys(active, (event) => {
    if (event.key === 'Escape' && event.target instanceof HTMLTextAreaElement) {
      event.target.blur();
      return true;
    }
    if (isTyping(event) || hasModifier(event)) return false;
    const key = event.key.toLowerCase();
    if (key === 'a' || key === 'b' || (key === 't' && config.allowTie)) {
      pick(key === 't' ? 'tie' : key);
      return true;
    }
    return false;
  });

  const prompt = typeof data.prompt === 'string' ? data.prompt : null;
  return (
    <div className="method">
      {config.criteria && (
        <p className="criteria">
          <strong>Judge by:</strong> {config.criteria}
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
        {(['a', 'b'] as const).map((side) => (
          <section key={side} className="pair-side">
            <span className="eyebrow">Output {side.toUpperCase()}</span>
            <Output value={data[side]} />
          </section>
        ))}
      </div>
      <label className="field">
        <span>Reason (optional; write it before choosing, then press Esc to leave the box)</span>
        <textarea value={reason} onChange={(e) => setReason(e.target.value)} rows={2} maxLength={2000} />
      </label>
      <div className={config.allowTie ? 'pair-actions' : 'pair-actions two'}>
        <button type="button" className="btn btn-primary" onClick={() => pick('a')} disabled={submitting}>
          A is better <Kbd>A</Kbd>
        </button>
        {config.allowTie && (
          <button type="button" className="btn" onClick={() => pick('tie')} disabled={submitting}>
            About the same <Kbd>T</Kbd>
          </button>
        )}
        <button type="button" className="btn btn-primary" onClick={() => pick('b')} disabled={submitting}>
          B is better <Kbd>B</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          { keys: ['A'], action: 'A is better' },
          { keys: ['Esc'], action: 'leave the reason box' },
          { keys: ['B'], action: 'B is better' },
          ...(config.allowTie ? [{ keys: ['T'], action: 'tie' }] : []),
        ]}
      />
    </div>
  );
}
