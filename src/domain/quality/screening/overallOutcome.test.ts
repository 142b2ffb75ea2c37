import { describe, expect, it } from 'vitest';
import { overallOutcome } from './overallOutcome.ts';
import { verdict } from './verdict.ts';

const pass = verdict('too_fast', 'pass', 'ok');
const flag = verdict('near_duplicate', 'flag', 'alike');
const reject = verdict('schema', 'reject', 'bad');

describe('overallOutcome', () => {
  it('passes with no verdicts or only passes', () => {
    expect(overallOutcome([])).toBe('pass');
    expect(overallOutcome([pass, pass])).toBe('pass');
  });

  it('flags if any verdict flags', () => {
    expect(overallOutcome([pass, flag, pass])).toBe('flag');
  });

  it('rejects if any verdict rejects, whatever the order', () => {
    expect(overallOutcome([reject, flag])).toBe('reject');
    expect(overallOutcome([flag, pass, reject])).toBe('reject');
  });
});
