import { useState } from 'react';
import type { Project } from '../../shared/api.ts';
import { ApiError } from '../../shared/client.ts';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { Link, navigate } from '../lib/router.tsx';

/** For a community project's requester: publish its dataset once, freezing every contributor's share. */
export function PublishDatasetButton({ project }: { project: Project }) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [publishedId, setPublishedId] = useState<string | null>(null);
  if (project.taskType !== 'community') return null;

  async function publish() {
    if (
      !window.confirm(
        'Publish this dataset? Every contributor’s share is computed from the work approved so far and frozen: later answers will not count.',
      )
    )
      return;
    setBusy(true);
    setError(null);
    try {
      navigate(`/datasets/${(await apiClient.publishDataset(project.id)).id}`);
    } catch (e) {
      const details = e instanceof ApiError ? (e.details as { datasetId?: string } | undefined) : undefined;
      if (e instanceof ApiError && e.code === 'DATASET_ALREADY_PUBLISHED' && details?.datasetId)
        setPublishedId(details.datasetId);
      else setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  if (publishedId)
    return (
      <Link to={`/datasets/${publishedId}`} className="btn">
        View published dataset
      </Link>
    );
  return (
    <div className="stack">
      <button type="button" className="btn btn-primary" onClick={() => void publish()} disabled={busy}>
        {busy ? 'Publishing…' : 'Publish dataset'}
      </button>
      {error && (
        <p className="error small" role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
