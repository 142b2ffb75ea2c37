import { describe, expect, it } from 'vitest';
import { DomainError } from '../errors.ts';
import { streaks } from './streaks.ts';

describe('streaks', () => {
  it('is zero without any work', () => {
    expect(streaks([], '2026-11-22')).toEqual({ current: 0, longest: 0 });
  });

  it('counts consecutive days ending today', () => {
    expect(streaks(['2026-11-20', '2026-11-21', '2026-11-22'], '2026-11-22')).toEqual({
      current: 3,
      longest: 3,
    });
  });

  it('keeps the streak current through yesterday, and loses it the day after', () => {
    const days = ['2026-11-20', '2026-11-21'];
    expect(streaks(days, '2026-11-22')).toEqual({ current: 2, longest: 2 });
    expect(streaks(days, '2026-11-23')).toEqual({ current: 0, longest: 2 });
  });

  it('runs across a month and a year boundary', () => {
    expect(streaks(['2026-10-30', '2026-10-31', '2026-11-01', '2026-11-02'], '2026-11-02').current).toBe(4);
    expect(streaks(['2026-12-31', '2027-01-01'], '2027-01-01').current).toBe(2);
  });

  it('knows February’s length, leap years included', () => {
    expect(streaks(['2027-02-28', '2027-03-01'], '2027-03-01').current).toBe(2);
    expect(streaks(['2028-02-28', '2028-03-01'], '2028-03-01').current).toBe(1);
    expect(streaks(['2028-02-28', '2028-02-29', '2028-03-01'], '2028-03-01').current).toBe(3);
  });

  it('ignores repeats and order', () => {
    expect(
      streaks(['2026-11-22', '2026-11-20', '2026-11-22', '2026-11-21', '2026-11-20'], '2026-11-22'),
    ).toEqual({ current: 3, longest: 3 });
  });

  it('remembers a longer streak from the past beside the current one', () => {
    const days = ['2026-09-01', '2026-09-02', '2026-09-03', '2026-09-04', '2026-11-21', '2026-11-22'];
    expect(streaks(days, '2026-11-22')).toEqual({ current: 2, longest: 4 });
  });

  it('does not count days after today', () => {
    expect(streaks(['2026-11-22', '2026-11-23', '2026-11-24'], '2026-11-22')).toEqual({
      current: 1,
      longest: 1,
    });
  });

  it('refuses days that are not UTC dates', () => {
    expect(() => streaks(['2026-02-30'], '2026-03-01')).toThrow(DomainError);
    expect(() => streaks(['2026-11-22T00:00:00Z'], '2026-11-22')).toThrow(/YYYY-MM-DD/);
    expect(() => streaks([], '22/11/2026')).toThrow(DomainError);
  });
});
