import { useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { isSubmitChord, useHotkeys } from './useHotkeys.ts';

/** Write a free-text answer about the item; Ctrl+Enter submits. */
export function FreeText({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  initial,
}: MethodProps<'free_text'>) {
  const [text, setText] = useState(initial?.text ?? '');
  const length = text.trim().length;

  useHotkeys(active, (event) => {
    if (!isSubmitChord(event)) return false;
    onSubmit({ text });
    return true;
  });

  return (
    <div className="method">
      <ItemView data={data} modality={modality} />
      <label className="field">
        <span>Your answer</span>
        <textarea
          value={text}
          onChange={(e) => setText(e.target.value)}
          rows={6}
          maxLength={config.maxLength}
          autoFocus
          placeholder="Type here…"
        />
        <span className={length < config.minLength ? 'hint warn' : 'hint'}>
          {text.length} / {config.maxLength} characters
          {config.minLength > 1 ? ` (at least ${config.minLength})` : ''}
        </span>
      </label>
      <div className="row">
        <button
          type="button"
          className="btn btn-primary"
          onClick={() => onSubmit({ text })}
          disabled={submitting}
        >
          {submitting ? 'Submitting…' : 'Submit'} <Kbd>Ctrl</Kbd>+<Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend shortcuts={[{ keys: ['Ctrl+Enter'], action: 'submit' }]} />
    </div>
  );
}
