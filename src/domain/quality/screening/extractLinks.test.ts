import { describe, expect, it } from 'vitest';
import { extractLinks } from './extractLinks.ts';

describe('extractLinks', () => {
  it('finds http and https links, without trailing punctuation, once each', () => {
    expect(
      extractLinks(
        'See https://example.org/a?b=1. Also (http://x.test/path), and https://example.org/a?b=1!',
      ),
    ).toEqual(['https://example.org/a?b=1', 'http://x.test/path']);
  });

  it('ignores other schemes and plain words', () => {
    expect(extractLinks('ftp://files.test mailto:a@b.c www.example.org javascript:alert(1)')).toEqual([]);
  });

  it('stops at the maximum', () => {
    expect(extractLinks('http://a.test http://b.test http://c.test', 2)).toEqual([
      'http://a.test',
      'http://b.test',
    ]);
  });
});
