/** http(s) URLs in free text: up to the first whitespace or closing bracket or quote. */
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"'()\]]+/gi;

/**
 * The distinct web links in a text, in order of appearance, without trailing sentence punctuation
 * ("see https://example.org." links to https://example.org). Only well-formed URLs are kept.
 */
export function extractLinks(text: string, max = Number.POSITIVE_INFINITY): string[] {
  const out: string[] = [];
  for (const match of text.matchAll(URL_PATTERN)) {
    const url = match[0].replace(/[.,;:!?]+$/, '');
    if (!URL.canParse(url) || out.includes(url)) continue;
    out.push(url);
    if (out.length >= max) break;
  }
  return out;
}
