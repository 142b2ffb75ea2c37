/** One part of the whole, coloured by its tone; `display` replaces the plain count (a token amount, say). */
export type Segment = { key: string; label: string; value: number; tone: string; display?: string };

/** A single SVG bar split into parts, with a legend that gives each part's count and share. */
export function StackedBar({ segments, label }: { segments: Segment[]; label: string }) {
  const total = segments.reduce((sum, s) => sum + s.value, 0);
  const width = 480;
  const height = 18;
  let x = 0;
  const shown = (s: Segment) => s.display ?? s.value.toLocaleString();
  return (
    <figure className="stacked">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${segments.map((s) => `${s.label} ${s.display ?? s.value}`).join(', ')}`}
      >
        <rect x={0} y={0} width={width} height={height} className="stacked-track" />
        {total > 0 &&
          segments.map((s) => {
            const w = (s.value / total) * width;
            const rect = (
              <rect key={s.key} x={x} y={0} width={w} height={height} className={`seg seg-${s.tone}`}>
                <title>{`${s.label}: ${shown(s)}`}</title>
              </rect>
            );
            x += w;
            return rect;
          })}
      </svg>
      <figcaption className="legend">
        {segments.map((s) => (
          <span key={s.key} className="legend-item" data-segment={s.key}>
            <span className={`legend-swatch seg-${s.tone}`} aria-hidden />
            {s.label} <strong>{shown(s)}</strong>
            {total > 0 && <span className="muted"> · {Math.round((s.value / total) * 100)}%</span>}
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
