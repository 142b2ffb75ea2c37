import { describe, expect, it } from 'vitest';
import { annotationSchema } from '../../../shared/methods.ts';
import { checkGold } from './checkGold.ts';

const annotation = annotationSchema.parse({
  method: 'single_choice',
  config: {
    choices: [
      { value: 'cat', label: 'Cat' },
      { value: 'dog', label: 'Dog' },
    ],
  },
});

describe('checkGold', () => {
  it('passes an answer that matches the gold answer', () => {
    expect(checkGold({ annotation, answer: { choice: 'cat' }, gold: { choice: 'cat' } }).outcome).toBe(
      'pass',
    );
  });

  it('flags, not rejects, a wrong answer, naming the expected and the given answer', () => {
    expect(checkGold({ annotation, answer: { choice: 'dog' }, gold: { choice: 'cat' } })).toEqual({
      rule: 'gold_wrong',
      outcome: 'flag',
      reason: 'The answer differs from the gold answer: expected "cat", given "dog".',
    });
  });
});
