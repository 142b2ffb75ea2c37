import { editDistance } from './editDistance.ts';

export type TextConsensusOptions = {
  /** Applied to every text before comparing (not to the text returned). Default: NFC, trim, collapse spaces. */
  readonly normalize?: (text: string) => string;
};

export type TextConsensusResult = {
  /** The medoid text, as its worker typed it. */
  readonly text: string;
  /** Its position in the input. */
  readonly index: number;
  /** Mean similarity (1 − normalised edit distance) of the other texts to the medoid; 1 for a lone text. */
  readonly confidence: number;
  readonly answerCount: number;
};

/**
 * Equal sums of the same distances added in another order can differ in the last bit (two texts at 25/12 came
 * out 2.0833333333333335 and 2.083333333333333), so sums this close are a tie and go to the earliest text.
 */
const TIE = 1e-12;

function defaultNormalize(text: string): string {
  return text.normalize('NFC').trim().replace(/\s+/g, ' ');
}

/**
 * Picks the transcription closest to all the others: the medoid under edit distance divided by the longer
 * text's length (in code points). Ties go to the earliest text. Returns null for no texts.
 * Cost grows with the square of the number of texts times the product of their lengths.
 */
export function textConsensus(
  texts: readonly string[],
  options: TextConsensusOptions = {},
): TextConsensusResult | null {
  const n = texts.length;
  if (n === 0) return null;
  const normalize = options.normalize ?? defaultNormalize;
  const normalized = texts.map(normalize);
  const lengths = normalized.map((t) => Array.from(t).length);
  const distance = new Float64Array(n * n);
  for (let i = 0; i < n; i++) {
    for (let j = i + 1; j < n; j++) {
      const longest = Math.max(lengths[i]!, lengths[j]!);
      const d = longest === 0 ? 0 : editDistance(normalized[i]!, normalized[j]!) / longest;
      distance[i * n + j] = d;
      distance[j * n + i] = d;
    }
  }
  let best = 0;
  let bestSum = Number.POSITIVE_INFINITY;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    for (let j = 0; j < n; j++) sum += distance[i * n + j]!;
    if (sum < bestSum - TIE) {
      bestSum = sum;
      best = i;
    }
  }
  const confidence = n === 1 ? 1 : 1 - bestSum / (n - 1);
  return {
    text: texts[best]!,
    index: best,
    confidence: Math.max(0, Math.min(1, confidence)),
    answerCount: n,
  };
}
