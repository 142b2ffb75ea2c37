import type { UserId } from '../../../shared/brand.ts';
import { type Annotation, answerSchemaFor, type ItemData } from '../../../shared/methods.ts';
import type { ScreeningRules } from '../../../shared/screeningRules.ts';
import { canonicalJson } from '../../ledger/canonicalJson.ts';
import { checkGold } from './checkGold.ts';
import { checkNearDuplicate, type EarlierTextAnswer } from './checkNearDuplicate.ts';
import { checkStraightLining } from './checkStraightLining.ts';
import { checkTooFast } from './checkTooFast.ts';
import { overallOutcome } from './overallOutcome.ts';
import { type Verdict, type VerdictOutcome, verdict } from './verdict.ts';

export type ScreenAnswerInput = {
  readonly annotation: Annotation;
  readonly itemData: ItemData;
  readonly contributorId: UserId;
  /** The answer as submitted, not yet parsed. */
  readonly answer: unknown;
  /** Time from showing the item to the answer, measured by the server; absent when unknown. */
  readonly durationMs?: number | undefined;
  /** The contributor's earlier answers in this project as canonical JSON, newest last, this one excluded. */
  readonly recentAnswers: readonly string[];
  /** Earlier free-text or transcription answers in this project, by anyone. */
  readonly earlierTexts: readonly EarlierTextAnswer[];
  /** The item's gold answer, when it is a gold item. */
  readonly gold?: unknown;
};

export type ScreenAnswerResult = {
  readonly outcome: VerdictOutcome;
  /** One per rule that ran, in order: schema, too_fast, straight_lining, near_duplicate, gold_wrong. */
  readonly verdicts: readonly Verdict[];
};

/**
 * Runs the project's enabled screening rules over one answer. A malformed answer is rejected by the
 * schema rule alone, since the other rules read its fields. The outcome is the harshest verdict's.
 */
export function screenAnswer(rules: ScreeningRules, input: ScreenAnswerInput): ScreenAnswerResult {
  const { annotation, itemData, contributorId } = input;
  const parsed = answerSchemaFor(annotation, itemData).safeParse(input.answer);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => i.message).join('; ');
    const verdicts = [verdict('schema', 'reject', `The answer does not fit the task: ${problems}.`)];
    return { outcome: 'reject', verdicts };
  }
  const answer = parsed.data;
  const verdicts: Verdict[] = [verdict('schema', 'pass', 'The answer fits the task.')];

  if (rules.tooFast.enabled)
    verdicts.push(checkTooFast(rules.tooFast, { method: annotation.method, durationMs: input.durationMs }));
  if (rules.straightLining.enabled)
    verdicts.push(
      checkStraightLining(rules.straightLining, {
        annotation,
        answers: [...input.recentAnswers, canonicalJson(answer)],
      }),
    );
  if (rules.nearDuplicate.enabled)
    verdicts.push(
      checkNearDuplicate(rules.nearDuplicate, {
        method: annotation.method,
        contributorId,
        text: 'text' in answer ? answer.text : '',
        earlier: input.earlierTexts,
      }),
    );
  if (rules.gold.enabled && input.gold !== undefined)
    verdicts.push(checkGold({ annotation, answer, gold: input.gold }));

  return { outcome: overallOutcome(verdicts), verdicts };
}
