import { type EncodedAnswers, encodeAnswers } from './encodeAnswers.ts';

/**
 * A small hand-made crowd for tests: 20 binary items (truth "0","1","0",…); reliable workers r1 and r2 each
 * err on four different items (r1 on items 0–3, r2 on 4–7), and adversary "adv" always gives the wrong
 * label. Majority vote gets items 0–7 wrong (the adversary sides with whichever reliable worker erred);
 * a method that learns the adversary inverts it and gets all 20 right.
 */
export function adversarialCrowd(): { encoded: EncodedAnswers; truth: readonly string[] } {
  const truth = Array.from({ length: 20 }, (_, i) => String(i % 2));
  const flip = (label: string) => (label === '0' ? '1' : '0');
  const triples = truth.flatMap((t, i) => [
    { item: `i${i}`, worker: 'r1', label: i < 4 ? flip(t) : t },
    { item: `i${i}`, worker: 'r2', label: i >= 4 && i < 8 ? flip(t) : t },
    { item: `i${i}`, worker: 'adv', label: flip(t) },
  ]);
  return { encoded: encodeAnswers(triples), truth };
}
