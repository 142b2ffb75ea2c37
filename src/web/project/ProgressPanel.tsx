import { useEffect, useState } from 'react';
import type { ProjectStats } from '../../shared/api.ts';
import { Alert } from '../components/Alert.tsx';
import { HourlyChart } from '../components/HourlyChart.tsx';
import { Loading } from '../components/Loading.tsx';
import { ProgressBar } from '../components/ProgressBar.tsx';
import { apiClient, errorMessage } from '../lib/apiClient.ts';
import { formatCrv, formatPercent } from '../lib/format.ts';

const POLL_MS = 3000;

/** Live progress of a project, polled every 3 seconds while the page is visible. */
export function ProgressPanel({
  projectId,
  budgetWei,
  refreshKey,
}: {
  projectId: string;
  budgetWei: string;
  refreshKey: number;
}) {
  const [stats, setStats] = useState<ProjectStats | null>(null);
  const [error, setError] = useState<string | null>(null);

  // biome-ignore lint/correctness/useExhaustiveDependencies: refreshKey asks for an immediate reload after an import
  useEffect(() => {
    let live = true;
    let timer: number | undefined;
    async function poll() {
      if (document.visibilityState === 'visible') {
        try {
          const next = await apiClient.projectStats(projectId);
          if (!live) return;
          setStats(next);
          setError(null);
        } catch (e) {
          if (live) setError(errorMessage(e));
        }
      }
      if (live) timer = window.setTimeout(poll, POLL_MS);
    }
    void poll();
    return () => {
      live = false;
      window.clearTimeout(timer);
    };
  }, [projectId, refreshKey]);

  if (!stats) return <section className="card panel">{error ? <Alert>{error}</Alert> : <Loading />}</section>;

  // Gold items check contributors; they are not part of the work to finish.
  const workItems = stats.itemCount - stats.goldCount;
  const budget = BigInt(budgetWei);
  const spent = BigInt(stats.spentWei);
  const tiles: [string, string, (string | undefined)?][] = [
    [
      'Items done',
      `${stats.itemsDone.toLocaleString()} / ${workItems.toLocaleString()}`,
      stats.goldCount ? `plus ${stats.goldCount.toLocaleString()} gold` : undefined,
    ],
    [
      'Answers',
      `${stats.answersTotal.toLocaleString()} / ${stats.answersNeeded.toLocaleString()}`,
      'given / needed',
    ],
    ['Last hour', stats.answersLastHour.toLocaleString(), 'answers'],
    ['Contributors', stats.contributors.toLocaleString()],
    [
      'Agreement',
      stats.agreement === null ? '—' : formatPercent(stats.agreement),
      stats.agreement === null ? 'needs two answers on an item' : 'pairs that agree',
    ],
    ['Skips', stats.skips.toLocaleString()],
    ['Spent', formatCrv(stats.spentWei, 2), budget > 0n ? `of ${formatCrv(budgetWei, 2)}` : undefined],
  ];

  return (
    <section className="card panel" aria-label="Progress">
      <div className="panel-head">
        <h2>Progress</h2>
        <span className="live" title="Updates every 3 seconds">
          <span className="live-dot" aria-hidden /> live
        </span>
      </div>
      {error && <Alert tone="warning">Could not refresh: {error}</Alert>}
      <ProgressBar value={stats.itemsDone} max={workItems} label="Items done" />
      <dl className="stats">
        {tiles.map(([label, value, note]) => (
          <div key={label} className="stat" data-stat={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
            {note && <span className="muted small">{note}</span>}
          </div>
        ))}
      </dl>
      {budget > 0n && spent > budget && <Alert tone="warning">Spending is above the budget.</Alert>}
      <h3 className="small-heading">Answers per hour, last 24 hours</h3>
      <HourlyChart hourly={stats.hourly} />
    </section>
  );
}
