import { formatUnits } from '../../shared/amount.ts';

/** The platform token's symbol, shown next to every amount. */
export const TOKEN_SYMBOL = 'CRV';

/** "0x1234…abcd" for an address. */
export function shortAddress(address: string): string {
  return address.length > 12 ? `${address.slice(0, 6)}…${address.slice(-4)}` : address;
}

/** A decimal-string amount of base units as "1.5 CRV". */
export function formatCrv(wei: string, maxFraction = 4): string {
  try {
    return `${formatUnits(BigInt(wei), maxFraction)} ${TOKEN_SYMBOL}`;
  } catch {
    return `${wei} wei`;
  }
}

/** A date and time in the reader's locale, short. */
export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' });
}

/** A date in the reader's locale. */
export function formatDate(iso: string): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return date.toLocaleDateString(undefined, { dateStyle: 'medium' });
}

/** "in 3 days", "5 hours ago", relative to `now`. */
export function formatRelative(iso: string, now = Date.now()): string {
  const diff = new Date(iso).getTime() - now;
  if (Number.isNaN(diff)) return iso;
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['day', 86_400_000],
    ['hour', 3_600_000],
    ['minute', 60_000],
  ];
  const rtf = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });
  for (const [unit, ms] of units) {
    if (Math.abs(diff) >= ms) return rtf.format(Math.round(diff / ms), unit);
  }
  return rtf.format(Math.round(diff / 1000), 'second');
}

/** "m:ss" for a number of seconds. */
export function formatClock(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  const rest = String(s % 60).padStart(2, '0');
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${rest}` : `${m}:${rest}`;
}

/** A share 0..1 as a whole percentage. */
export function formatPercent(share: number): string {
  return `${Math.round(share * 1000) / 10}%`;
}

/** A decimal-string (or bigint) amount of a token's base units as "1.5 USDC", with the token's own decimals. */
export function formatToken(wei: string | bigint, symbol: string, decimals = 18, maxFraction = 4): string {
  try {
    return `${formatUnits(BigInt(wei), maxFraction, decimals)} ${symbol}`;
  } catch {
    return `${wei} base units`;
  }
}

/** A length of time in its largest sensible unit: "45 seconds", "10 minutes", "7 days". */
export function formatDuration(totalSeconds: number): string {
  const units: [string, number][] = [
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, s] of units) {
    if (totalSeconds >= s) {
      const n = Math.round((totalSeconds / s) * 10) / 10;
      return `${n} ${unit}${n === 1 ? '' : 's'}`;
    }
  }
  return `${totalSeconds} second${totalSeconds === 1 ? '' : 's'}`;
}
