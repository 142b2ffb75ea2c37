import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import {
  ACHIEVEMENTS,
  type AchievementStats,
  describeAchievement,
  earnedAchievements,
} from './achievements.ts';
import { progressRules } from './progressRules.ts';

const rules = progressRules.parse({});
const stats = (s: Partial<AchievementStats>): AchievementStats => ({
  approvedTotal: 0,
  approvedByDomain: {},
  activeDays: [],
  today: '2026-11-22',
  ...s,
});
const ids = (s: Partial<AchievementStats>) => earnedAchievements(stats(s), rules).earned.map((a) => a.id);

describe('ACHIEVEMENTS', () => {
  it('lists every kind that has an XP bonus, once', () => {
    expect(ACHIEVEMENTS.map((a) => a.key).sort()).toEqual(Object.keys(rules.xp.achievements).sort());
  });
});

describe('earnedAchievements', () => {
  it('earns nothing without work', () => {
    expect(earnedAchievements(stats({}), rules)).toEqual({ earned: [], currentStreak: 0, longestStreak: 0 });
  });

  it('earns a milestone exactly at its count, not one before', () => {
    expect(ids({ approvedTotal: 1 })).toEqual(['first_answer']);
    expect(ids({ approvedTotal: 9 })).toEqual(['first_answer']);
    expect(ids({ approvedTotal: 10 })).toEqual(['first_answer', 'answers_10']);
    expect(ids({ approvedTotal: 9999 })).toEqual([
      'first_answer',
      'answers_10',
      'answers_100',
      'answers_1000',
    ]);
    expect(ids({ approvedTotal: 10_000 })).toContain('answers_10000');
  });

  it('earns streaks of 3 and 7 days across a month boundary', () => {
    const days = [
      '2026-10-27',
      '2026-10-28',
      '2026-10-29',
      '2026-10-30',
      '2026-10-31',
      '2026-11-01',
      '2026-11-02',
    ];
    const result = earnedAchievements(stats({ activeDays: days, today: '2026-11-02' }), rules);
    expect(result.earned.map((a) => a.id)).toEqual(['streak_3', 'streak_7', 'checkin:2026-11-02']);
    expect(result.currentStreak).toBe(7);
    expect(result.longestStreak).toBe(7);
  });

  it('does not earn a streak from repeats of the same days', () => {
    const days = ['2026-11-21', '2026-11-22', '2026-11-21', '2026-11-22', '2026-11-22'];
    expect(ids({ activeDays: days })).toEqual(['checkin:2026-11-22']);
  });

  it('keeps a streak achievement earned in the past after the streak ended', () => {
    const result = earnedAchievements(
      stats({ activeDays: ['2026-09-01', '2026-09-02', '2026-09-03'], today: '2026-11-22' }),
      rules,
    );
    expect(result.earned.map((a) => a.id)).toEqual(['streak_3']);
    expect(result.currentStreak).toBe(0);
    expect(result.longestStreak).toBe(3);
  });

  it('checks in once for today, and not for a day without work', () => {
    expect(ids({ activeDays: ['2026-11-22'] })).toEqual(['checkin:2026-11-22']);
    expect(ids({ activeDays: ['2026-11-21'] })).toEqual([]);
  });

  it('masters a domain at the minimum count and accuracy, one achievement per domain, sorted', () => {
    expect(
      ids({
        approvedByDomain: {
          medicine: { approved: 100, accuracy: 0.9 },
          law: { approved: 250, accuracy: 0.95 },
          finance: { approved: 99, accuracy: 0.99 },
          chess: { approved: 500, accuracy: 0.89 },
        },
      }),
    ).toEqual(['mastery:law', 'mastery:medicine']);
  });

  it('does not master the all-domains summary', () => {
    expect(ids({ approvedByDomain: { '*': { approved: 500, accuracy: 0.99 } } })).toEqual([]);
  });

  it('describes what it earns with the configured bonus', () => {
    const custom = progressRules.parse({ xp: { achievements: { first_answer: 42 } } });
    expect(earnedAchievements(stats({ approvedTotal: 1 }), custom).earned).toEqual([
      {
        id: 'first_answer',
        title: 'First approved answer',
        description: 'One of your answers was approved.',
        xp: 42,
      },
    ]);
  });

  it('is the same for the same stats', () => {
    const s = stats({
      approvedTotal: 150,
      approvedByDomain: { b: { approved: 120, accuracy: 0.95 }, a: { approved: 130, accuracy: 0.92 } },
      activeDays: ['2026-11-22', '2026-11-20', '2026-11-21'],
    });
    expect(earnedAchievements(s, rules)).toEqual(earnedAchievements(structuredClone(s), rules));
  });

  it('refuses a negative total and malformed days', () => {
    expect(() => earnedAchievements(stats({ approvedTotal: -1 }), rules)).toThrow(DomainError);
    expect(() => earnedAchievements(stats({ activeDays: ['2026-13-01'] }), rules)).toThrow(DomainError);
  });
});

describe('describeAchievement', () => {
  it('fills in the domain and the mastery bar', () => {
    expect(describeAchievement('mastery:medicine', rules)).toEqual({
      id: 'mastery:medicine',
      title: 'Master of medicine',
      description: '100 approved answers in medicine, with 90% accuracy or more.',
      xp: 300,
    });
  });

  it('describes a check-in by its day', () => {
    expect(describeAchievement('checkin:2026-11-22', rules)).toEqual({
      id: 'checkin:2026-11-22',
      title: 'Daily check-in',
      description: 'Worked on 2026-11-22 (UTC).',
      xp: 2,
    });
  });

  it('keeps a domain that itself contains a colon', () => {
    expect(describeAchievement('mastery:lang:fr', rules).title).toBe('Master of lang:fr');
  });

  it('describes ids it does not know, or with a missing or extra part, with no XP', () => {
    for (const id of ['retired_badge', 'mastery', 'mastery:', 'streak_7:extra'])
      expect(describeAchievement(id, rules)).toMatchObject({ id, title: id, xp: 0 });
  });
});
