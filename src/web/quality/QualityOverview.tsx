import type { QualityReport } from '../../shared/api.ts';
import { EmptyState } from '../components/EmptyState.tsx';
import { type HBar, HBarChart } from '../components/HBarChart.tsx';
import { StackedBar } from '../components/StackedBar.tsx';
import { formatPercent } from '../lib/format.ts';
import { aggregationLabel, deciderLabel, ruleLabel } from '../lib/qualityNames.ts';

/** A big number with its label and a line saying what it counts. */
function BigStat({ label, value, note }: { label: string; value: string; note?: string | undefined }) {
  return (
    <div className="stat" data-stat={label}>
      <dt>{label}</dt>
      <dd>{value}</dd>
      {note && <span className="muted small">{note}</span>}
    </div>
  );
}

/** The dashboard's numbers and charts: answers by status, agreement, gold, decisions, rejections, screening. */
export function QualityOverview({ report }: { report: QualityReport }) {
  const { answers, items, gold } = report;
  const total = answers.pending + answers.review + answers.approved + answers.rejected;
  if (total === 0)
    return (
      <EmptyState icon="inbox" title="No answers yet">
        <p>
          Agreement, gold accuracy and each contributor’s record show up here once contributors start
          answering.
        </p>
      </EmptyState>
    );

  const rejections: HBar[] = report.rejections.map((r) => ({
    key: r.reason,
    label: deciderLabel(r.reason),
    value: r.count,
    tone: 'danger',
  }));
  const screening: HBar[] = report.screening.map((s) => ({
    key: `${s.rule}:${s.outcome}`,
    label: `${ruleLabel(s.rule)} (${s.outcome === 'reject' ? 'rejected' : 'flagged'})`,
    value: s.count,
    tone: s.outcome === 'reject' ? 'danger' : 'warning',
  }));

  return (
    <>
      <StackedBar
        label="Answers by status"
        segments={[
          { key: 'approved', label: 'Approved', value: answers.approved, tone: 'approved' },
          { key: 'pending', label: 'Pending', value: answers.pending, tone: 'pending' },
          { key: 'review', label: 'In review', value: answers.review, tone: 'review' },
          { key: 'rejected', label: 'Rejected', value: answers.rejected, tone: 'rejected' },
        ]}
      />
      <dl className="stats big-stats">
        <BigStat
          label="Agreement"
          value={report.agreement === null ? '—' : formatPercent(report.agreement)}
          note={
            report.agreement === null ? 'once items are settled' : 'answers that match their item’s label'
          }
        />
        <BigStat
          label="Gold accuracy"
          value={gold.total === 0 ? '—' : formatPercent(gold.correct / gold.total)}
          note={
            gold.total === 0 ? 'no gold answers yet' : `${gold.correct} of ${gold.total} gold answers right`
          }
        />
        <BigStat
          label="Items final"
          value={`${items.final.toLocaleString()} / ${items.labelled.toLocaleString()}`}
          note="final / with a label"
        />
        <BigStat
          label="Mean confidence"
          value={items.meanConfidence === null ? '—' : formatPercent(items.meanConfidence)}
          note={aggregationLabel(report.method)}
        />
        <BigStat label="Extended" value={items.extended.toLocaleString()} note="asked for more answers" />
        <BigStat
          label="Stopped early"
          value={items.stoppedEarly.toLocaleString()}
          note="sure before full overlap"
        />
      </dl>
      <div className="grid-2 quality-charts">
        <div>
          <h3 className="small-heading">Rejection reasons</h3>
          {rejections.length ? (
            <HBarChart bars={rejections} label="Rejected answers by reason" />
          ) : (
            <p className="muted small">No answer has been rejected.</p>
          )}
        </div>
        <div>
          <h3 className="small-heading">Screening verdicts</h3>
          {screening.length ? (
            <HBarChart bars={screening} label="Screening verdicts by rule" />
          ) : (
            <p className="muted small">Every answer passed screening.</p>
          )}
        </div>
      </div>
    </>
  );
}
