import type { Profile } from '../../shared/api.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { formatDate } from '../lib/format.ts';

/** Achievements as cards, newest first, each with the XP it gave and when. */
export function Achievements({ achievements, own }: { achievements: Profile['achievements']; own: boolean }) {
  if (achievements.length === 0)
    return (
      <EmptyState icon="compass" title="No achievements yet">
        <p>
          {own
            ? 'They come with approved answers, daily streaks and accurate work.'
            : 'This contributor has not earned any yet.'}
        </p>
      </EmptyState>
    );
  const newestFirst = [...achievements].sort((a, b) => b.earnedAt.localeCompare(a.earnedAt));
  return (
    <ul className="achievements">
      {newestFirst.map((a) => (
        <li key={a.id} className="achievement">
          <span className="achievement-mark" aria-hidden>
            ★
          </span>
          <div>
            <strong>{a.title}</strong>
            <p className="muted small">{a.description}</p>
            <span className="small">
              <span className="badge badge-exam">+{a.xp.toLocaleString()} XP</span>{' '}
              <span className="muted">earned {formatDate(a.earnedAt)}</span>
            </span>
          </div>
        </li>
      ))}
    </ul>
  );
}
