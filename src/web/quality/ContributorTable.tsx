import { useState } from 'react';
import type { QualityReport } from '../../shared/api.ts';
import { Meter } from '../components/Meter.tsx';
import { shortAddress } from '../lib/format.ts';
import { FLAG_LABELS } from '../lib/qualityNames.ts';
import { Link } from '../lib/router.tsx';

type Contributor = QualityReport['contributors'][number];
type SortKey = 'address' | 'answers' | 'approved' | 'rejected' | 'gold' | 'agreement' | 'accuracy';
type Sort = { key: SortKey; descending: boolean };

/** Rows shown before "Show all": enough to spot the outliers at the top of any column. */
const CAP = 20;

const COLUMNS: { key: SortKey; label: string; numeric: boolean }[] = [
  { key: 'address', label: 'Contributor', numeric: false },
  { key: 'answers', label: 'Answers', numeric: true },
  { key: 'approved', label: 'Approved', numeric: true },
  { key: 'rejected', label: 'Rejected', numeric: true },
  { key: 'gold', label: 'Gold', numeric: true },
  { key: 'agreement', label: 'Agreement', numeric: true },
  { key: 'accuracy', label: 'Accuracy', numeric: true },
];

/** The value a column sorts by; contributors without a value sort last either way. */
function sortValue(c: Contributor, key: SortKey): number | string | null {
  switch (key) {
    case 'address':
      return (c.displayName ?? c.address).toLowerCase();
    case 'gold':
      return c.goldTotal === 0 ? null : c.goldCorrect / c.goldTotal;
    case 'agreement':
      return c.agreement;
    case 'accuracy':
      return c.accuracy;
    default:
      return c[key];
  }
}

function sorted(rows: Contributor[], sort: Sort): Contributor[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, sort.key);
    const y = sortValue(b, sort.key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const order = x < y ? -1 : x > y ? 1 : 0;
    return sort.descending ? -order : order;
  });
}

/** Each contributor's record on the project; click a column header to sort by it. */
export function ContributorTable({ contributors }: { contributors: Contributor[] }) {
  const [sort, setSort] = useState<Sort>({ key: 'answers', descending: true });
  const [showAll, setShowAll] = useState(false);
  if (contributors.length === 0) return <p className="muted">No contributors have answered yet.</p>;

  const rows = sorted(contributors, sort);
  const shown = showAll ? rows : rows.slice(0, CAP);
  function sortBy(key: SortKey) {
    // Numbers start from the largest, names from A.
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: key !== 'address' },
    );
  }

  return (
    <>
      <div className="table-scroll">
        <table className="table compact" data-testid="contributor-table">
          <thead>
            <tr>
              {COLUMNS.map((col) => {
                const active = sort.key === col.key;
                return (
                  <th
                    key={col.key}
                    className={col.numeric ? 'num' : undefined}
                    aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}
                  >
                    <button type="button" className="sort-button" onClick={() => sortBy(col.key)}>
                      {col.label}
                      <span className="sort-arrow" aria-hidden>
                        {active ? (sort.descending ? '▼' : '▲') : '↕'}
                      </span>
                    </button>
                  </th>
                );
              })}
              <th>Flags</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((c) => (
              <tr key={c.address}>
                <td className="nowrap">
                  <Link
                    to={`/u/${c.address}`}
                    className={c.displayName ? undefined : 'mono'}
                    title={c.address}
                  >
                    {c.displayName ?? shortAddress(c.address)}
                  </Link>
                </td>
                <td className="num">{c.answers.toLocaleString()}</td>
                <td className="num">{c.approved.toLocaleString()}</td>
                <td className="num">{c.rejected.toLocaleString()}</td>
                <td className="num nowrap">{c.goldTotal === 0 ? '—' : `${c.goldCorrect}/${c.goldTotal}`}</td>
                <td className="num">
                  <Meter share={c.agreement} label="Agreement with consensus" />
                </td>
                <td className="num">
                  <Meter share={c.accuracy} label="Estimated accuracy" />
                </td>
                <td>
                  <span className="tags">
                    {c.flagged.map((kind) => (
                      <span key={kind} className="badge badge-flag">
                        {FLAG_LABELS[kind]}
                      </span>
                    ))}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {rows.length > CAP && (
        <div className="row center">
          <button type="button" className="btn btn-small" onClick={() => setShowAll((s) => !s)}>
            {showAll ? `Show the top ${CAP}` : `Show all ${rows.length.toLocaleString()}`}
          </button>
        </div>
      )}
    </>
  );
}
