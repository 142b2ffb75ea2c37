import { describe, expect, it } from 'vitest';
import type { UserId } from '../../../shared/brand.ts';
import { type AnnotationInput, annotationSchema } from '../../../shared/methods.ts';
import { type ScreeningRulesInput, screeningRules } from '../../../shared/screeningRules.ts';
import { minHashSignature } from './minHashSignature.ts';
import { type ScreenAnswerInput, screenAnswer } from './screenAnswer.ts';

const alice = 'alice' as UserId;
const bob = 'bob' as UserId;
const choice: AnnotationInput = {
  method: 'single_choice',
  config: {
    choices: [
      { value: 'cat', label: 'Cat' },
      { value: 'dog', label: 'Dog' },
    ],
  },
};

function screen(
  overrides: Partial<Omit<ScreenAnswerInput, 'annotation'>> & { annotation?: AnnotationInput } = {},
  rules: ScreeningRulesInput = {},
) {
  const { annotation = choice, ...rest } = overrides;
  return screenAnswer(screeningRules.parse(rules), {
    annotation: annotationSchema.parse(annotation),
    itemData: { text: 'a picture' },
    contributorId: alice,
    answer: { choice: 'cat' },
    durationMs: 10_000,
    recentAnswers: [],
    earlierTexts: [],
    ...rest,
  });
}

describe('screenAnswer', () => {
  it('passes a good answer, with one verdict per enabled rule in order', () => {
    const result = screen({ gold: { choice: 'cat' } });
    expect(result.outcome).toBe('pass');
    expect(result.verdicts.map((v) => v.rule)).toEqual([
      'schema',
      'too_fast',
      'straight_lining',
      'near_duplicate',
      'gold_wrong',
    ]);
    expect(result.verdicts.every((v) => v.outcome === 'pass')).toBe(true);
  });

  it('rejects a malformed answer on the schema rule alone, with the schema’s message', () => {
    const result = screen({ answer: { choice: 'horse' } });
    expect(result.outcome).toBe('reject');
    expect(result.verdicts).toHaveLength(1);
    expect(result.verdicts[0]).toMatchObject({ rule: 'schema', outcome: 'reject' });
    expect(result.verdicts[0]?.reason).toContain('choice must be one of: cat, dog');
  });

  it('flags overall when one rule flags', () => {
    const result = screen({ durationMs: 500 });
    expect(result.outcome).toBe('flag');
    expect(result.verdicts.find((v) => v.rule === 'too_fast')?.outcome).toBe('flag');
  });

  it('counts the screened answer as the last of the run', () => {
    const nine = Array.from({ length: 9 }, () => '{"choice":"cat"}');
    expect(screen({ recentAnswers: nine }).outcome).toBe('flag');
    expect(screen({ recentAnswers: nine.slice(1) }).outcome).toBe('pass');
    expect(screen({ recentAnswers: nine, answer: { choice: 'dog' } }).outcome).toBe('pass');
  });

  it('flags a wrong gold answer rather than rejecting it', () => {
    const result = screen({ answer: { choice: 'dog' }, gold: { choice: 'cat' } });
    expect(result.outcome).toBe('flag');
    expect(result.verdicts.at(-1)?.reason).toBe(
      'The answer differs from the gold answer: expected "cat", given "dog".',
    );
  });

  it('compares free text with other contributors’ earlier answers', () => {
    const text = 'A tabby cat asleep on a red sofa next to an open window in the afternoon.';
    const result = screen({
      annotation: { method: 'free_text', config: {} },
      answer: { text },
      earlierTexts: [{ contributorId: bob, signature: minHashSignature(text) }],
    });
    expect(result.outcome).toBe('flag');
    expect(result.verdicts.find((v) => v.rule === 'near_duplicate')?.outcome).toBe('flag');
  });

  it('runs only the enabled rules', () => {
    const off = {
      tooFast: { enabled: false },
      straightLining: { enabled: false },
      nearDuplicate: { enabled: false },
    };
    const result = screen({ durationMs: 1, gold: { choice: 'dog' } }, { ...off, gold: { enabled: false } });
    expect(result).toEqual({
      outcome: 'pass',
      verdicts: [{ rule: 'schema', outcome: 'pass', reason: 'The answer fits the task.' }],
    });
  });
});
