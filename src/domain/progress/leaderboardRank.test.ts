import { describe, expect, it } from 'vitest';
import { type LeaderboardEntry, leaderboardRank } from './leaderboardRank.ts';

const entry = (id: string, xp: number, accuracy: number | null = 0.8, reachedAt: string | null = null) => ({
  id,
  xp,
  accuracy,
  reachedAt: reachedAt === null ? null : new Date(reachedAt),
});
const order = (entries: LeaderboardEntry[]) => [...entries].sort(leaderboardRank).map((e) => e.id);

describe('leaderboardRank', () => {
  it('puts more XP first', () => {
    expect(order([entry('a', 10), entry('b', 30), entry('c', 20)])).toEqual(['b', 'c', 'a']);
  });

  it('breaks an XP tie by accuracy, no accuracy last', () => {
    expect(order([entry('a', 10, 0.7), entry('b', 10, null), entry('c', 10, 0.9)])).toEqual(['c', 'a', 'b']);
  });

  it('then by who reached the XP first, unknown last', () => {
    expect(
      order([
        entry('a', 10, 0.8, '2026-11-02T00:00:00Z'),
        entry('b', 10, 0.8, null),
        entry('c', 10, 0.8, '2026-11-01T00:00:00Z'),
      ]),
    ).toEqual(['c', 'a', 'b']);
  });

  it('then by id, so the order is total', () => {
    expect(order([entry('b', 10), entry('a', 10)])).toEqual(['a', 'b']);
    expect(leaderboardRank(entry('a', 10), entry('a', 10))).toBe(0);
  });

  it('ranks more XP first even with worse accuracy', () => {
    expect(order([entry('a', 10, 0.99), entry('b', 11, 0.1)])).toEqual(['b', 'a']);
  });

  it('is antisymmetric', () => {
    const all = [
      entry('a', 10, 0.7, '2026-11-01T00:00:00Z'),
      entry('b', 10, 0.7),
      entry('c', 10, null),
      entry('d', 9),
    ];
    for (const x of all)
      for (const y of all)
        expect(Math.sign(leaderboardRank(x, y)) + Math.sign(leaderboardRank(y, x))).toBe(0);
  });
});
