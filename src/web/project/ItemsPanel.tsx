import { useState } from 'react';
import { Alert } from '../components/Alert.tsx';
import { Loading } from '../components/Loading.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { useAsync } from '../lib/useAsync.ts';

const PAGE_SIZE = 20;

function preview(data: Record<string, unknown>): string {
  const text = JSON.stringify(data);
  return text.length > 140 ? `${text.slice(0, 139)}…` : text;
}

/** An item's data at a glance: a thumbnail for images, its text, else its JSON. */
function ItemData({ data }: { data: Record<string, unknown> }) {
  const image = typeof data.image === 'string' ? data.image : null;
  const text =
    typeof data.text === 'string' ? data.text : typeof data.prompt === 'string' ? data.prompt : null;
  if (image) return <img className="item-thumb" src={image} alt="" loading="lazy" />;
  return <>{text ?? preview(data)}</>;
}

/** The project's items, a page at a time. */
export function ItemsPanel({ projectId, refreshKey }: { projectId: string; refreshKey: number }) {
  // Cursors of the pages seen so far, so Previous works without a backwards cursor from the API.
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const cursor = cursors[cursors.length - 1];
  const page = useAsync(
    () => apiClient.listItems(projectId, cursor ? { cursor, limit: PAGE_SIZE } : { limit: PAGE_SIZE }),
    [projectId, cursor, refreshKey],
  );
  const items = page.data?.items ?? [];

  return (
    <section className="card panel">
      <div className="panel-head">
        <h2>Items</h2>
        <span className="muted small">Page {cursors.length}</span>
      </div>
      {page.error && <Alert>{page.error}</Alert>}
      {page.loading && !page.data ? (
        <Loading />
      ) : items.length === 0 ? (
        <p className="muted">No items yet. Import a file above.</p>
      ) : (
        <div className="table-scroll">
          <table className="table compact">
            <thead>
              <tr>
                <th>ID</th>
                <th>Data</th>
                <th>Gold</th>
                <th className="num">Answers</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id}>
                  <td className="mono nowrap" title={item.id}>
                    {item.externalId ?? `${item.id.slice(0, 8)}…`}
                  </td>
                  <td className="small data-cell" title={JSON.stringify(item.data)}>
                    <ItemData data={item.data} />
                  </td>
                  <td>{item.isGold ? <span className="badge badge-exam">gold</span> : ''}</td>
                  <td className="num">{item.answerCount}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="row">
        <button
          type="button"
          className="btn btn-small"
          disabled={cursors.length <= 1 || page.loading}
          onClick={() => setCursors((c) => c.slice(0, -1))}
        >
          ← Previous
        </button>
        <button
          type="button"
          className="btn btn-small"
          disabled={!page.data?.nextCursor || page.loading}
          onClick={() => {
            const next = page.data?.nextCursor;
            if (next) setCursors((c) => [...c, next]);
          }}
        >
          Next →
        </button>
      </div>
    </section>
  );
}
