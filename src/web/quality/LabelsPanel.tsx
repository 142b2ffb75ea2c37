import { useCallback, useEffect, useState } from 'react';
import type { ItemLabelEntry } from '../../shared/api.ts';
import type { Method } from '../../shared/methods.ts';
import { Alert } from '../components/Alert.tsx';
import { AnswerSummary } from '../components/AnswerSummary.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { Meter } from '../components/Meter.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';

const PAGE_SIZE = 25;

const SOURCE_LABELS: Record<ItemLabelEntry['source'], string> = {
  aggregation: 'Aggregation',
  review: 'Review',
  qa: 'QA',
};

/** The labels the quality pass decided, item by item, a page at a time. */
export function LabelsPanel({
  projectId,
  method,
  refreshKey,
}: {
  projectId: string;
  method: Method;
  refreshKey: number;
}) {
  const [labels, setLabels] = useState<ItemLabelEntry[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    async (from?: string) => {
      setLoading(true);
      setError(null);
      try {
        const page = await apiClient.labels(projectId, from, PAGE_SIZE);
        setLabels((list) => (from ? [...list, ...page.labels] : page.labels));
        setCursor(page.nextCursor);
      } catch (e) {
        setError(errorMessage(e));
      } finally {
        setLoading(false);
      }
    },
    [projectId],
  );

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey starts over after a quality pass
  useEffect(() => {
    void load();
  }, [load, refreshKey]);

  return (
    <section className="card panel" aria-label="Labels">
      <div className="panel-head">
        <h2>Labels</h2>
        {labels.length > 0 && <span className="muted small">{labels.length.toLocaleString()} shown</span>}
      </div>
      {error && <Alert>{error}</Alert>}
      {cursor === undefined && loading ? (
        <Loading />
      ) : labels.length === 0 && !error ? (
        <EmptyState icon="note" title="No answers decided yet">
          <p>Labels appear once items get their answers.</p>
        </EmptyState>
      ) : (
        <div className="table-scroll">
          <table className="table compact" data-testid="labels-table">
            <thead>
              <tr>
                <th>Item</th>
                <th>Label</th>
                <th>Confidence</th>
                <th className="num">Answers</th>
                <th>Status</th>
                <th>Source</th>
              </tr>
            </thead>
            <tbody>
              {labels.map((l) => (
                <tr key={l.itemId}>
                  <td className="mono nowrap" title={`item ${l.itemId}`}>
                    {l.externalId ?? `#${l.itemId}`}
                  </td>
                  <td className="data-cell">
                    <AnswerSummary method={method} answer={l.label} />
                  </td>
                  <td>
                    <Meter share={l.confidence} label="Confidence" />
                  </td>
                  <td className="num">{l.answerCount}</td>
                  <td>
                    {l.isFinal ? (
                      <span className="badge">final</span>
                    ) : (
                      <span className="badge badge-quiet">open</span>
                    )}
                  </td>
                  <td className="muted small">{SOURCE_LABELS[l.source]}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {cursor && (
        <div className="row center">
          <button
            type="button"
            className="btn btn-small"
            onClick={() => void load(cursor)}
            disabled={loading}
          >
            {loading ? 'Loading…' : 'Load more'}
          </button>
        </div>
      )}
    </section>
  );
}
