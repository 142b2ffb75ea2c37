import { describe, expect, it } from 'vitest';
import { DomainError } from '../../errors.ts';
import { parseAnswerShape } from './parseAnswerShape.ts';

describe('parseAnswerShape', () => {
  it('returns an answer that fits its method', () => {
    expect(parseAnswerShape('rating', { value: 3 }, 'the answer')).toEqual({ value: 3 });
    expect(parseAnswerShape('pairwise', { winner: 'tie' }, 'the answer')).toEqual({ winner: 'tie' });
  });

  it('refuses another method’s answer with a DomainError naming what and where', () => {
    const attempt = () => parseAnswerShape('rating', { value: 'high' }, 'the answer of w1');
    expect(attempt).toThrow(DomainError);
    expect(attempt).toThrow(/^the answer of w1 is not a rating answer at value: /);
    expect(() => parseAnswerShape('single_choice', { choice: 'a', extra: 1 }, 'the consensus')).toThrow(
      /the consensus is not a single_choice answer/,
    );
  });
});
