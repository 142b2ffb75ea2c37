import { describe, expect, it } from 'vitest';
import { readVerdict } from './readVerdict.ts';

describe('readVerdict', () => {
  it('reads a bare JSON verdict', () => {
    expect(readVerdict('{"verdict":"approve","reason":"Matches the item."}')).toEqual({
      verdict: 'approve',
      reason: 'Matches the item.',
    });
  });

  it('reads a verdict in a ```json fence or amid other text', () => {
    expect(
      readVerdict(
        'Here you go:\n```json\n{"verdict": "reject", "reason": "Off topic."}\n```\nHope it helps.',
      ),
    ).toEqual({ verdict: 'reject', reason: 'Off topic.' });
    expect(readVerdict('```\n{"verdict": "unsure", "reason": "Cannot see the image."}\n```')?.verdict).toBe(
      'unsure',
    );
    expect(
      readVerdict('My verdict: {"reason": "Uses {braces} and \\"quotes\\"", "verdict": "reject"} done'),
    ).toEqual({
      verdict: 'reject',
      reason: 'Uses {braces} and "quotes"',
    });
  });

  it('skips objects that are not verdicts and takes the first that is', () => {
    expect(
      readVerdict('{"thinking": {"step": 1}} then {"verdict": "approve", "reason": "Fine."}')?.verdict,
    ).toBe('approve');
  });

  it('accepts case and the past tense, trims the reason and cuts a long one', () => {
    expect(readVerdict('{"verdict":" Approved ","reason":"  ok  "}')).toEqual({
      verdict: 'approve',
      reason: 'ok',
    });
    expect(readVerdict('{"verdict":"REJECTED","reason":"no"}')?.verdict).toBe('reject');
    const long = readVerdict(JSON.stringify({ verdict: 'reject', reason: 'x'.repeat(5000) }));
    expect(long?.reason).toHaveLength(1000);
    expect(long?.reason.endsWith('…')).toBe(true);
  });

  it('gives null for anything else', () => {
    expect(readVerdict('I think it is fine.')).toBeNull();
    expect(readVerdict('')).toBeNull();
    expect(readVerdict('{"verdict":"maybe","reason":"hmm"}')).toBeNull();
    expect(readVerdict('{"verdict":"approve"}')).toBeNull();
    expect(readVerdict('{"verdict":"approve","reason":""}')).toBeNull();
    expect(readVerdict('{"verdict": "approve", "reason": "cut off')).toBeNull();
    expect(readVerdict('["approve", "fine"]')).toBeNull();
  });
});
