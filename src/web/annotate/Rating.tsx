import { useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, useHotkeys } from './useHotkeys.ts';

/** A Likert scale from min to max: number keys pick, Enter submits. */
export function Rating({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  onHint,
  initial,
}: MethodProps<'rating'>) {
  const [value, setValue] = useState<number | null>(initial?.value ?? null);
  const values = Array.from({ length: config.max - config.min + 1 }, (_, i) => config.min + i);
  // When every value is a single digit the key is the value itself; otherwise 1–9 pick by position.
  const digitsAreValues = config.min >= 0 && config.max <= 9;
  const keyFor = (v: number, i: number) => (digitsAreValues ? String(v) : i < 9 ? String(i + 1) : '');

  function submit() {
    if (value === null) onHint('Pick a rating first.');
    else onSubmit({ value });
  }

  useHotkeys(active, (event) => {
    if (isTyping(event) || hasModifier(event)) return false;
    if (event.key === 'Enter') {
      submit();
      return true;
    }
    if (/^[0-9]$/.test(event.key)) {
      const digit = Number(event.key);
      const picked = digitsAreValues ? values.find((v) => v === digit) : values[digit - 1];
      if (picked !== undefined) {
        setValue(picked);
        return true;
      }
    }
    return false;
  });

  return (
    <div className="method">
      <ItemView data={data} modality={modality} />
      <fieldset className="rating">
        <legend className="sr-only">Rating</legend>
        {config.minLabel && <span className="rating-end">{config.minLabel}</span>}
        <div className="rating-scale">
          {values.map((v, i) => (
            <button
              key={v}
              type="button"
              aria-pressed={value === v}
              className={value === v ? 'rating-step selected' : 'rating-step'}
              onClick={() => setValue(v)}
              title={keyFor(v, i) ? `key ${keyFor(v, i)}` : undefined}
            >
              {v}
            </button>
          ))}
        </div>
        {config.maxLabel && <span className="rating-end">{config.maxLabel}</span>}
      </fieldset>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={submit} disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit'} <Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          {
            keys: digitsAreValues
              ? [String(config.min), String(config.max)]
              : ['1', String(Math.min(9, values.length))],
            action: digitsAreValues ? 'rate' : 'rate (by position)',
          },
          { keys: ['Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
