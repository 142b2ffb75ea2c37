import { describe, expect, it } from 'vitest';
import { answerText, TEXT_ANSWER_METHODS } from './answerText.ts';

describe('answerText', () => {
  it('reads the text of text answers and nothing else', () => {
    expect(answerText({ text: 'a river' })).toBe('a river');
    expect(answerText({ choice: 'pos' })).toBeNull();
    expect(answerText({ text: 3 })).toBeNull();
    expect(answerText(null)).toBeNull();
  });

  it('names the methods whose answers are text', () => {
    expect([...TEXT_ANSWER_METHODS].sort()).toEqual(['free_text', 'transcription']);
  });
});
