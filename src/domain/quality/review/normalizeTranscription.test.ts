import { describe, expect, it } from 'vitest';
import { normalizeTranscription } from './normalizeTranscription.ts';

describe('normalizeTranscription', () => {
  it('trims, collapses white space and composes accents, keeping case and punctuation', () => {
    expect(normalizeTranscription('  Hello,\n\t World ')).toBe('Hello, World');
    expect(normalizeTranscription('Cafe\u0301')).toBe('Caf\u00e9');
  });
});
