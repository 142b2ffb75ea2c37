import { useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, keyRange, optionIndex, optionKeys, useHotkeys } from './useHotkeys.ts';

/** Pick exactly one choice: number keys (or each choice's hotkey) select, Enter submits. */
export function SingleChoice({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  onHint,
  initial,
}: MethodProps<'single_choice'>) {
  const [selected, setSelected] = useState<string | null>(initial?.choice ?? null);
  const keys = optionKeys(config.choices);

  function submit() {
    if (selected === null) onHint('Pick a choice first.');
    else onSubmit({ choice: selected });
  }

  useHotkeys(active, (event) => {
    if (isTyping(event)) return false;
    const index = optionIndex(keys, event);
    const choice = config.choices[index];
    if (choice) {
      setSelected(choice.value);
      return true;
    }
    if (event.key === 'Enter' && !hasModifier(event)) {
      submit();
      return true;
    }
    return false;
  });

  return (
    <div className="method">
      <ItemView data={data} modality={modality} />
      <fieldset className="choices">
        <legend className="sr-only">Choices</legend>
        {config.choices.map((c, i) => (
          <button
            key={c.value}
            type="button"
            aria-pressed={selected === c.value}
            className={selected === c.value ? 'choice selected' : 'choice'}
            onClick={() => setSelected(c.value)}
            onDoubleClick={() => onSubmit({ choice: c.value })}
          >
            {keys[i] && <Kbd>{keys[i]}</Kbd>}
            <span>{c.label}</span>
          </button>
        ))}
      </fieldset>
      <div className="row">
        <button type="button" className="btn btn-primary" onClick={submit} disabled={submitting}>
          {submitting ? 'Submitting…' : 'Submit'} <Kbd>Enter</Kbd>
        </button>
      </div>
      <ShortcutLegend
        shortcuts={[
          {
            keys: [keyRange(keys)],
            action: 'choose (first … last)',
          },
          { keys: ['Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
