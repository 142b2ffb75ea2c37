import { Alert } from '../components/Alert.tsx';
import { EmptyState } from '../components/EmptyState.tsx';
import { Loading } from '../components/Loading.tsx';
import { TierBadge } from '../components/TierBadge.tsx';
import { apiClient } from '../lib/apiClient.ts';
import { formatPercent, shortAddress } from '../lib/format.ts';
import { Link, navigate, useLocation } from '../lib/router.tsx';
import { useSession } from '../lib/SessionProvider.tsx';
import { useAsync } from '../lib/useAsync.ts';

const PAGE_SIZE = 50;

/** Contributors by XP, 50 a page; the page lives in the address (?page=2) so it can be shared. */
export function LeaderboardPage() {
  const { me } = useSession();
  const { search } = useLocation();
  const page = Math.max(1, Math.floor(Number(search.get('page')) || 1));
  const board = useAsync(() => apiClient.leaderboard((page - 1) * PAGE_SIZE, PAGE_SIZE), [page]);
  const entries = board.data?.entries ?? [];
  const total = board.data?.total ?? 0;
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const mine = me?.address.toLowerCase();
  const goTo = (p: number) => navigate(p === 1 ? '/leaderboard' : `/leaderboard?page=${p}`);

  return (
    <div className="page">
      <header className="page-header">
        <div>
          <h1>Leaderboard</h1>
          <p className="muted">
            Contributors by XP. Accuracy is measured on gold items, reviews and consensus.
          </p>
        </div>
        <Link to="/profile" className="btn">
          Your profile
        </Link>
      </header>
      {board.error && (
        <Alert
          action={
            <button type="button" className="btn" onClick={board.reload}>
              Retry
            </button>
          }
        >
          {board.error}
        </Alert>
      )}
      {board.loading && !board.data ? (
        <Loading />
      ) : entries.length === 0 && !board.error ? (
        <EmptyState icon="compass" title={page > 1 ? 'Nobody on this page' : 'Nobody on the board yet'}>
          <p>Contributors appear here as soon as they earn XP.</p>
          {page > 1 ? (
            <Link to="/leaderboard" className="btn">
              First page
            </Link>
          ) : (
            <Link to="/tasks" className="btn btn-primary">
              Find a task
            </Link>
          )}
        </EmptyState>
      ) : (
        <div className="card table-card">
          <table className="table" data-testid="leaderboard">
            <thead>
              <tr>
                <th className="num">Rank</th>
                <th>Contributor</th>
                <th>Tier</th>
                <th className="num">Level</th>
                <th className="num">XP</th>
                <th className="num">Accuracy</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => {
                const isMe = e.address.toLowerCase() === mine;
                return (
                  <tr
                    key={e.address}
                    className={isMe ? 'me' : undefined}
                    aria-current={isMe ? 'true' : undefined}
                  >
                    <td className="num rank">#{e.rank.toLocaleString()}</td>
                    <td>
                      <Link to={`/u/${e.address}`} title={e.address}>
                        {e.displayName ?? <span className="mono">{shortAddress(e.address)}</span>}
                      </Link>
                      {isMe && <span className="badge you">you</span>}
                    </td>
                    <td>
                      <TierBadge tier={e.tier} />
                    </td>
                    <td className="num">{e.level}</td>
                    <td className="num">{e.xp.toLocaleString()}</td>
                    <td className="num">{e.accuracy === null ? '—' : formatPercent(e.accuracy)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {total > PAGE_SIZE && (
        <div className="row center">
          <button
            type="button"
            className="btn btn-small"
            disabled={page <= 1 || board.loading}
            onClick={() => goTo(page - 1)}
          >
            ← Previous
          </button>
          <span className="muted small">
            Page {page} of {pages} · {total.toLocaleString()} contributors
          </span>
          <button
            type="button"
            className="btn btn-small"
            disabled={page >= pages || board.loading}
            onClick={() => goTo(page + 1)}
          >
            Next →
          </button>
        </div>
      )}
    </div>
  );
}
