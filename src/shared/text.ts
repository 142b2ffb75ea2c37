import { z } from 'zod';

// PostgreSQL text cannot hold NUL, and lone UTF-16 surrogates are not valid UTF-8.
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding NUL is the point
const UNSTORABLE = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

export const UNSTORABLE_MESSAGE = 'contains a NUL character or broken unicode (a lone surrogate): remove it';

/** Whether a string can be stored as text. */
export const isStorableText = (s: string) => !UNSTORABLE.test(s);

/** Whether any string in a JSON value (keys included) cannot be stored. */
export function hasUnstorableText(value: unknown): boolean {
  if (typeof value === 'string') return !isStorableText(value);
  if (Array.isArray(value)) return value.some(hasUnstorableText);
  if (value !== null && typeof value === 'object')
    return Object.entries(value).some(([k, v]) => !isStorableText(k) || hasUnstorableText(v));
  return false;
}

/** A string schema for text people type, refusing what the database cannot store. */
export const storableText = () => z.string().refine(isStorableText, UNSTORABLE_MESSAGE);
