import { useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatDate } from '../lib/format.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useAsync } from '../lib/useAsync.ts';

const PAGE_SIZE = 50;

/** Published community datasets, newest first, searchable by name; the search and cursor live in the address. */
export function DatasetsPage() {
  const { search } = useLocation();
  const query = search.get('q') ?? '';
  const cursor = search.get('after') ?? undefined;
  const [typed, setTyped] = useState(query);
  const list = useAsync(
    () =>
      apiClient.datasets({
        ...(query ? { search: query } : {}),
        ...(cursor ? { cursor } : {}),
        limit: PAGE_SIZE,
      }),
    [query, cursor],
  );
  const datasets = list.data?.datasets ?? [];
  const go = (q: string, after?: string) => {
    const params = new URLSearchParams();
    if (q) params.set('q', q);
    if (after) params.set('after', after);
    const qs = params.toString();
    navigate(qs ? `/datasets?${qs}` : '/datasets');
  };

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Datasets</h1>
          <p className="muted">
            Community datasets, co-owned by the contributors whose approved work they hold.
          </p>
        </div>
        <form
          className="row search-row"
          aria-label="Search datasets"
          onSubmit={(e) => {
            e.preventDefault();
            go(typed.trim());
          }}
        >
          <input
            type="search"
            className="search-input"
            aria-label="Search datasets by name"
            placeholder="Search by name"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
          />
          <button type="submit" className="btn">
            Search
          </button>
        </form>
      </header>
      {list.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={list.reload}>
              Retry
            </button>
          }
        >
          {list.error}
        </Alert>
      )}
      {list.loading && !list.data ? (
        <Loading />
      ) : datasets.length === 0 && !list.error ? (
        <EmptyState icon="compass" title={query ? `No dataset named like “${query}”` : 'No datasets yet'}>
          <p>A community project’s requester publishes its dataset once its answers are approved.</p>
          {(query || cursor) && (
            <Link to="/datasets" className="btn">
              All datasets
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="datasets">
            <thead>
              <tr>
                <th>Name</th>
                <th>Method</th>
                <th className="num">Rows</th>
                <th className="num">Co-owners</th>
                <th>Published</th>
              </tr>
            </thead>
            <tbody>
              {datasets.map((d) => (
                <tr key={d.id}>
                  <td>
                    <Link to={`/datasets/${d.id}`}>{d.name}</Link>
                  </td>
                  <td>{d.method.replace('_', ' ')}</td>
                  <td className="num">{d.rowCount.toLocaleString()}</td>
                  <td className="num">{d.contributorCount.toLocaleString()}</td>
                  <td>{formatDate(d.publishedAt)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {(cursor || list.data?.nextCursor) && (
        <div className="row center">
          {cursor && (
            <button type="button" className="btn btn-small" onClick={() => go(query)}>
              ← Newest
            </button>
          )}
          {list.data?.nextCursor && (
            <button
              type="button"
              className="btn btn-small"
              disabled={list.loading}
              onClick={() => go(query, list.data!.nextCursor!)}
            >
              Older →
            </button>
          )}
        </div>
      )}
    </div>
  );
}
