/** What the leaderboard orders contributors by. */
export type LeaderboardEntry = {
  readonly id: string;
  readonly xp: number;
  /** Measured accuracy; null (no evidence) ranks below any number. */
  readonly accuracy: number | null;
  /** When the contributor reached their current XP; null (unknown) ranks below any time. */
  readonly reachedAt: Date | null;
};

/**
 * The leaderboard's order as a comparator for `Array.prototype.sort`: more XP first, then higher accuracy,
 * then whoever reached their XP first, then by id, so no two contributors ever tie.
 */
export function leaderboardRank(a: LeaderboardEntry, b: LeaderboardEntry): number {
  if (a.xp !== b.xp) return b.xp - a.xp;
  if (a.accuracy !== b.accuracy) {
    if (a.accuracy === null) return 1;
    if (b.accuracy === null) return -1;
    return b.accuracy - a.accuracy;
  }
  const ta = a.reachedAt?.getTime() ?? null;
  const tb = b.reachedAt?.getTime() ?? null;
  if (ta !== tb) {
    if (ta === null) return 1;
    if (tb === null) return -1;
    return ta - tb;
  }
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
