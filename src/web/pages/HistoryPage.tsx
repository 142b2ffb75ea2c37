import type { HistoryEntry } from '../../shared/api.ts';
import { METHOD_LABELS } from '../../shared/methods.ts';
import { AnswerSummary } from '../components/AnswerSummary.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { LoadMoreButton, LoadMoreError } from '../components/LoadMoreControls.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatCrv, formatDateTime } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';
import { useLoadMore } from '../lib/useLoadMore.ts';

/** Every answer the contributor gave, newest first, with its ledger entry and reward. */
export function HistoryPage() {
  const list = useLoadMore<HistoryEntry>((from) =>
    apiClient
      .history(from ? { cursor: from } : {})
      .then((p) => ({ items: p.entries, nextCursor: p.nextCursor })),
  );
  const { items: entries, cursor, loading, error } = list;

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>History</h1>
          <p className="muted">Each answer is an entry in the project’s hash-chained contribution ledger.</p>
        </div>
      </header>
      <LoadMoreError list={list} />
      {cursor === undefined && loading ? (
        <Loading />
      ) : entries.length === 0 && !error ? (
        <EmptyState icon="note" title="No answers yet">
          <p>Your answers and what they earned will show up here.</p>
          <Link to="/tasks" className="btn btn-primary">
            Find a task
          </Link>
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table">
            <thead>
              <tr>
                <th>Project</th>
                <th>Method</th>
                <th>Answer</th>
                <th>When</th>
                <th className="num">Ledger</th>
                <th className="num">Reward</th>
                <th>
                  <span className="sr-only">Proof</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.answerId}>
                  <td>
                    <Link to={`/tasks/${e.projectId}`}>{e.projectName}</Link>
                  </td>
                  <td className="muted">{METHOD_LABELS[e.method]}</td>
                  <td>
                    <AnswerSummary method={e.method} answer={e.answer} />
                  </td>
                  <td className="muted nowrap">{formatDateTime(e.createdAt)}</td>
                  <td className="num mono">#{e.ledgerSeq}</td>
                  <td className="num nowrap">{formatCrv(e.rewardWei)}</td>
                  <td>
                    <Link to={`/verify/${e.answerId}`} aria-label={`Verify answer #${e.answerId} on chain`}>
                      Verify
                    </Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <LoadMoreButton list={list} />
    </div>
  );
}
