import { formatPercent } from '../lib/format.ts';
import { ProgressBar } from './ProgressBar.tsx';

/** A share 0..1 as a short bar and its percentage; a dash when there is no value yet. */
export function Meter({ share, label }: { share: number | null; label: string }) {
  if (share === null) return <span className="muted">—</span>;
  return (
    <span className="meter">
      <ProgressBar value={Math.round(share * 1000)} max={1000} label={label} />
      <span className="meter-value">{formatPercent(share)}</span>
    </span>
  );
}
