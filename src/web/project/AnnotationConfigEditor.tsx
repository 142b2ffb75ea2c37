import type { AnnotationInput, Method } from '../../shared/methods.ts';

export type ChoiceDraft = { label: string; value: string; hotkey: string };

/** Everything the config editors edit, for every method at once, so switching method keeps the drafts. */
export type ConfigDraft = {
  choices: ChoiceDraft[];
  labels: ChoiceDraft[];
  minSelected: string;
  maxSelected: string;
  minBoxes: string;
  minPolygons: string;
  maxPoints: string;
  transcriptionMinLength: string;
  ratingMin: string;
  ratingMax: string;
  minLabel: string;
  maxLabel: string;
  allowTie: boolean;
  criteria: string;
  freeMinLength: string;
  freeMaxLength: string;
};

/** A reasonable starting point for each method's settings. */
export const DEFAULT_CONFIG: ConfigDraft = {
  choices: [
    { label: 'Positive', value: '', hotkey: '' },
    { label: 'Negative', value: '', hotkey: '' },
  ],
  labels: [
    { label: 'Person', value: '', hotkey: '' },
    { label: 'Organization', value: '', hotkey: '' },
  ],
  minSelected: '1',
  maxSelected: '',
  minBoxes: '0',
  minPolygons: '1',
  maxPoints: '',
  transcriptionMinLength: '1',
  ratingMin: '1',
  ratingMax: '5',
  minLabel: 'Poor',
  maxLabel: 'Excellent',
  allowTie: true,
  criteria: '',
  freeMinLength: '1',
  freeMaxLength: '5000',
};

/** "Very good!" -> "very_good": the stored value of a choice whose value was left blank. */
export function slug(label: string): string {
  return (
    label
      .trim()
      .toLowerCase()
      .replace(/[^\p{L}\p{N}]+/gu, '_')
      .replace(/^_+|_+$/g, '') || label.trim()
  );
}

const int = (text: string, fallback: number) => (text.trim() === '' ? fallback : Number(text));

function choicesOf(list: ChoiceDraft[]) {
  return list.map((c) => ({
    label: c.label.trim(),
    value: c.value.trim() || slug(c.label),
    ...(c.hotkey.trim() && { hotkey: c.hotkey.trim() }),
  }));
}

/** The annotation part of a create-project body, from the drafts. */
export function buildAnnotation(method: Method, d: ConfigDraft): AnnotationInput {
  switch (method) {
    case 'single_choice':
      return { method, config: { choices: choicesOf(d.choices) } };
    case 'multi_choice':
      return {
        method,
        config: {
          choices: choicesOf(d.choices),
          minSelected: int(d.minSelected, 0),
          ...(d.maxSelected.trim() && { maxSelected: int(d.maxSelected, 1) }),
        },
      };
    case 'span':
      return { method, config: { labels: choicesOf(d.labels) } };
    case 'bbox':
      return { method, config: { labels: choicesOf(d.labels), minBoxes: int(d.minBoxes, 0) } };
    case 'polygon':
      return {
        method,
        config: {
          labels: choicesOf(d.labels),
          minPolygons: int(d.minPolygons, 1),
          ...(d.maxPoints.trim() && { maxPoints: int(d.maxPoints, 200) }),
        },
      };
    case 'transcription':
      return { method, config: { minLength: int(d.transcriptionMinLength, 1) } };
    case 'pairwise':
      return { method, config: { allowTie: d.allowTie, criteria: d.criteria } };
    case 'rating':
      return {
        method,
        config: {
          min: int(d.ratingMin, 1),
          max: int(d.ratingMax, 5),
          minLabel: d.minLabel,
          maxLabel: d.maxLabel,
        },
      };
    case 'free_text':
      return {
        method,
        config: { minLength: int(d.freeMinLength, 1), maxLength: int(d.freeMaxLength, 5000) },
      };
  }
}

function ChoiceList({
  title,
  noun,
  list,
  onChange,
}: {
  title: string;
  noun: string;
  list: ChoiceDraft[];
  onChange: (list: ChoiceDraft[]) => void;
}) {
  const update = (index: number, patch: Partial<ChoiceDraft>) =>
    onChange(list.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <fieldset className="choice-editor">
      <legend>{title}</legend>
      <div className="choice-editor-head muted small" aria-hidden>
        <span>Label shown to contributors</span>
        <span>Stored value</span>
        <span>Key</span>
        <span />
      </div>
      {list.map((c, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: rows are edited in place; position is their identity
        <div key={i} className="choice-editor-row">
          <input
            aria-label={`${noun} ${i + 1} label`}
            value={c.label}
            onChange={(e) => update(i, { label: e.target.value })}
            placeholder={`${noun} ${i + 1}`}
          />
          <input
            aria-label={`${noun} ${i + 1} value`}
            value={c.value}
            onChange={(e) => update(i, { value: e.target.value })}
            placeholder={slug(c.label) || 'value'}
            className="mono"
          />
          <input
            aria-label={`${noun} ${i + 1} hotkey`}
            value={c.hotkey}
            onChange={(e) => update(i, { hotkey: e.target.value.slice(-1) })}
            placeholder={i < 9 ? String(i + 1) : ''}
            className="mono hotkey-input"
            maxLength={1}
          />
          <button
            type="button"
            className="btn btn-small btn-quiet"
            onClick={() => onChange(list.filter((_, j) => j !== i))}
            aria-label={`Remove ${noun.toLowerCase()} ${i + 1}`}
          >
            Remove
          </button>
        </div>
      ))}
      <button
        type="button"
        className="btn btn-small"
        onClick={() => onChange([...list, { label: '', value: '', hotkey: '' }])}
      >
        + Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}

function NumberField({
  label,
  value,
  onChange,
  hint,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
  hint?: string;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input type="number" inputMode="numeric" value={value} onChange={(e) => onChange(e.target.value)} />
      {hint && <span className="hint">{hint}</span>}
    </label>
  );
}

function TextField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: string;
  onChange: (v: string) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} />
    </label>
  );
}

/** The settings of the chosen annotation method. */
export function AnnotationConfigEditor({
  method,
  draft,
  onChange,
}: {
  method: Method;
  draft: ConfigDraft;
  onChange: (draft: ConfigDraft) => void;
}) {
  const set =
    <K extends keyof ConfigDraft>(key: K) =>
    (value: ConfigDraft[K]) =>
      onChange({ ...draft, [key]: value });
  switch (method) {
    case 'single_choice':
      return <ChoiceList title="Choices" noun="Choice" list={draft.choices} onChange={set('choices')} />;
    case 'multi_choice':
      return (
        <>
          <ChoiceList title="Choices" noun="Choice" list={draft.choices} onChange={set('choices')} />
          <div className="grid-2">
            <NumberField label="At least" value={draft.minSelected} onChange={set('minSelected')} />
            <NumberField
              label="At most"
              value={draft.maxSelected}
              onChange={set('maxSelected')}
              hint="blank: no limit"
            />
          </div>
        </>
      );
    case 'span':
      return <ChoiceList title="Labels" noun="Label" list={draft.labels} onChange={set('labels')} />;
    case 'bbox':
      return (
        <>
          <ChoiceList title="Labels" noun="Label" list={draft.labels} onChange={set('labels')} />
          <NumberField label="Minimum boxes per image" value={draft.minBoxes} onChange={set('minBoxes')} />
        </>
      );
    case 'polygon':
      return (
        <>
          <ChoiceList title="Labels" noun="Label" list={draft.labels} onChange={set('labels')} />
          <div className="grid-2">
            <NumberField
              label="Minimum polygons per image"
              value={draft.minPolygons}
              onChange={set('minPolygons')}
            />
            <NumberField
              label="Most points per polygon"
              value={draft.maxPoints}
              onChange={set('maxPoints')}
              hint="blank: up to 200"
            />
          </div>
        </>
      );
    case 'transcription':
      return (
        <NumberField
          label="Minimum length (characters)"
          value={draft.transcriptionMinLength}
          onChange={set('transcriptionMinLength')}
        />
      );
    case 'pairwise':
      return (
        <>
          <label className="check-field">
            <input
              type="checkbox"
              checked={draft.allowTie}
              onChange={(e) => set('allowTie')(e.target.checked)}
            />
            Allow “about the same” (tie)
          </label>
          <label className="field">
            <span>Criteria</span>
            <textarea
              rows={2}
              value={draft.criteria}
              onChange={(e) => set('criteria')(e.target.value)}
              placeholder="Which answer is more helpful, correct and harmless?"
            />
          </label>
        </>
      );
    case 'rating':
      return (
        <div className="grid-2">
          <NumberField label="Lowest" value={draft.ratingMin} onChange={set('ratingMin')} />
          <NumberField label="Highest" value={draft.ratingMax} onChange={set('ratingMax')} />
          <TextField label="Label of the lowest" value={draft.minLabel} onChange={set('minLabel')} />
          <TextField label="Label of the highest" value={draft.maxLabel} onChange={set('maxLabel')} />
        </div>
      );
    case 'free_text':
      return (
        <div className="grid-2">
          <NumberField label="Minimum length" value={draft.freeMinLength} onChange={set('freeMinLength')} />
          <NumberField label="Maximum length" value={draft.freeMaxLength} onChange={set('freeMaxLength')} />
        </div>
      );
  }
}
