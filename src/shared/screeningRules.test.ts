import { describe, expect, it } from 'vitest';
import { METHODS } from './methods.ts';
import { screeningRules } from './screeningRules.ts';

describe('screeningRules', () => {
  it('fills every default from an empty object', () => {
    expect(screeningRules.parse({})).toEqual({
      tooFast: {
        enabled: true,
        minSecondsByMethod: {
          single_choice: 2,
          multi_choice: 3,
          rating: 2,
          pairwise: 5,
          span: 5,
          bbox: 5,
          polygon: 8,
          transcription: 5,
          free_text: 5,
        },
      },
      straightLining: { enabled: true, runLength: 10, minChoices: 2 },
      nearDuplicate: { enabled: true, threshold: 0.85, minLength: 20 },
      gold: { enabled: true },
      deadLinks: { enabled: true, maxLinks: 5 },
    });
  });

  it('has a floor for every method', () => {
    const floors = screeningRules.parse({}).tooFast.minSecondsByMethod;
    expect(Object.keys(floors).sort()).toEqual([...METHODS].sort());
  });

  it('keeps the defaults beside a partial override', () => {
    const rules = screeningRules.parse({
      tooFast: { minSecondsByMethod: { bbox: 12 } },
      straightLining: { enabled: false },
    });
    expect(rules.tooFast.enabled).toBe(true);
    expect(rules.tooFast.minSecondsByMethod).toMatchObject({ bbox: 12, polygon: 8, single_choice: 2 });
    expect(rules.straightLining).toEqual({ enabled: false, runLength: 10, minChoices: 2 });
  });

  it('refuses out-of-range limits', () => {
    expect(screeningRules.safeParse({ nearDuplicate: { threshold: 1.5 } }).success).toBe(false);
    expect(screeningRules.safeParse({ nearDuplicate: { threshold: 0 } }).success).toBe(false);
    expect(screeningRules.safeParse({ straightLining: { runLength: 1 } }).success).toBe(false);
    expect(screeningRules.safeParse({ straightLining: { runLength: 2.5 } }).success).toBe(false);
    expect(screeningRules.safeParse({ tooFast: { minSecondsByMethod: { rating: -1 } } }).success).toBe(false);
  });
});
