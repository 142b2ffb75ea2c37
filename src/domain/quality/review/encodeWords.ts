import { DomainError } from '../../errors.ts';

// Supplementary private-use planes 15 and 16: code points no real text uses, one per distinct word.
const PLANES: readonly (readonly [number, number])[] = [
  [0xf0000, 0xffffd],
  [0x100000, 0x10fffd],
];
const CAPACITY = PLANES.reduce((n, [from, to]) => n + to - from + 1, 0);

/** Words as compared in free text: letters, marks and digits (with inner apostrophes), lower-cased. */
const WORD = /[\p{L}\p{M}\p{N}]+(?:['’][\p{L}\p{M}\p{N}]+)*/gu;

function codePoint(index: number): number {
  let rest = index;
  for (const [from, to] of PLANES) {
    const size = to - from + 1;
    if (rest < size) return from + rest;
    rest -= size;
  }
  throw new DomainError(
    'VALIDATION_FAILED',
    `the texts have more than ${CAPACITY} distinct words to compare`,
  );
}

/**
 * Turns texts into strings with one code point per word, the same code point for the same word in every
 * text, so the character `editDistance` (and `textConsensus`) measure word edits without a second
 * implementation. Case, punctuation and spacing do not count in free text: the words carry the meaning.
 */
export function encodeWords(texts: readonly string[]): string[] {
  const ids = new Map<string, string>();
  return texts.map((text) => {
    let out = '';
    for (const [word] of text.normalize('NFC').toLowerCase().replaceAll('’', "'").matchAll(WORD)) {
      let id = ids.get(word);
      if (id === undefined) {
        id = String.fromCodePoint(codePoint(ids.size));
        ids.set(word, id);
      }
      out += id;
    }
    return out;
  });
}
