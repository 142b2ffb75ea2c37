import { describe, expect, it } from 'vitest';
import { scoreFlags } from './scoreFlags.ts';
import type { CrowdRole } from './sybilCrowd.ts';

describe('scoreFlags', () => {
  const roles: CrowdRole[] = ['honest', 'honest', 'random_clicker', 'constant_answerer', 'colluder'];
  const flags = [
    { worker: 1, kind: 'colluder', score: 1, evidence: '' },
    { worker: 2, kind: 'random_clicker', score: 1, evidence: '' },
    { worker: 3, kind: 'random_clicker', score: 1, evidence: '' },
  ] as const;

  it('counts spammers found and honest workers flagged', () => {
    expect(scoreFlags([{ roles, flags }])).toEqual({
      spammers: 3,
      found: 2,
      honest: 2,
      wronglyFlagged: 1,
      recall: 2 / 3,
      falsePositiveRate: 0.5,
    });
  });

  it('pools several crowds', () => {
    const score = scoreFlags([
      { roles, flags },
      { roles, flags: [] },
    ]);
    expect(score.recall).toBeCloseTo(2 / 6);
    expect(score.falsePositiveRate).toBe(0.25);
  });

  it('with a kind, counts only spammers of that kind found by flags of that kind', () => {
    expect(scoreFlags([{ roles, flags }], 'constant_answerer').recall).toBe(0);
    expect(scoreFlags([{ roles, flags }], 'random_clicker').recall).toBe(1);
  });
});
