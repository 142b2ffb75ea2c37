import { METHOD_LABELS } from '../../shared/methods.ts';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { ReviewLoop } from '../review/ReviewLoop.tsx';

/** Reviewing one project: its name and pay from the queue, then the review loop. */
export function ReviewProjectPage({ projectId }: { projectId: string }) {
  // The loop works without it: a project missing from the queue says why when the loop asks for a review.
  const queue = useAsync(() => apiClient.reviewQueue(), [projectId]);
  const entry = queue.data?.projects.find((p) => p.projectId === projectId);

  return (
    <div className="page review-page">
      <nav className="breadcrumb">
        <Link to="/review">Review</Link> <span aria-hidden>›</span> <span>{entry?.name ?? 'Project'}</span>
      </nav>
      <header className="page-header">
        <div>
          <h1>{entry ? `Review: ${entry.name}` : 'Review'}</h1>
          {entry && (
            <p className="meta-line">
              <span className="badge">{METHOD_LABELS[entry.method]}</span>
              <span className="badge badge-quiet">{entry.modality}</span>
              {BigInt(entry.rewardWei) > 0n ? (
                <span>
                  <strong>{formatCrv(entry.rewardWei)}</strong> per review
                </span>
              ) : (
                <span className="muted">Unpaid reviews</span>
              )}
            </p>
          )}
        </div>
      </header>
      <ReviewLoop projectId={projectId} modality={entry?.modality ?? 'text'} />
    </div>
  );
}
