import { editDistance } from '../aggregate/editDistance.ts';
import { encodeWords } from './encodeWords.ts';
import type { TextSimilarity } from './textSimilarity.ts';

/** Word similarity of two free texts: 1 − word edits / the longer word count (see `encodeWords`). */
export function wordSimilarity(a: string, b: string): TextSimilarity {
  const [x, y] = encodeWords([a, b]) as [string, string];
  const length = Math.max(Array.from(x).length, Array.from(y).length);
  if (length === 0) return { similarity: 1, distance: 0, length };
  const distance = editDistance(x, y);
  return { similarity: 1 - distance / length, distance, length };
}
