import { describe, expect, it } from 'vitest';
import { JudgeError } from './judgeError.ts';

describe('JudgeError', () => {
  it('keeps the endpoint, the status and the cause', () => {
    const cause = new Error('socket hang up');
    const error = new JudgeError('the judge failed', {
      endpoint: 'http://h/v1/chat/completions',
      status: 502,
      cause,
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('JudgeError');
    expect(error.message).toBe('the judge failed');
    expect(error.endpoint).toBe('http://h/v1/chat/completions');
    expect(error.status).toBe(502);
    expect(error.cause).toBe(cause);
  });

  it('leaves what it was not told as null, with no cause', () => {
    const error = new JudgeError('bad settings');
    expect([error.endpoint, error.status, 'cause' in error]).toEqual([null, null, false]);
  });
});
