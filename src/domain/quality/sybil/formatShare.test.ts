import { describe, expect, it } from 'vitest';
import { formatShare } from './formatShare.ts';

describe('formatShare', () => {
  it('writes the count, the total with its noun, and the percentage', () => {
    expect(formatShare(52, 100, 'judged answers')).toBe('52 of 100 judged answers (52%)');
    expect(formatShare(0, 0, 'items')).toBe('0 of 0 items (0%)');
  });
});
