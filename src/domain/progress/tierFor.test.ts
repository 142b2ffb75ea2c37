import { describe, expect, it } from 'vitest';
import { progressRules } from './progressRules.ts';
import { tierFor } from './tierFor.ts';

const rules = progressRules.parse({});
const standing = (
  level: number,
  extra: { rank?: number | null; xp?: number; accuracy?: number | null } = {},
) => ({
  level,
  rank: extra.rank ?? null,
  xp: extra.xp ?? 0,
  accuracy: extra.accuracy ?? null,
});

describe('tierFor', () => {
  it('makes every newcomer an Initiate', () => {
    expect(tierFor(standing(0), rules)).toEqual({
      tier: 'Initiate',
      next: { name: 'Apprentice', missing: 'reach level 2' },
    });
  });

  it('gives a tier exactly at its level, not one below', () => {
    expect(tierFor(standing(1), rules).tier).toBe('Initiate');
    expect(tierFor(standing(2), rules).tier).toBe('Apprentice');
    expect(tierFor(standing(7), rules)).toEqual({
      tier: 'Expert',
      next: { name: 'Master', missing: 'reach level 8' },
    });
    expect(tierFor(standing(8), rules).tier).toBe('Master');
  });

  it('keeps a level-10 contributor outside the top 10 at Master', () => {
    expect(tierFor(standing(10, { rank: 11, accuracy: 0.95 }), rules)).toEqual({
      tier: 'Master',
      next: { name: 'Demigod', missing: 'rank in the top 10' },
    });
  });

  it('makes Demigod at level 10, in the top 10, with 90% accuracy', () => {
    expect(tierFor(standing(10, { rank: 10, accuracy: 0.9 }), rules)).toEqual({
      tier: 'Demigod',
      next: null,
    });
  });

  it('lists everything Demigod still asks for', () => {
    expect(tierFor(standing(9, { rank: 40, accuracy: 0.85 }), rules).next).toEqual({
      name: 'Demigod',
      missing: 'reach level 10, rank in the top 10 and reach 90% accuracy',
    });
    expect(tierFor(standing(10, { rank: 1, accuracy: null }), rules).next?.missing).toBe(
      'reach 90% accuracy',
    );
  });

  it('can ask for XP instead of a rank', () => {
    const byXp = progressRules.parse({ tiers: { Demigod: { maxRank: null, minXp: 50_000 } } });
    expect(tierFor(standing(10, { xp: 49_999, accuracy: 0.95 }), byXp).next).toEqual({
      name: 'Demigod',
      missing: 'earn 50,000 XP',
    });
    expect(tierFor(standing(10, { xp: 50_000, accuracy: 0.95 }), byXp).tier).toBe('Demigod');
  });

  it('follows a demoted level, whatever the XP', () => {
    expect(tierFor(standing(3, { xp: 1_000_000, rank: 1, accuracy: 0.5 }), rules).tier).toBe('Apprentice');
  });
});
