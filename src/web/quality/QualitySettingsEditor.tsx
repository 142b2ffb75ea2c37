import { type FormEvent, type ReactNode, useState } from 'react';
import type { Project } from '../../shared/api.ts';
import { AGGREGATION_METHODS } from '../../shared/qualitySettings.ts';
import { Alert } from '../components/Alert.tsx';
import { Field } from '../components/Field.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { type FieldIssue, fieldIssues, issuesAt } from '../lib/fieldIssues.ts';
import { TOKEN_SYMBOL } from '../lib/format.ts';
import { AGGREGATION_LABELS } from '../lib/qualityNames.ts';
import { draftFrom, type QualityDraft, settingsFrom, withinQuality } from './qualityDraft.ts';

function Toggle({
  label,
  checked,
  onChange,
}: {
  label: ReactNode;
  checked: boolean;
  onChange: (checked: boolean) => void;
}) {
  return (
    <label className="check-field">
      <input type="checkbox" checked={checked} onChange={(e) => onChange(e.target.checked)} />
      {label}
    </label>
  );
}

/** Edits how the project screens, aggregates, reviews and judges answers; saving PATCHes the project. */
export function QualitySettingsEditor({
  project,
  onSaved,
}: {
  project: Project;
  onSaved: (p: Project) => void;
}) {
  const [draft, setDraft] = useState<QualityDraft>(() => draftFrom(project.quality));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  const [busy, setBusy] = useState(false);
  const at = (path: string) => issuesAt(issues, path);
  const set = <K extends keyof QualityDraft>(key: K, value: QualityDraft[K]) => {
    setDraft((d) => ({ ...d, [key]: value }));
    setSaved(false);
  };
  const categorical =
    project.annotation.method === 'single_choice' || project.annotation.method === 'pairwise';

  async function save(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setSaved(false);
    const { settings, issues: local } = settingsFrom(draft, project.quality);
    setIssues(local);
    if (local.length) return;
    setBusy(true);
    try {
      const updated = await apiClient.updateProject(project.id, { quality: settings });
      onSaved(updated);
      setDraft(draftFrom(updated.quality));
      setSaved(true);
    } catch (e) {
      const server = withinQuality(fieldIssues(e));
      setIssues(server);
      setError(server.length ? 'Some settings need fixing.' : errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  // Issues the form has no field for still need to be seen.
  const shown = [
    'aggregation',
    'gold.minAccuracy',
    'gold.minAnswers',
    'review.enabled',
    'review.minLevel',
    'review.minAccuracy',
    'review.rewardWei',
    'judge',
  ];
  const other = issues.filter((i) => !shown.some((p) => i.path === p || i.path.startsWith(`${p}.`)));

  return (
    <section className="card panel" aria-label="Quality settings">
      <h2>Quality settings</h2>
      <form onSubmit={(e) => void save(e)} noValidate>
        <fieldset className="settings-group">
          <legend>Aggregation</legend>
          <Field
            label="Method"
            issues={at('aggregation.method')}
            hint={
              categorical
                ? undefined
                : 'This project’s method uses its own consensus rule; the choice applies to single-choice and pairwise projects.'
            }
          >
            <select
              value={draft.method}
              onChange={(e) => set('method', e.target.value as QualityDraft['method'])}
            >
              {AGGREGATION_METHODS.map((m) => (
                <option key={m} value={m}>
                  {AGGREGATION_LABELS[m]}
                </option>
              ))}
            </select>
          </Field>
          <div className="grid-3">
            <Field
              label="Confidence"
              issues={at('aggregation.confidence')}
              hint="0.5 to 1; final at or above"
            >
              <input
                type="number"
                step="0.01"
                min="0.5"
                max="1"
                value={draft.confidence}
                onChange={(e) => set('confidence', e.target.value)}
              />
            </Field>
            <Field label="Min answers" issues={at('aggregation.minAnswers')} hint="before stopping early">
              <input
                type="number"
                min="1"
                max="50"
                value={draft.minAnswers}
                onChange={(e) => set('minAnswers', e.target.value)}
              />
            </Field>
            <Field label="Max overlap" issues={at('aggregation.maxOverlap')} hint="when still unsure">
              <input
                type="number"
                min="1"
                max="50"
                value={draft.maxOverlap}
                onChange={(e) => set('maxOverlap', e.target.value)}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Gold bar</legend>
          <div className="grid-2">
            <Field
              label="Min accuracy"
              issues={at('gold.minAccuracy')}
              hint="0 to 1; below it, a contributor stops"
            >
              <input
                type="number"
                step="0.01"
                min="0"
                max="1"
                value={draft.goldMinAccuracy}
                onChange={(e) => set('goldMinAccuracy', e.target.value)}
              />
            </Field>
            <Field label="Min gold answers" issues={at('gold.minAnswers')} hint="before the bar applies">
              <input
                type="number"
                min="1"
                value={draft.goldMinAnswers}
                onChange={(e) => set('goldMinAnswers', e.target.value)}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Peer review</legend>
          <Toggle
            label="Send unsure answers to peer review"
            checked={draft.reviewEnabled}
            onChange={(v) => set('reviewEnabled', v)}
          />
          <div className="grid-3">
            <Field label="Min level" issues={at('review.minLevel')} hint="to review">
              <input
                type="number"
                min="0"
                max="100"
                value={draft.reviewMinLevel}
                disabled={!draft.reviewEnabled}
                onChange={(e) => set('reviewMinLevel', e.target.value)}
              />
            </Field>
            <Field label="Min accuracy" issues={at('review.minAccuracy')} hint="0 to 1, on the method">
              <input
                type="number"
                step="0.01"
                min="0"
                max="1"
                value={draft.reviewMinAccuracy}
                disabled={!draft.reviewEnabled}
                onChange={(e) => set('reviewMinAccuracy', e.target.value)}
              />
            </Field>
            <Field label={`Reward (${TOKEN_SYMBOL})`} issues={at('review.rewardWei')} hint="per review">
              <input
                inputMode="decimal"
                value={draft.reviewReward}
                disabled={!draft.reviewEnabled}
                onChange={(e) => set('reviewReward', e.target.value)}
              />
            </Field>
          </div>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Model judge</legend>
          <Toggle
            label="Ask the model judge about answers the checks cannot settle"
            checked={draft.judgeEnabled}
            onChange={(v) => set('judgeEnabled', v)}
          />
          <Field
            label="What a good answer is"
            issues={at('judge.prompt')}
            hint="Told to the judge with the instructions."
          >
            <textarea
              rows={3}
              maxLength={5000}
              value={draft.judgePrompt}
              disabled={!draft.judgeEnabled}
              onChange={(e) => set('judgePrompt', e.target.value)}
            />
          </Field>
        </fieldset>

        <fieldset className="settings-group">
          <legend>Screening rules</legend>
          <Toggle label="Too-fast answers" checked={draft.tooFast} onChange={(v) => set('tooFast', v)} />
          <Toggle
            label="Straight-lining (the same answer many times in a row)"
            checked={draft.straightLining}
            onChange={(v) => set('straightLining', v)}
          />
          <Toggle
            label="Near-duplicate text across contributors"
            checked={draft.nearDuplicate}
            onChange={(v) => set('nearDuplicate', v)}
          />
          <Toggle
            label="Wrong answers on gold items"
            checked={draft.goldCheck}
            onChange={(v) => set('goldCheck', v)}
          />
          <Toggle
            label="Dead links in text answers (fetched from this server)"
            checked={draft.deadLinks}
            onChange={(v) => set('deadLinks', v)}
          />
        </fieldset>

        {error && (
          <Alert title="The settings were not saved">
            {error}
            {other.length > 0 && (
              <ul className="plain">
                {other.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    {i.path ? `${i.path}: ` : ''}
                    {i.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}
        {!error && other.length > 0 && (
          <div className="field-errors">
            {other.map((i) => (
              <span key={`${i.path}:${i.message}`} className="field-error">
                {i.path ? `${i.path}: ` : ''}
                {i.message}
              </span>
            ))}
          </div>
        )}
        {saved && <Alert tone="success">Saved. The next quality pass uses these settings.</Alert>}
        <div className="row end">
          <button
            type="button"
            className="btn"
            disabled={busy}
            onClick={() => {
              setDraft(draftFrom(project.quality));
              setIssues([]);
              setError(null);
              setSaved(false);
            }}
          >
            Reset
          </button>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Saving…' : 'Save settings'}
          </button>
        </div>
      </form>
    </section>
  );
}
