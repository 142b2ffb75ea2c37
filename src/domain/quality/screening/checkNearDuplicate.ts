import type { UserId } from '../../../shared/brand.ts';
import type { Method } from '../../../shared/methods.ts';
import type { ScreeningRules } from '../../../shared/screeningRules.ts';
import { estimateJaccard } from './estimateJaccard.ts';
import { minHashSignature } from './minHashSignature.ts';
import { type Verdict, verdict } from './verdict.ts';

/** An earlier text answer in the same project, kept as its MinHash signature. */
export type EarlierTextAnswer = {
  readonly contributorId: UserId;
  readonly signature: ArrayLike<number>;
};

export type CheckNearDuplicateParams = {
  readonly method: Method;
  readonly contributorId: UserId;
  readonly text: string;
  readonly earlier: readonly EarlierTextAnswer[];
};

const percent = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Flags a free-text or transcription answer whose estimated similarity to an earlier answer by a
 * different contributor reaches the threshold: the sign of copied work. A contributor repeating
 * their own text is left to the other checks.
 */
export function checkNearDuplicate(
  rules: ScreeningRules['nearDuplicate'],
  { method, contributorId, text, earlier }: CheckNearDuplicateParams,
): Verdict {
  if (method !== 'free_text' && method !== 'transcription')
    return verdict(
      'near_duplicate',
      'pass',
      'Only free-text and transcription answers are compared for copying.',
    );
  if (text.trim().length < rules.minLength)
    return verdict(
      'near_duplicate',
      'pass',
      `The text is shorter than ${rules.minLength} characters, too short to tell copying from chance.`,
    );
  const signature = minHashSignature(text);
  let best = 0;
  for (const other of earlier) {
    if (other.contributorId === contributorId) continue;
    best = Math.max(best, estimateJaccard(signature, other.signature));
  }
  if (best < rules.threshold)
    return verdict(
      'near_duplicate',
      'pass',
      `No earlier answer by another contributor is ${percent(rules.threshold)} or more alike.`,
    );
  const likeness = best === 1 ? 'matches' : `is about ${percent(best)} alike to`;
  return verdict(
    'near_duplicate',
    'flag',
    `The text ${likeness} an earlier answer by another contributor; write the answer in your own words.`,
  );
}
