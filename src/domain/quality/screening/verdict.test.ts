import { describe, expect, it } from 'vitest';
import { verdict } from './verdict.ts';

describe('verdict', () => {
  it('builds a verdict from its parts', () => {
    expect(verdict('too_fast', 'flag', 'Too quick.')).toEqual({
      rule: 'too_fast',
      outcome: 'flag',
      reason: 'Too quick.',
    });
  });

  it('refuses a blank reason', () => {
    expect(() => verdict('schema', 'reject', '  ')).toThrow(/schema verdict needs a reason/);
  });
});
