import { useCallback, useEffect, useRef, useState } from 'react';
import type { Assignment, TaskDetail } from '../../shared/api.ts';
import { Workspace } from '../annotate/Workspace.tsx';
import { Alert } from '../components/Alert.tsx';
import { Countdown } from '../components/Countdown.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import type { SkipReason } from '../components/SkipDialog.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatCrv } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

/** Warms the browser cache for an assignment's media so the next item shows at once. */
function preloadMedia(assignment: Assignment | null): void {
  const image = assignment?.item.data.image;
  if (typeof image === 'string' && image) new Image().src = image;
}

/** A lease that ends within this many milliseconds is not worth starting. */
const LEASE_MARGIN_MS = 5000;

/** The labeling loop: one assignment on screen, the next one already leased and its media loading. */
export function WorkLoop({ task }: { task: TaskDetail }) {
  const projectId = task.projectId;
  const [current, setCurrent] = useState<Assignment | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  const [expired, setExpired] = useState(false);
  const [done, setDone] = useState(0);
  const [last, setLast] = useState<{ ledgerSeq: number } | null>(null);
  const nextRef = useRef<Promise<Assignment | null> | null>(null);
  const keys = useRef(new Map<string, string>());

  const preloadNext = useCallback(
    (currentId: string) => {
      const promise = apiClient.nextAssignment(projectId, currentId).then(
        (a) => {
          // At the live-lease limit the server hands back the lease on screen: nothing new to preload.
          if (a && a.id === currentId) return null;
          preloadMedia(a);
          return a;
        },
        () => null,
      );
      nextRef.current = promise;
    },
    [projectId],
  );

  const advance = useCallback(async () => {
    setError(null);
    setExpired(false);
    try {
      let next = nextRef.current ? await nextRef.current : null;
      nextRef.current = null;
      if (next && new Date(next.expiresAt).getTime() - Date.now() < LEASE_MARGIN_MS) next = null;
      // A null preload may be stale (leases return to the pool): ask once more before saying "done".
      if (!next) next = await apiClient.nextAssignment(projectId);
      setCurrent(next);
      if (next) preloadNext(next.id);
    } catch (e) {
      setError(errorMessage(e));
      setCurrent(null);
    }
  }, [projectId, preloadNext]);

  useEffect(() => {
    nextRef.current = null;
    void advance();
  }, [advance]);

  // Leaving the task hands back the item on screen and the preloaded one, so others need not wait for the lease.
  const currentRef = useRef<Assignment | null | undefined>(undefined);
  currentRef.current = current;
  useEffect(() => {
    const release = () => {
      const onScreen = currentRef.current;
      if (onScreen) void apiClient.release(onScreen.id).catch(() => {});
      void nextRef.current?.then((next) => next && apiClient.release(next.id)).catch(() => {});
      currentRef.current = null;
      nextRef.current = null;
    };
    window.addEventListener('pagehide', release);
    return () => {
      window.removeEventListener('pagehide', release);
      release();
    };
  }, []);

  const onAnswer = useCallback(
    async (answer: unknown, durationMs: number) => {
      if (!current) return;
      let idempotencyKey = keys.current.get(current.id);
      if (!idempotencyKey) {
        idempotencyKey = crypto.randomUUID();
        keys.current.set(current.id, idempotencyKey);
      }
      const result = await apiClient.submitAnswer(current.id, { answer, durationMs, idempotencyKey });
      keys.current.delete(current.id);
      setDone((n) => n + 1);
      setLast({ ledgerSeq: result.ledgerSeq });
      await advance();
    },
    [current, advance],
  );

  const onSkip = useCallback(
    async (reason: SkipReason, note: string) => {
      if (!current) return;
      await apiClient.skip(current.id, reason, note || undefined);
      await advance();
    },
    [current, advance],
  );

  const onExpire = useCallback(() => setExpired(true), []);

  if (current === undefined) return <Loading label="Finding your next item…" />;

  if (error)
    return (
      <Alert
        title="Could not get an item"
        action={
          <button type="button" className="btn" onClick={() => void advance()}>
            Try again
          </button>
        }
      >
        {error}
      </Alert>
    );

  if (current === null)
    return (
      <EmptyState
        icon="check"
        title={
          done > 0 ? `Nice work — ${done} item${done === 1 ? '' : 's'} labeled` : 'Nothing left for you here'
        }
      >
        <p>
          There are no more items you can label in this task right now: they are all taken, answered, or you
          reached today’s cap. New items may arrive later.
        </p>
        {last && <p className="muted">Last answer recorded in the ledger as #{last.ledgerSeq}</p>}
        <div className="row center">
          <button type="button" className="btn" onClick={() => void advance()}>
            Check again
          </button>
          <Link to="/tasks" className="btn btn-primary">
            Find another task
          </Link>
          <Link to="/history" className="btn">
            See your history
          </Link>
        </div>
      </EmptyState>
    );

  const header = (
    <div className="workspace-status">
      <Countdown key={current.id} until={current.expiresAt} onExpire={onExpire} />
      <span className="muted">
        {done} labeled this session · {task.doneToday + done}/{task.dailyCap} today
      </span>
      {task.taskType !== 'community' && (
        <span className="muted">{formatCrv(task.rewardPerItemWei)} per item</span>
      )}
      {last && <span className="muted">Last answer recorded in the ledger as #{last.ledgerSeq}</span>}
    </div>
  );

  return (
    <>
      <Workspace
        key={current.id}
        annotation={task.annotation}
        modality={task.modality}
        assignment={current}
        onAnswer={onAnswer}
        onSkip={onSkip}
        header={header}
        expired={expired}
      />
      {expired && (
        <div className="row center">
          <button type="button" className="btn btn-primary" onClick={() => void advance()}>
            Get another item
          </button>
        </div>
      )}
    </>
  );
}
