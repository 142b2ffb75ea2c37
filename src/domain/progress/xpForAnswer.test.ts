import { describe, expect, it } from 'vitest';
import { METHODS } from '../../shared/methods.ts';
import { DomainError } from '../errors.ts';
import { progressRules } from './progressRules.ts';
import { xpForAnswer } from './xpForAnswer.ts';

const rules = progressRules.parse({});

describe('xpForAnswer', () => {
  it('pays the method base on a project open to everyone', () => {
    expect(xpForAnswer({ method: 'single_choice', requiredLevel: 0 }, rules)).toBe(2);
    expect(xpForAnswer({ method: 'bbox', requiredLevel: 0 }, rules)).toBe(6);
    expect(xpForAnswer({ method: 'polygon', requiredLevel: 0 }, rules)).toBe(8);
    expect(xpForAnswer({ method: 'transcription', requiredLevel: 0 }, rules)).toBe(8);
  });

  it('pays quick methods less than slow ones', () => {
    const xp = (method: (typeof METHODS)[number]) => xpForAnswer({ method, requiredLevel: 0 }, rules);
    expect(xp('single_choice')).toBeLessThan(xp('bbox'));
    // An outline takes more clicks than a box.
    expect(xp('bbox')).toBeLessThan(xp('polygon'));
    expect(xp('single_choice')).toBeLessThan(xp('transcription'));
    expect(xp('single_choice')).toBeLessThan(xp('free_text'));
  });

  it('multiplies by the difficulty of the required level and rounds', () => {
    // 6 × (1 + 0.15 × 4) = 9.6
    expect(xpForAnswer({ method: 'bbox', requiredLevel: 4 }, rules)).toBe(10);
    // 8 × 2.5 = 20
    expect(xpForAnswer({ method: 'transcription', requiredLevel: 10 }, rules)).toBe(20);
    // 2 × 1.15 = 2.3
    expect(xpForAnswer({ method: 'single_choice', requiredLevel: 1 }, rules)).toBe(2);
  });

  it('rounds an exact half up despite floating point', () => {
    // 10 × (1 + 0.15 × 9) = 23.5, which floating point computes as 23.499999999999996
    const ten = progressRules.parse({ xp: { perAnswer: { span: 10 } } });
    expect(xpForAnswer({ method: 'span', requiredLevel: 9 }, ten)).toBe(24);
  });

  it('gives a whole number for every method and level', () => {
    for (const method of METHODS)
      for (let level = 0; level <= 20; level++) {
        const xp = xpForAnswer({ method, requiredLevel: level }, rules);
        expect(Number.isInteger(xp)).toBe(true);
        expect(xp).toBeGreaterThanOrEqual(rules.xp.perAnswer[method]);
      }
  });

  it('follows the configured base and difficulty', () => {
    const flat = progressRules.parse({ xp: { difficultyPerLevel: 0, perAnswer: { rating: 4 } } });
    expect(xpForAnswer({ method: 'rating', requiredLevel: 9 }, flat)).toBe(4);
  });

  it('refuses a negative or fractional required level', () => {
    expect(() => xpForAnswer({ method: 'rating', requiredLevel: -1 }, rules)).toThrow(DomainError);
    expect(() => xpForAnswer({ method: 'rating', requiredLevel: 1.5 }, rules)).toThrow(/whole number/);
  });
});
