import { formatToken } from '../lib/format.ts';
import { shareOf } from './chainLoad.ts';

/** One part of a token amount, coloured by its tone. */
export type TokenSegment = { key: string; label: string; wei: bigint; tone: string };

/** A single bar split into token amounts (bigint base units), with a legend giving each amount. */
export function TokenBar({
  segments,
  symbol,
  decimals,
  label,
}: {
  segments: TokenSegment[];
  symbol: string;
  decimals: number;
  label: string;
}) {
  const total = segments.reduce((sum, s) => sum + (s.wei > 0n ? s.wei : 0n), 0n);
  const width = 480;
  const height = 18;
  let x = 0;
  const text = (wei: bigint) => formatToken(wei, symbol, decimals);
  return (
    <figure className="stacked">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        preserveAspectRatio="none"
        role="img"
        aria-label={`${label}: ${segments.map((s) => `${s.label} ${text(s.wei)}`).join(', ')}`}
      >
        <rect x={0} y={0} width={width} height={height} className="stacked-track" />
        {total > 0n &&
          segments.map((s) => {
            const w = shareOf(s.wei > 0n ? s.wei : 0n, total) * width;
            const rect = (
              <rect key={s.key} x={x} y={0} width={w} height={height} className={`seg seg-${s.tone}`}>
                <title>{`${s.label}: ${text(s.wei)}`}</title>
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
            {s.label} <strong>{text(s.wei)}</strong>
          </span>
        ))}
      </figcaption>
    </figure>
  );
}
