import { describe, expect, it } from 'vitest';
import { utcDayStart } from './utcDayStart.ts';

describe('utcDayStart', () => {
  it('is midnight UTC of the same day', () => {
    expect(utcDayStart(new Date('2026-05-01T12:34:56.789Z')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('keeps midnight as it is', () => {
    expect(utcDayStart(new Date('2026-05-01T00:00:00.000Z')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('stays on the day for the last millisecond', () => {
    expect(utcDayStart(new Date('2026-05-01T23:59:59.999Z')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('follows the UTC day, not the local one', () => {
    // 23:30 in New York on 30 April is already 1 May in UTC.
    expect(utcDayStart(new Date('2026-04-30T23:30:00-04:00')).toISOString()).toBe('2026-05-01T00:00:00.000Z');
  });

  it('handles leap days and year ends', () => {
    expect(utcDayStart(new Date('2028-02-29T08:00:00Z')).toISOString()).toBe('2028-02-29T00:00:00.000Z');
    expect(utcDayStart(new Date('2026-12-31T23:00:00Z')).toISOString()).toBe('2026-12-31T00:00:00.000Z');
  });

  it('does not change its argument', () => {
    const now = new Date('2026-05-01T12:00:00Z');
    utcDayStart(now);
    expect(now.toISOString()).toBe('2026-05-01T12:00:00.000Z');
  });
});
