/** A small inline SVG bar chart of answers per hour (oldest first). */
export function HourlyChart({ hourly }: { hourly: { hour: string; answers: number }[] }) {
  const width = 480;
  const height = 96;
  const gap = 3;
  const max = Math.max(1, ...hourly.map((h) => h.answers));
  const barWidth = hourly.length > 0 ? (width - gap * (hourly.length - 1)) / hourly.length : 0;
  const label = (iso: string) =>
    new Date(iso).toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
  const first = hourly[0];
  const last = hourly[hourly.length - 1];
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-label="Answers per hour over the last 24 hours">
        <line x1={0} y1={height - 0.5} x2={width} y2={height - 0.5} className="chart-axis" />
        {hourly.every((h) => h.answers === 0) && (
          <text x={width / 2} y={height / 2} textAnchor="middle" className="chart-empty">
            No answers in the last 24 hours
          </text>
        )}
        {hourly.map((h, i) => {
          const barHeight = h.answers === 0 ? 1 : Math.max(3, (h.answers / max) * (height - 14));
          return (
            <rect
              key={h.hour}
              x={i * (barWidth + gap)}
              y={height - barHeight}
              width={barWidth}
              height={barHeight}
              rx={2}
              className={h.answers === 0 ? 'chart-bar chart-bar-empty' : 'chart-bar'}
            >
              <title>{`${label(h.hour)}: ${h.answers} answer${h.answers === 1 ? '' : 's'}`}</title>
            </rect>
          );
        })}
      </svg>
      <figcaption>
        <span>{first ? label(first.hour) : ''}</span>
        <span>peak {max === 1 && hourly.every((h) => h.answers === 0) ? 0 : max}/h</span>
        <span>{last ? label(last.hour) : ''}</span>
      </figcaption>
    </figure>
  );
}
