import { REVIEW_WAITING_CAP, type ReviewQueue } from '../../shared/api.ts';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatPercent } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

type Stats = ReviewQueue['stats'];

/** "83% (5 of 6)" for control reviews, or a dash before the first. */
function goldScore(stats: Stats): string {
  if (stats.goldTotal === 0) return '—';
  return `${formatPercent(stats.goldCorrect / stats.goldTotal)} (${stats.goldCorrect} of ${stats.goldTotal})`;
}

/** A reviewer's numbers: reviews done, control reviews judged right, and what reviewing paid. */
function ReviewStats({ stats }: { stats: Stats }) {
  return (
    <dl className="stats review-stats" data-testid="review-stats">
      <div className="stat">
        <dt>Reviews done</dt>
        <dd>{stats.done.toLocaleString()}</dd>
      </div>
      <div className="stat" title="Some reviews are control reviews of answers whose correctness is known">
        <dt>Gold-review score</dt>
        <dd>{goldScore(stats)}</dd>
      </div>
      <div className="stat">
        <dt>Earned</dt>
        <dd>{formatCrv(stats.earnedWei)}</dd>
      </div>
    </dl>
  );
}

function ProjectCard({ entry }: { entry: ReviewQueue['projects'][number] }) {
  const paid = BigInt(entry.rewardWei) > 0n;
  return (
    <li className="card task-card" data-testid="review-project">
      <header className="task-card-head">
        <span className="badge">{METHOD_LABELS[entry.method]}</span>
        <span className="badge badge-quiet">{entry.modality}</span>
      </header>
      <h2 className="task-card-title">{entry.name}</h2>
      {entry.description && <p className="task-card-desc">{entry.description}</p>}
      <dl className="facts">
        <div>
          <dt>Waiting</dt>
          <dd>
            <strong>{countUpToCap(entry.waiting)}</strong> answer{entry.waiting === 1 ? '' : 's'}
          </dd>
        </div>
        <div>
          <dt>Per review</dt>
          <dd>
            {paid ? <strong>{formatCrv(entry.rewardWei)}</strong> : <span className="muted">Unpaid</span>}
          </dd>
        </div>
        <div>
          <dt>Your reviews here</dt>
          <dd>{entry.stats.done.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Gold-review score</dt>
          <dd>{goldScore(entry.stats)}</dd>
        </div>
      </dl>
      <footer className="task-card-foot">
        <Link
          to={`/review/${entry.projectId}`}
          className={entry.waiting > 0 ? 'btn btn-primary' : 'btn'}
          aria-label={`Review ${entry.name}`}
        >
          {entry.waiting > 0 ? 'Start reviewing' : 'Open'}
        </Link>
      </footer>
    </li>
  );
}

/** A waiting count as the API gives it: counted up to a cap, so the cap reads as "100+". */
function countUpToCap(n: number, capped = n >= REVIEW_WAITING_CAP) {
  return `${n.toLocaleString()}${capped ? '+' : ''}`;
}

/** The reviewer's queue: the projects they may review now, what waits in each, and their own record. */
export function ReviewPage() {
  const { me } = useSession();
  const queue = useAsync(() => apiClient.reviewQueue(), []);
  const projects = queue.data?.projects ?? [];
  const waiting = projects.reduce((sum, p) => sum + p.waiting, 0);
  const withWaiting = projects.filter((p) => p.waiting > 0).length;
  const capped = projects.some((p) => p.waiting >= REVIEW_WAITING_CAP);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Review</h1>
          <p className="muted">
            Judge answers the quality pass could not decide on its own: approve, reject with a reason, or fix
            them. Reviews are blind, and some are control reviews that score you.
          </p>
        </div>
      </header>
      {queue.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={queue.reload}>
              Retry
            </button>
          }
        >
          {queue.error}
        </Alert>
      )}
      {queue.loading && !queue.data ? (
        <Loading />
      ) : queue.data ? (
        <>
          <ReviewStats stats={queue.data.stats} />
          {projects.length === 0 ? (
            <EmptyState icon="inbox" title="No projects for you to review yet">
              <p>
                Each project sets who may review its answers: a minimum level and a measured accuracy on its
                annotation method (by default level 2 and 80%).
                {me && !me.isReviewer ? ` You are level ${me.level}.` : ''} Label items carefully to raise
                both; trusted reviewers, and requesters on their own projects, may review without them.
              </p>
              <p>A project also stops taking reviews from anyone whose control reviews fall under its bar.</p>
              <div className="row center">
                <Link to="/tasks" className="btn btn-primary">
                  Find a task to label
                </Link>
              </div>
            </EmptyState>
          ) : (
            <>
              <p className="muted" data-testid="review-waiting">
                {waiting === 0
                  ? 'Nothing is waiting for review right now.'
                  : `${countUpToCap(waiting, capped)} answer${waiting === 1 ? '' : 's'} waiting in ${withWaiting} project${withWaiting === 1 ? '' : 's'}.`}
              </p>
              <ul className="grid review-projects">
                {projects.map((p) => (
                  <ProjectCard key={p.projectId} entry={p} />
                ))}
              </ul>
            </>
          )}
        </>
      ) : null}
    </div>
  );
}
