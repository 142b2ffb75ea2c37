import { useState } from 'react';
import { Kbd } from '../components/Kbd.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { ItemView } from './ItemView.tsx';
import type { MethodProps } from './MethodProps.ts';
import { hasModifier, isTyping, keyRange, optionIndex, optionKeys, useHotkeys } from './useHotkeys.ts';

/** Pick any number of choices: number keys toggle, Enter submits. */
export function MultiChoice({
  config,
  data,
  modality,
  active,
  submitting,
  onSubmit,
  initial,
}: MethodProps<'multi_choice'>) {
  const [selected, setSelected] = useState<string[]>(initial?.choices ?? []);
  const keys = optionKeys(config.choices);

  function toggle(value: string) {
    setSelected((list) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]));
  }
  function submit() {
    // Keep the configured order so answers compare cleanly.
    onSubmit({ choices: config.choices.map((c) => c.value).filter((v) => selected.includes(v)) });
  }

  useHotkeys(active, (event) => {
    if (isTyping(event)) return false;
    const choice = config.choices[optionIndex(keys, event)];
    if (choice) {
      toggle(choice.value);
      return true;
    }
    if (event.key === 'Enter' && !hasModifier(event)) {
      submit();
      return true;
    }
    return false;
  });

  const { minSelected, maxSelected } = config;
  const rule =
    maxSelected !== undefined
      ? `Select ${minSelected === maxSelected ? minSelected : `${minSelected}–${maxSelected}`}`
      : minSelected > 0
        ? `Select at least ${minSelected}`
        : 'Select any that apply';

  return (
    <div className="method">
      <ItemView data={data} modality={modality} />
      <p className="hint">
        {rule} · {selected.length} selected
      </p>
      <fieldset className="choices">
        <legend className="sr-only">Choices</legend>
        {config.choices.map((c, i) => (
          <button
            key={c.value}
            type="button"
            aria-pressed={selected.includes(c.value)}
            className={selected.includes(c.value) ? 'choice selected' : 'choice'}
            onClick={() => toggle(c.value)}
          >
            <span className="check" aria-hidden>
              {selected.includes(c.value) ? '✓' : ''}
            </span>
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
          { keys: [keyRange(keys)], action: 'toggle a choice' },
          { keys: ['Enter'], action: 'submit' },
        ]}
      />
    </div>
  );
}
