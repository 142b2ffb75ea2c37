/** One bar: its label, its count and an optional tone (a CSS class suffix). */
export type HBar = { key: string; label: string; value: number; tone?: 'danger' | 'warning' | 'primary' };

/** A horizontal SVG bar chart of counts, largest first as given; the label column is fixed. */
export function HBarChart({ bars, label }: { bars: HBar[]; label: string }) {
  const width = 480;
  const labelWidth = 190;
  const countWidth = 44;
  const rowHeight = 26;
  const barHeight = 14;
  const height = bars.length * rowHeight;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const room = width - labelWidth - countWidth;
  return (
    <svg
      className="hbar-chart"
      viewBox={`0 0 ${width} ${height}`}
      width="100%"
      role="img"
      aria-label={`${label}: ${bars.map((b) => `${b.label} ${b.value}`).join(', ')}`}
    >
      {bars.map((b, i) => {
        const y = i * rowHeight;
        const w = b.value === 0 ? 1 : Math.max(3, (b.value / max) * room);
        return (
          <g key={b.key}>
            <text x={0} y={y + rowHeight / 2} dominantBaseline="central" className="hbar-label">
              {b.label.length > 26 ? `${b.label.slice(0, 25)}…` : b.label}
            </text>
            <rect
              x={labelWidth}
              y={y + (rowHeight - barHeight) / 2}
              width={w}
              height={barHeight}
              rx={3}
              className={`hbar hbar-${b.tone ?? 'primary'}`}
            >
              <title>{`${b.label}: ${b.value.toLocaleString()}`}</title>
            </rect>
            <text
              x={labelWidth + w + 6}
              y={y + rowHeight / 2}
              dominantBaseline="central"
              className="hbar-count"
            >
              {b.value.toLocaleString()}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
