import { type FormEvent, type ReactNode, useState } from 'react';
import { createProjectBody } from '../../shared/api.ts';
import {
  METHOD_LABELS,
  METHODS,
  type Method,
  MODALITIES,
  type Modality,
  requiredItemFields,
  TASK_TYPES,
} from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { TIERS } from '../components/TierBadge.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { type FieldIssue, fieldIssues, issuesAt } from '../lib/fieldIssues.ts';
import { TOKEN_SYMBOL } from '../lib/format.ts';
import { Link, navigate } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { AnnotationConfigEditor } from '../project/AnnotationConfigEditor.tsx';
import { buildProjectInput, emptyDraft, type ProjectDraft } from '../project/projectDraft.ts';

const TASK_TYPE_LABELS = {
  enterprise: 'Enterprise — paid in CRV',
  dual_reward: 'Dual reward — CRV plus a partner token',
  community: 'Community — co-ownership instead of pay',
} as const;

const FIELD_LABELS: Record<string, string> = {
  orgId: 'Organization',
  name: 'Name',
  description: 'Description',
  taskType: 'Task type',
  modality: 'Modality',
  annotation: 'Annotation settings',
  instructions: 'Instructions',
  overlap: 'Answers per item',
  rewardPerItemWei: 'Reward per item',
  budgetWei: 'Budget',
  dailyCap: 'Daily cap',
  requiredLevel: 'Required level',
  languages: 'Languages',
  domains: 'Domains',
  deadline: 'Deadline',
  exam: 'Exam',
  goldShare: 'Gold share',
  leaseSeconds: 'Time per item',
};

/** "annotation.config.choices.1.label" -> "Annotation settings". */
function fieldLabel(path: string): string {
  const head = path.split('.')[0] ?? path;
  return FIELD_LABELS[head] ?? path;
}

/** The modality most items of a method have, picked when the method changes. */
const USUAL_MODALITY: Partial<Record<Method, Modality>> = {
  span: 'text',
  bbox: 'image',
  polygon: 'image',
  transcription: 'audio',
  pairwise: 'text',
};

function Field({
  label,
  issues,
  hint,
  children,
}: {
  label: string;
  issues: string[];
  hint?: ReactNode;
  children: ReactNode;
}) {
  return (
    // biome-ignore lint/a11y/noLabelWithoutControl: the control comes in as children
    <label className={issues.length ? 'field invalid' : 'field'}>
      <span>{label}</span>
      {children}
      {hint && <span className="hint">{hint}</span>}
      {issues.map((m) => (
        <span key={m} className="field-error">
          {m}
        </span>
      ))}
    </label>
  );
}

/** The form that creates a project; the server's validation errors appear next to their fields. */
export function NewProjectPage() {
  const { me } = useSession();
  const orgs = me?.orgs ?? [];
  const [draft, setDraft] = useState<ProjectDraft>(() => emptyDraft(orgs[0]?.id ?? ''));
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  if (orgs.length === 0)
    return (
      <div className="page">
        <Alert
          tone="info"
          title="Create an organization first"
          action={<Link to="/projects">Go to Projects</Link>}
        >
          Projects belong to an organization.
        </Alert>
      </div>
    );

  const set =
    <K extends keyof ProjectDraft>(key: K) =>
    (value: ProjectDraft[K]) =>
      setDraft((d) => ({ ...d, [key]: value }));
  const text = (
    key: { [K in keyof ProjectDraft]: ProjectDraft[K] extends string ? K : never }[keyof ProjectDraft],
  ) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => set(key)(e.target.value),
  });
  const at = (path: string) => issuesAt(issues, path);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const { input, issues: local } = buildProjectInput(draft);
    const checked = createProjectBody.safeParse(input);
    // An amount that does not parse also fails the schema's "above 0" rule; say it once.
    const schemaIssues = checked.success ? [] : fieldIssues(checked.error.issues);
    const found = [...local, ...schemaIssues.filter((i) => !local.some((l) => l.path === i.path))];
    setIssues(found);
    if (found.length > 0) {
      setError('Some fields need attention.');
      window.scrollTo({ top: 0, behavior: 'smooth' });
      return;
    }
    setBusy(true);
    try {
      const project = await apiClient.createProject(input);
      navigate(`/projects/${project.id}`);
    } catch (e) {
      setIssues(fieldIssues(e));
      setError(errorMessage(e));
      setBusy(false);
      window.scrollTo({ top: 0, behavior: 'smooth' });
    }
  }

  const fields = requiredItemFields(draft.method, draft.modality);
  const community = draft.taskType === 'community';

  return (
    <div className="page narrow-page">
      <nav className="breadcrumb">
        <Link to="/projects">Projects</Link> <span aria-hidden>›</span> <span>New project</span>
      </nav>
      <h1>New project</h1>
      <form className="form" onSubmit={submit} noValidate>
        {error && (
          <Alert title={error}>
            {issues.length > 0 && (
              <ul className="plain">
                {issues.map((i) => (
                  <li key={`${i.path}:${i.message}`}>
                    {i.path && <strong>{fieldLabel(i.path)}:</strong>} {i.message}
                  </li>
                ))}
              </ul>
            )}
          </Alert>
        )}

        <section className="card form-section">
          <h2>Basics</h2>
          {orgs.length > 1 && (
            <Field label="Organization" issues={at('orgId')}>
              <select {...text('orgId')}>
                {orgs.map((o) => (
                  <option key={o.id} value={o.id}>
                    {o.name}
                  </option>
                ))}
              </select>
            </Field>
          )}
          <Field label="Name" issues={at('name')}>
            <input {...text('name')} placeholder="Sentiment of product reviews" required autoFocus />
          </Field>
          <Field label="Description" issues={at('description')} hint="Shown on the task card.">
            <textarea rows={2} {...text('description')} />
          </Field>
          <Field label="Task type" issues={at('taskType')}>
            <select
              value={draft.taskType}
              onChange={(e) => set('taskType')(e.target.value as ProjectDraft['taskType'])}
            >
              {TASK_TYPES.map((t) => (
                <option key={t} value={t}>
                  {TASK_TYPE_LABELS[t]}
                </option>
              ))}
            </select>
          </Field>
        </section>

        <section className="card form-section">
          <h2>Annotation</h2>
          <div className="grid-2">
            <Field label="Method" issues={at('annotation.method')}>
              <select
                value={draft.method}
                onChange={(e) => {
                  const method = e.target.value as Method;
                  setDraft((d) => ({ ...d, method, modality: USUAL_MODALITY[method] ?? d.modality }));
                }}
              >
                {METHODS.map((m) => (
                  <option key={m} value={m}>
                    {METHOD_LABELS[m]}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Modality" issues={at('modality')}>
              <select value={draft.modality} onChange={(e) => set('modality')(e.target.value as Modality)}>
                {MODALITIES.map((m) => (
                  <option key={m} value={m}>
                    {m}
                  </option>
                ))}
              </select>
            </Field>
          </div>
          <AnnotationConfigEditor method={draft.method} draft={draft.config} onChange={set('config')} />
          {at('annotation').length > 0 && (
            <div className="field-errors">
              {at('annotation').map((m) => (
                <span key={m} className="field-error">
                  {m}
                </span>
              ))}
            </div>
          )}
          <p className="hint">
            Each imported item needs the field{fields.length === 1 ? '' : 's'}{' '}
            {fields.length ? fields.map((f) => <code key={f}>{f}</code>) : <code>any</code>}.
          </p>
          <Field
            label="Instructions"
            issues={at('instructions')}
            hint="Shown above every item. Be concrete; give examples."
          >
            <textarea rows={6} {...text('instructions')} />
          </Field>
        </section>

        <section className="card form-section">
          <h2>Pay and quality</h2>
          <div className="grid-2">
            <Field
              label={`Reward per item (${TOKEN_SYMBOL})`}
              issues={at('rewardPerItemWei')}
              hint={community ? 'Community projects may pay 0.' : undefined}
            >
              <input inputMode="decimal" {...text('reward')} />
            </Field>
            <Field label={`Budget (${TOKEN_SYMBOL})`} issues={at('budgetWei')}>
              <input inputMode="decimal" {...text('budget')} />
            </Field>
            <Field label="Answers per item (overlap)" issues={at('overlap')}>
              <input type="number" min={1} max={50} {...text('overlap')} />
            </Field>
            <Field label="Daily cap per contributor" issues={at('dailyCap')}>
              <input type="number" min={1} {...text('dailyCap')} />
            </Field>
            <Field label="Control (gold) items share, %" issues={at('goldShare')} hint="0–50">
              <input type="number" min={0} max={50} {...text('goldPercent')} />
            </Field>
            <Field label="Time per item (lease, seconds)" issues={at('leaseSeconds')}>
              <input type="number" min={30} {...text('leaseSeconds')} />
            </Field>
            {draft.taskType === 'dual_reward' && (
              <>
                <Field
                  label="Partner token (address)"
                  issues={at('partnerToken')}
                  hint="The partner's ERC-20, paid beside CRV"
                >
                  <input className="mono" placeholder="0x…" {...text('partnerToken')} />
                </Field>
                <Field label="Partner reward per item (tokens)" issues={at('partnerRewardPerItemWei')}>
                  <input inputMode="decimal" {...text('partnerReward')} />
                </Field>
              </>
            )}
          </div>
        </section>

        <section className="card form-section">
          <h2>Who can work on it</h2>
          <div className="grid-2">
            <Field label="Required level" issues={at('requiredLevel')}>
              <input type="number" min={0} max={100} {...text('requiredLevel')} />
            </Field>
            <Field label="Deadline (optional)" issues={at('deadline')}>
              <input type="date" {...text('deadline')} />
            </Field>
            <Field label="Languages" issues={at('languages')} hint="Comma separated codes: en, es, pt-BR">
              <input {...text('languages')} />
            </Field>
            <Field label="Domains" issues={at('domains')} hint="Comma separated: medicine, law">
              <input {...text('domains')} />
            </Field>
            <Field
              label={`Locked stake (${TOKEN_SYMBOL})`}
              issues={at('gates.minStakeWei')}
              hint="Contributors must keep this much locked in the stake vault; 0 for none"
            >
              <input inputMode="decimal" {...text('minStake')} />
            </Field>
            <Field
              label="Tier badge"
              issues={at('gates.badgeTier')}
              hint="A soulbound badge the contributor holds"
            >
              <select value={draft.badgeTier} onChange={(e) => set('badgeTier')(e.target.value)}>
                <option value="">None</option>
                {TIERS.slice(1).map((name, i) => (
                  <option key={name} value={String(i + 1)}>
                    {name}
                  </option>
                ))}
              </select>
            </Field>
            <Field label="Token gate (address)" issues={at('gates.token')} hint="Optional: an ERC-20 to hold">
              <input className="mono" placeholder="0x…" {...text('gateToken')} />
            </Field>
            <Field label="Token gate: minimum balance (tokens)" issues={at('gates.minTokenWei')}>
              <input inputMode="decimal" {...text('gateMinBalance')} />
            </Field>
          </div>
          <label className="check-field">
            <input
              type="checkbox"
              checked={draft.examEnabled}
              onChange={(e) => set('examEnabled')(e.target.checked)}
            />
            Require a qualification exam on gold items
          </label>
          {draft.examEnabled && (
            <div className="grid-3">
              <Field label="Questions" issues={at('exam.questionCount')}>
                <input type="number" min={1} max={100} {...text('examQuestions')} />
              </Field>
              <Field label="Pass rate, %" issues={at('exam.passRate')}>
                <input type="number" min={0} max={100} {...text('examPassPercent')} />
              </Field>
              <Field label="Attempts" issues={at('exam.maxAttempts')}>
                <input type="number" min={1} max={10} {...text('examAttempts')} />
              </Field>
            </div>
          )}
        </section>

        <div className="row end">
          <Link to="/projects" className="btn">
            Cancel
          </Link>
          <button type="submit" className="btn btn-primary" disabled={busy}>
            {busy ? 'Creating…' : 'Create project'}
          </button>
        </div>
      </form>
    </div>
  );
}
