import type { Ref } from 'react';
import type { Project, QaSample } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { AnswerSummary } from '../components/AnswerSummary.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { Meter } from '../components/Meter.tsx';
import { formatDateTime, formatPercent, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { AnswerView } from '../review/AnswerView.tsx';
import { FixEditor } from '../review/FixEditor.tsx';

export type QaAnswer = QaSample['answers'][number];
export type QaVerdict = 'accept' | 'reject' | 'fix';

/** What happened to one card since the sample was drawn. */
export type QaCardState = {
  note: string;
  busy: boolean;
  error: string | null;
  fixing: boolean;
  /** The requester's verdict and the status it left, as the server answered. */
  checked: { verdict: QaVerdict; status: 'approved' | 'rejected'; fixedAnswer?: unknown } | null;
};

/** Who decided, as a neutral name (the decision may be an approval or a rejection). */
const DECIDED_BY: Record<string, string> = {
  screening: 'Screening',
  gold: 'Gold check',
  machine: 'Consensus',
  judge: 'Model judge',
  review: 'Peer review',
  qa: 'QA',
  sybil: 'Spam flag',
};
const VERDICT_WORDS: Record<QaVerdict, string> = { accept: 'accepted', reject: 'rejected', fix: 'fixed' };
const LABEL_SOURCES = { aggregation: 'aggregation', review: 'review', qa: 'QA' } as const;

/** One sampled answer: the item and answer, how it was decided, and the requester's Accept / Reject / Fix. */
export function QaCard({
  project,
  answer: a,
  state,
  focused,
  cardRef,
  onFocus,
  onNote,
  onAction,
  onFix,
  onFixCancel,
}: {
  project: Project;
  answer: QaAnswer;
  state: QaCardState;
  focused: boolean;
  cardRef: Ref<HTMLLIElement>;
  onFocus: () => void;
  onNote: (note: string) => void;
  /** Accept or reject at once; fix opens the workspace on the answer. */
  onAction: (action: QaVerdict) => void;
  onFix: (fixed: unknown) => void;
  onFixCancel: () => void;
}) {
  const status = state.checked?.status ?? a.status;
  const decidedBy = state.checked ? 'qa' : a.decidedBy;
  const disabled = state.busy;
  return (
    <li
      ref={cardRef}
      className={`card qa-card${focused ? ' focused' : ''}${state.checked ? ' checked' : ''}`}
      data-testid="qa-card"
      data-answer={a.answerId}
      data-status={status}
      aria-current={focused || undefined}
      onClick={onFocus}
    >
      <header className="qa-card-head">
        <span className="mono" title={`item ${a.item.id}`}>
          {a.item.externalId ?? `#${a.item.id}`}
        </span>
        <span className={`badge answer-status-${status}`} data-testid="qa-status">
          {status}
        </span>
        {decidedBy && (
          <span className="badge badge-quiet" title="Who decided">
            {DECIDED_BY[decidedBy] ?? decidedBy}
          </span>
        )}
        {state.checked && (
          <span className="badge badge-success" data-testid="qa-checked">
            You {VERDICT_WORDS[state.checked.verdict]} it
          </span>
        )}
        <span className="grow align-right small muted">
          by{' '}
          <Link to={`/u/${a.contributor}`} className="mono" title={a.contributor}>
            {shortAddress(a.contributor)}
          </Link>
        </span>
      </header>
      {state.fixing ? (
        <FixEditor
          annotation={project.annotation}
          modality={project.modality}
          data={a.item.data}
          answer={a.answer}
          busy={state.busy}
          error={state.error}
          onFix={onFix}
          onCancel={onFixCancel}
        />
      ) : (
        <div className="qa-card-body">
          <AnswerView
            annotation={project.annotation}
            modality={project.modality}
            data={a.item.data}
            answer={a.answer}
          />
          <div className="qa-card-side">
            <dl className="facts qa-facts">
              <div className="wide">
                <dt>{state.checked ? 'Decision before yours' : 'Decision'}</dt>
                <dd>{a.decisionReason ?? <span className="muted">No reason recorded</span>}</dd>
              </div>
              <div>
                <dt>Consensus score</dt>
                <dd>
                  {a.consensusScore === null ? (
                    <span className="muted">—</span>
                  ) : (
                    formatPercent(a.consensusScore)
                  )}
                </dd>
              </div>
              <div>
                <dt>Decided</dt>
                <dd>{a.decidedAt ? formatDateTime(a.decidedAt) : <span className="muted">—</span>}</dd>
              </div>
              <div className="wide">
                <dt>
                  {state.checked && state.checked.verdict !== 'fix'
                    ? 'Item’s label when drawn'
                    : 'Item’s label now'}
                </dt>
                <dd>
                  {state.checked?.verdict === 'fix' ? (
                    <span className="qa-label">
                      <AnswerSummary method={project.annotation.method} answer={state.checked.fixedAnswer} />
                      <span className="muted small">your fix</span>
                    </span>
                  ) : a.label ? (
                    <span className="qa-label">
                      <AnswerSummary method={project.annotation.method} answer={a.label.label} />
                      <Meter share={a.label.confidence} label="Confidence" />
                      <span className="muted small">from {LABEL_SOURCES[a.label.source]}</span>
                    </span>
                  ) : (
                    <span className="muted">No label yet</span>
                  )}
                </dd>
              </div>
            </dl>
            <label className="field">
              <span>Note (optional)</span>
              <input
                type="text"
                value={state.note}
                maxLength={1000}
                onChange={(e) => onNote(e.target.value)}
                onKeyDown={(e) => {
                  if (e.key === 'Escape') e.currentTarget.blur();
                }}
                placeholder="Why, for the contributor"
              />
            </label>
            {state.error && <Alert>{state.error}</Alert>}
            <div className="row">
              <button
                type="button"
                className="btn btn-primary"
                onClick={() => onAction('accept')}
                disabled={disabled}
              >
                Accept <Kbd>A</Kbd>
              </button>
              <button
                type="button"
                className="btn btn-danger"
                onClick={() => onAction('reject')}
                disabled={disabled}
              >
                Reject <Kbd>R</Kbd>
              </button>
              <button type="button" className="btn" onClick={() => onAction('fix')} disabled={disabled}>
                Fix… <Kbd>F</Kbd>
              </button>
              {state.busy && <span className="muted small">Saving…</span>}
            </div>
          </div>
        </div>
      )}
    </li>
  );
}
