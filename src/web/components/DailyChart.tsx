/** A small SVG bar chart of a value per UTC day (oldest first), e.g. XP over the last 30 days. */
export function DailyChart({
  daily,
  unit,
  unitOne = unit,
  emptyText,
}: {
  daily: { day: string; value: number }[];
  unit: string;
  /** The unit after a total of exactly 1 ("1 call"); the same as `unit` unless given. */
  unitOne?: string;
  emptyText: string;
}) {
  const width = 480;
  const height = 96;
  const gap = 3;
  const max = Math.max(1, ...daily.map((d) => d.value));
  const barWidth = daily.length > 0 ? (width - gap * (daily.length - 1)) / daily.length : 0;
  // The days are UTC dates ("2025-05-01"); show them as such, not shifted into the reader's zone.
  const label = (day: string) =>
    new Date(`${day}T00:00:00Z`).toLocaleDateString(undefined, {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    });
  const empty = daily.every((d) => d.value === 0);
  const first = daily[0];
  const last = daily[daily.length - 1];
  const total = daily.reduce((sum, d) => sum + d.value, 0);
  return (
    <figure className="chart daily-chart">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="img"
        aria-label={`${unit} per day over the last ${daily.length} days`}
      >
        <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="chart-axis" />
        {empty && (
          <text x={width / 2} y={height / 2} textAnchor="middle" className="chart-empty">
            {emptyText}
          </text>
        )}
        {daily.map((d, i) => {
          const barHeight = d.value === 0 ? 1 : Math.max(3, (d.value / max) * (height - 14));
          return (
            <rect
              key={d.day}
              x={i * (barWidth + gap)}
              y={height - barHeight}
              width={barWidth}
              height={barHeight}
              rx={2}
              className={d.value === 0 ? 'chart-bar chart-bar-empty' : 'chart-bar'}
            >
              <title>{`${label(d.day)}: ${d.value.toLocaleString()} ${unit}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>{first ? label(first.day) : ''}</span>
        <span>
          {total.toLocaleString()} {total === 1 ? unitOne : unit} in {daily.length} day
          {daily.length === 1 ? '' : 's'}
        </span>
        <span>{last ? label(last.day) : ''}</span>
      </figcaption>
    </figure>
  );
}
