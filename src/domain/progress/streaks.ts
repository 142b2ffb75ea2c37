import { DomainError } from '../errors.ts';

export type Streaks = {
  /** Consecutive UTC days with work up to today, or up to yesterday while today is still open. */
  readonly current: number;
  /** The longest run of consecutive UTC days with work, the current one included. */
  readonly longest: number;
};

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const MS_PER_DAY = 86_400_000;

/**
 * Streaks from the UTC days a contributor worked ('YYYY-MM-DD', any order, repeats allowed). A streak stays
 * current through yesterday, so it is not lost before the day is over. Days after `today` (a clock ahead of
 * ours) are not counted.
 */
export function streaks(activeDays: readonly string[], today: string): Streaks {
  const todayNumber = dayNumber(today);
  const days = [...new Set(activeDays.map(dayNumber))].filter((d) => d <= todayNumber).sort((a, b) => a - b);
  let longest = 0;
  let run = 0;
  for (let i = 0; i < days.length; i++) {
    run = i > 0 && days[i]! - days[i - 1]! === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
  }
  const last = days.at(-1);
  const current = last !== undefined && todayNumber - last <= 1 ? run : 0;
  return { current, longest };
}

/** Days since 1970-01-01 of a 'YYYY-MM-DD' UTC day; refuses dates that do not exist (2026-02-30). */
function dayNumber(day: string): number {
  const m = DAY.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `days are written YYYY-MM-DD, and ${JSON.stringify(day)} is not one`,
    );
  }
  return ms / MS_PER_DAY;
}
