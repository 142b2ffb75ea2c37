import { useCallback, useEffect, useState } from 'react';
import type { ReviewReason, ReviewTask, SubmitReviewInput } from '../../shared/api.ts';
import { ApiError } from '../../shared/client.ts';
import type { Modality } from '../../shared/methods.ts';
import { hasModifier, isTyping, useHotkeys } from '../annotate/useHotkeys.ts';
import { Alert } from '../components/Alert.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Kbd } from '../components/Kbd.tsx';
import { Loading } from '../components/Loading.tsx';
import { ShortcutLegend } from '../components/ShortcutLegend.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { ruleLabel } from '../lib/qualityNames.ts';
import { Link } from '../lib/router.tsx';
import { AnswerView } from './AnswerView.tsx';
import { FixEditor } from './FixEditor.tsx';
import { RejectDialog } from './RejectDialog.tsx';

/** A refusal that ends the review on screen: the lease ran out or closed, or reviewing is not allowed. */
type Stop = { title: string; message: string; allowed: boolean };

/** Which refusals end the task on screen, and how to say so; null for ones worth retrying in place. */
function stopFor(error: unknown): Stop | null {
  if (!(error instanceof ApiError)) return null;
  // The API's messages start in lower case, to read well after "error:"; here they stand alone.
  const message = error.message.charAt(0).toUpperCase() + error.message.slice(1);
  if (error.status === 410)
    return {
      title: 'Your time on this review ran out',
      message: 'The answer went back to the queue, so this verdict was not recorded.',
      allowed: true,
    };
  if (error.code === 'REVIEW_CLOSED')
    return { title: 'This review is already closed', message, allowed: true };
  if (error.status === 404) return { title: 'This review is no longer yours', message, allowed: true };
  if (error.status === 403) return { title: 'You may not review this project now', message, allowed: false };
  if (error.code === 'PROJECT_NOT_ACTIVE')
    return { title: 'This project is not reviewed now', message, allowed: false };
  return null;
}

const VERDICT_WORDS = { approve: 'Approved', reject: 'Rejected', fix: 'Fixed' } as const;

/** Why the answer waits for a person: the pass's reason and the screening checks that flagged it. */
function WhyInReview({ task }: { task: ReviewTask }) {
  const flagged = task.screening;
  // The pass's reason repeats the screening verdicts listed below; keep only what it adds (the consensus check).
  let rest = task.reason ?? '';
  for (const v of flagged) rest = rest.replace(v.reason, '');
  rest = rest.trim();
  return (
    <div className="review-why" data-testid="review-why">
      <span className="eyebrow">Why this answer is in review</span>
      {rest ? <p>{rest}</p> : flagged.length === 0 && <p>The quality pass could not decide it on its own.</p>}
      {flagged.length > 0 && (
        <ul className="verdicts">
          {flagged.map((v) => (
            <li key={`${v.rule}:${v.reason}`}>
              <span className={v.outcome === 'reject' ? 'badge badge-danger' : 'badge badge-warning'}>
                {ruleLabel(v.rule)}
              </span>
              <span className="small">{v.reason}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

/**
 * The reviewer's loop in one project: lease an answer, judge it (A approve, R reject with a reason,
 * F fix in the method's workspace), and the next one loads at once.
 */
export function ReviewLoop({ projectId, modality = 'text' }: { projectId: string; modality?: Modality }) {
  const [task, setTask] = useState<ReviewTask | null | undefined>(undefined);
  const [stop, setStop] = useState<Stop | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [mode, setMode] = useState<'view' | 'reject' | 'fix'>('view');
  const [busy, setBusy] = useState(false);
  const [expired, setExpired] = useState(false);
  const [done, setDone] = useState(0);
  const [last, setLast] = useState<{
    verdict: keyof typeof VERDICT_WORDS;
    message: string;
    late: boolean;
  } | null>(null);

  const load = useCallback(async () => {
    setStop(null);
    setLoadError(null);
    setSubmitError(null);
    setExpired(false);
    setMode('view');
    try {
      setTask(await apiClient.nextReview(projectId));
    } catch (e) {
      const s = stopFor(e);
      if (s) setStop(s);
      else setLoadError(errorMessage(e));
      setTask(null);
    }
  }, [projectId]);

  useEffect(() => {
    void load();
  }, [load]);

  async function submit(body: SubmitReviewInput) {
    if (!task || busy) return;
    setBusy(true);
    setSubmitError(null);
    try {
      const result = await apiClient.submitReview(task.id, body);
      setDone((n) => n + 1);
      setLast({
        verdict: result.verdict,
        message: result.message,
        late: result.outcome === 'already_decided',
      });
      await load();
    } catch (e) {
      const s = stopFor(e);
      if (s) {
        setStop(s);
        setTask(null);
        setMode('view');
      } else setSubmitError(`Could not record your review: ${errorMessage(e)}`);
    } finally {
      setBusy(false);
    }
  }

  const reject = (reasonCode: ReviewReason, note: string) =>
    void submit({ verdict: 'reject', reasonCode, ...(note ? { note } : {}) });
  const fix = (fixedAnswer: unknown) => void submit({ verdict: 'fix', fixedAnswer });
  const closeFix = useCallback(() => setMode('view'), []);
  const onExpire = useCallback(() => setExpired(true), []);

  useHotkeys(Boolean(task) && mode === 'view' && !busy && !expired, (event) => {
    if (isTyping(event) || hasModifier(event)) return false;
    const key = event.key.toLowerCase();
    if (key === 'a') void submit({ verdict: 'approve' });
    else if (key === 'r') setMode('reject');
    else if (key === 'f') setMode('fix');
    else return false;
    return true;
  });

  if (task === undefined) return <Loading label="Finding an answer to review…" />;

  const lastLine = last && (
    <span className="muted" data-testid="last-review">
      Last review: {VERDICT_WORDS[last.verdict].toLowerCase()}
    </span>
  );

  if (stop)
    return (
      <Alert
        tone={stop.allowed ? 'warning' : 'error'}
        title={stop.title}
        action={
          stop.allowed ? (
            <button type="button" className="btn btn-primary" onClick={() => void load()} autoFocus>
              Take the next review
            </button>
          ) : (
            <Link to="/review" className="btn">
              Back to the review queue
            </Link>
          )
        }
      >
        {stop.message}
      </Alert>
    );

  if (loadError)
    return (
      <Alert
        title="Could not get an answer to review"
        action={
          <button type="button" className="btn" onClick={() => void load()}>
            Try again
          </button>
        }
      >
        {loadError}
      </Alert>
    );

  if (task === null)
    return (
      <EmptyState icon="check" title="Nothing left to review">
        <p>
          {done > 0
            ? `You reviewed ${done} answer${done === 1 ? '' : 's'} in this session. `
            : 'No answer in this project is waiting for a review you could give. '}
          New ones arrive as the quality pass sends unsure answers to review.
        </p>
        {last?.late && <p>{last.message}</p>}
        <div className="row center">
          <button type="button" className="btn" onClick={() => void load()}>
            Check again
          </button>
          <Link to="/review" className="btn btn-primary">
            Back to the review queue
          </Link>
        </div>
      </EmptyState>
    );

  return (
    <section className="workspace card review-task" aria-label="Review" data-review={task.id}>
      <header className="workspace-header">
        <div className="workspace-status">
          <Countdown key={task.id} until={task.expiresAt} onExpire={onExpire} />
          <span className="muted">{done} reviewed this session</span>
          {lastLine}
        </div>
      </header>
      {last?.late && <Alert tone="info">{last.message}</Alert>}
      {expired && (
        <Alert
          tone="warning"
          title="Your time on this review ran out"
          action={
            <button type="button" className="btn btn-primary" onClick={() => void load()}>
              Take the next review
            </button>
          }
        >
          The answer went back to the queue; a verdict now would not count.
        </Alert>
      )}
      <WhyInReview task={task} />
      {task.instructions && (
        <details className="instructions-inline">
          <summary className="instructions-toggle">The task’s instructions</summary>
          <div className="instructions-body">{task.instructions}</div>
        </details>
      )}
      {submitError && <Alert>{submitError}</Alert>}
      {mode === 'fix' ? (
        <FixEditor
          key={task.id}
          annotation={task.annotation}
          modality={modality}
          data={task.item.data}
          answer={task.answer}
          busy={busy || expired}
          onFix={fix}
          onCancel={closeFix}
        />
      ) : (
        <>
          <div className="answer-head">
            <h3>The item and its answer</h3>
            <span className="muted small">Reviews are blind: you do not see who answered.</span>
          </div>
          <AnswerView
            annotation={task.annotation}
            modality={modality}
            data={task.item.data}
            answer={task.answer}
          />
          <div className="row review-actions">
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void submit({ verdict: 'approve' })}
              disabled={busy || expired}
            >
              Approve <Kbd>A</Kbd>
            </button>
            <button
              type="button"
              className="btn btn-danger"
              onClick={() => setMode('reject')}
              disabled={busy || expired}
            >
              Reject… <Kbd>R</Kbd>
            </button>
            <button type="button" className="btn" onClick={() => setMode('fix')} disabled={busy || expired}>
              Fix… <Kbd>F</Kbd>
            </button>
            {busy && <span className="muted">Recording your review…</span>}
          </div>
          <ShortcutLegend
            shortcuts={[
              { keys: ['A'], action: 'approve' },
              { keys: ['R'], action: 'reject with a reason' },
              { keys: ['1–6'], action: 'pick the reason' },
              { keys: ['F'], action: 'fix the answer' },
              { keys: ['Enter'], action: 'confirm' },
              { keys: ['Esc'], action: 'go back' },
            ]}
          />
        </>
      )}
      {mode === 'reject' && <RejectDialog busy={busy} onCancel={() => setMode('view')} onReject={reject} />}
    </section>
  );
}
