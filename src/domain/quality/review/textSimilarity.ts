import { editDistance } from '../aggregate/editDistance.ts';
import { normalizeTranscription } from './normalizeTranscription.ts';

export type TextSimilarity = {
  /** 1 − distance / length; 1 when both texts are empty. */
  readonly similarity: number;
  /** Edits (insert, delete, replace one code point) from one normalised text to the other. */
  readonly distance: number;
  /** The longer normalised text's length in code points. */
  readonly length: number;
};

/** Character similarity of two transcriptions, after `normalizeTranscription`. */
export function textSimilarity(a: string, b: string): TextSimilarity {
  const x = normalizeTranscription(a);
  const y = normalizeTranscription(b);
  const length = Math.max(Array.from(x).length, Array.from(y).length);
  if (length === 0) return { similarity: 1, distance: 0, length };
  const distance = editDistance(x, y);
  return { similarity: 1 - distance / length, distance, length };
}
