import { useState } from 'react';
import type { DatasetShare } from '../../shared/api.ts';
import { CopyButton } from '../chain/CopyButton.tsx';
import { Alert } from '../components/Alert.tsx';
import { HBarChart } from '../components/HBarChart.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatDate, shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';
import { RegisterDatasetButton } from '../market/RegisterDatasetButton.tsx';
import { DatasetFormula } from './DatasetFormula.tsx';
import { DatasetShareTable } from './DatasetShareTable.tsx';

const PAGE_SIZE = 50;
const TOP = 10;

/** A published community dataset: what it holds, its license, the share formula, its co-owners and their root. */
export function DatasetPage({ datasetId }: { datasetId: string }) {
  const { me } = useSession();
  const loaded = useAsync(() => apiClient.dataset(datasetId, PAGE_SIZE), [datasetId]);
  const [more, setMore] = useState<{ shares: DatasetShare[]; nextCursor: string | null } | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (loaded.loading && !loaded.data) return <Loading />;
  const detail = loaded.data;
  if (!detail)
    return (
      <div className="page">
        <Alert title="Could not open this dataset" action={<Link to="/datasets">All datasets</Link>}>
          {loaded.error ?? 'No published dataset with this id.'}
        </Alert>
      </div>
    );

  const { dataset, formula } = detail;
  const shares = [...detail.shares, ...(more?.shares ?? [])];
  const nextCursor = more ? more.nextCursor : detail.nextCursor;
  async function loadMore() {
    if (!nextCursor) return;
    setBusy(true);
    setError(null);
    try {
      const page = await apiClient.datasetShares(dataset.id, nextCursor, PAGE_SIZE);
      setMore({ shares: [...(more?.shares ?? []), ...page.shares], nextCursor: page.nextCursor });
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }
  const top = detail.shares.slice(0, TOP).map((s) => ({
    key: s.account,
    label: shortAddress(s.account),
    value: Math.round(s.sharePpm / 100) / 100,
  }));

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>{dataset.name}</h1>
          <p className="meta-line">
            <span className="badge">{dataset.method.replace('_', ' ')}</span>
            <span className="badge badge-quiet">{dataset.modality}</span>
            <span className="muted">published {formatDate(dataset.publishedAt)}</span>
          </p>
          {dataset.description && <p className="muted">{dataset.description}</p>}
        </div>
        <Link to="/datasets" className="btn">
          All datasets
        </Link>
      </header>
      <RegisterDatasetButton dataset={dataset} onRegistered={loaded.reload} />

      <div className="project-grid">
        <div className="stack">
          <section className="card panel" aria-label="Size">
            <h2>Size</h2>
            <dl className="stats plain-stats" data-testid="dataset-size">
              <div>
                <dt>Rows</dt>
                <dd>{dataset.rowCount.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Approved answers</dt>
                <dd>{dataset.answerCount.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Accepted reviews</dt>
                <dd>{dataset.reviewCount.toLocaleString()}</dd>
              </div>
              <div>
                <dt>Co-owners</dt>
                <dd>{dataset.contributorCount.toLocaleString()}</dd>
              </div>
            </dl>
          </section>
          <section className="card panel" aria-label="License">
            <h2>License</h2>
            <p data-testid="dataset-license">{dataset.licenseSummary}</p>
          </section>
          <section className="card panel" aria-label="Share root">
            <h2>Share root</h2>
            <p className="mono small hash" data-testid="dataset-root">
              {dataset.shareRoot} <CopyButton text={dataset.shareRoot} />
            </p>
            <p className="muted small">
              The Merkle root of (address, weight) leaves over {BigInt(dataset.totalWeight).toLocaleString()}{' '}
              weight in all. Each row below carries its proof;{' '}
              {dataset.commitTxHash
                ? `committed on chain in ${shortAddress(dataset.commitTxHash)}.`
                : 'it is not committed on chain yet.'}
            </p>
          </section>
        </div>
        <div className="stack">
          <DatasetFormula formula={formula} />
          {top.length > 0 && (
            <section className="card panel" aria-label="Top shares">
              <h2>Top shares, %</h2>
              <HBarChart bars={top} label="Share %" />
            </section>
          )}
        </div>
      </div>

      <section className="card table-card" aria-label="Co-owners">
        <DatasetShareTable shares={shares} mine={me?.address.toLowerCase()} />
      </section>
      {error && <Alert>{error}</Alert>}
      {nextCursor && (
        <div className="row center">
          <button type="button" className="btn btn-small" disabled={busy} onClick={() => void loadMore()}>
            Show more co-owners
          </button>
          <span className="muted small">
            {shares.length.toLocaleString()} of {dataset.contributorCount.toLocaleString()}
          </span>
        </div>
      )}
    </div>
  );
}
