import { useCallback, useEffect, useRef, useState } from 'react';
import type { Assignment, ExamStatus, TaskDetail } from '../../shared/api.ts';
import { Workspace } from '../annotate/Workspace.tsx';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import type { SkipReason } from '../components/SkipDialog.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatPercent } from '../lib/format.ts';

/** The qualification exam: gold questions answered in the same workspace, then the result. */
export function ExamFlow({ task, onPassed }: { task: TaskDetail; onPassed: () => void }) {
  const projectId = task.projectId;
  const [status, setStatus] = useState<ExamStatus | null>(null);
  const [queue, setQueue] = useState<Assignment[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);
  const keys = useRef(new Map<string, string>());

  const refresh = useCallback(async () => {
    try {
      setStatus(await apiClient.examStatus(projectId));
      setError(null);
    } catch (e) {
      setError(errorMessage(e));
    }
  }, [projectId]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  async function start() {
    setStarting(true);
    setError(null);
    try {
      const started = await apiClient.startExam(projectId);
      setStatus(started.status);
      setQueue(started.assignments);
      if (started.assignments.length === 0 && started.status.status === 'in_progress') {
        setError('The exam has no questions for you right now. Try again in a moment.');
      }
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setStarting(false);
    }
  }

  const current = queue[0];

  const onAnswer = useCallback(
    async (answer: unknown, durationMs: number) => {
      if (!current) return;
      let idempotencyKey = keys.current.get(current.id);
      if (!idempotencyKey) {
        idempotencyKey = crypto.randomUUID();
        keys.current.set(current.id, idempotencyKey);
      }
      const result = await apiClient.submitAnswer(current.id, { answer, durationMs, idempotencyKey });
      const rest = queue.slice(1);
      setQueue(rest);
      if (result.exam) setStatus(result.exam);
      else if (rest.length === 0) await refresh();
    },
    [current, queue, refresh],
  );

  const onSkip = useCallback(
    async (reason: SkipReason, note: string) => {
      if (!current) return;
      await apiClient.skip(current.id, reason, note || undefined);
      const rest = queue.slice(1);
      setQueue(rest);
      if (rest.length === 0) await refresh();
    },
    [current, queue, refresh],
  );

  if (!status) return error ? <Alert title="Could not load the exam">{error}</Alert> : <Loading />;

  const finished = status.status === 'passed' || status.status === 'failed';
  if (current && !finished) {
    const number = status.answered + 1;
    return (
      <Workspace
        key={current.id}
        annotation={task.annotation}
        modality={task.modality}
        assignment={current}
        onAnswer={onAnswer}
        onSkip={onSkip}
        header={
          <div className="workspace-status">
            <span className="badge badge-exam">Exam</span>
            <span>
              Question {Math.min(number, status.questionCount)} of {status.questionCount}
            </span>
            <ProgressBar value={status.answered} max={status.questionCount} label="Exam progress" />
          </div>
        }
      />
    );
  }

  const attemptsLeft = Math.max(0, status.maxAttempts - status.attemptsUsed);
  const score = status.score ?? (status.answered > 0 ? status.correct / status.answered : null);

  return (
    <section className="card exam">
      {error && <Alert>{error}</Alert>}
      {status.status === 'passed' && (
        <>
          <div className="result result-pass">
            <span className="result-icon" aria-hidden>
              ✓
            </span>
            <div>
              <h2>You passed the qualification exam</h2>
              <p>
                Score {score === null ? '—' : formatPercent(score)} (needed {formatPercent(status.passRate)}).
                You can now label items in this task.
              </p>
            </div>
          </div>
          <button type="button" className="btn btn-primary" onClick={onPassed} autoFocus>
            Start labeling
          </button>
        </>
      )}
      {status.status === 'failed' && (
        <>
          <div className="result result-fail">
            <span className="result-icon" aria-hidden>
              ✕
            </span>
            <div>
              <h2>You did not pass this time</h2>
              <p>
                Score {score === null ? '—' : formatPercent(score)}; this task needs{' '}
                {formatPercent(status.passRate)}.{' '}
                {attemptsLeft > 0
                  ? `You have ${attemptsLeft} attempt${attemptsLeft === 1 ? '' : 's'} left. Reread the instructions above, then try again.`
                  : 'You have no attempts left for this task; other tasks are waiting for you.'}
              </p>
            </div>
          </div>
          {attemptsLeft > 0 && (
            <button
              type="button"
              className="btn btn-primary"
              onClick={() => void start()}
              disabled={starting}
            >
              {starting ? 'Starting…' : 'Try again'}
            </button>
          )}
        </>
      )}
      {(status.status === 'not_started' || status.status === 'in_progress') && (
        <>
          <h2>Qualification exam</h2>
          <p>
            Before labeling, answer {status.questionCount} question{status.questionCount === 1 ? '' : 's'}{' '}
            whose answers are known. You need {formatPercent(status.passRate)} right to pass.{' '}
            {status.maxAttempts > 1
              ? `You have ${attemptsLeft} of ${status.maxAttempts} attempts.`
              : 'You have one attempt.'}
          </p>
          {status.status === 'in_progress' && (
            <p className="muted">
              You answered {status.answered} of {status.questionCount} so far.
            </p>
          )}
          <button
            type="button"
            className="btn btn-primary"
            onClick={() => void start()}
            disabled={starting}
            autoFocus
          >
            {starting
              ? 'Starting…'
              : status.status === 'in_progress'
                ? 'Continue the exam'
                : 'Start the exam'}
          </button>
        </>
      )}
      {status.status === 'not_required' && (
        <>
          <p>This task has no exam.</p>
          <button type="button" className="btn btn-primary" onClick={onPassed}>
            Start labeling
          </button>
        </>
      )}
    </section>
  );
}
