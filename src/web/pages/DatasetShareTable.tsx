import type { DatasetShare } from '../../shared/api.ts';
import { shortAddress } from '../lib/format.ts';
import { Link } from '../lib/router.tsx';

/** Parts per million as a percentage with up to four decimals (every share of a dataset adds up to 100%). */
export const formatPpm = (ppm: number) =>
  `${(ppm / 10_000).toLocaleString(undefined, { maximumFractionDigits: 4 })}%`;

/** A dataset's co-owners: address, integer weight, share and what was counted, the viewer's own row marked. */
export function DatasetShareTable({ shares, mine }: { shares: DatasetShare[]; mine: string | undefined }) {
  return (
    <table className="table" data-testid="dataset-shares">
      <thead>
        <tr>
          <th className="num">Rank</th>
          <th>Contributor</th>
          <th className="num">Weight</th>
          <th className="num">Share</th>
          <th className="num">Answers counted</th>
          <th className="num">Reviews counted</th>
          <th className="num">Accuracy</th>
        </tr>
      </thead>
      <tbody>
        {shares.map((s) => {
          const isMe = s.account.toLowerCase() === mine;
          return (
            <tr key={s.account} className={isMe ? 'me' : undefined} aria-current={isMe ? 'true' : undefined}>
              <td className="num rank">#{s.rank.toLocaleString()}</td>
              <td>
                <Link to={`/u/${s.account}`} title={s.account}>
                  <span className="mono">{shortAddress(s.account)}</span>
                </Link>
                {isMe && <span className="badge you">you</span>}
              </td>
              <td className="num mono">{BigInt(s.weight).toLocaleString()}</td>
              <td className="num">{formatPpm(s.sharePpm)}</td>
              <td className="num">{s.answersCounted.toLocaleString()}</td>
              <td className="num">{s.reviewsCounted.toLocaleString()}</td>
              <td className="num">{s.answersCounted ? formatPpm(s.accuracyPpm) : '—'}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
