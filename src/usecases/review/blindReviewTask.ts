import type { VerdictOutcome, VerdictRule } from '../../domain/quality/screening/verdict.ts';
import type { ReviewTask } from '../ports.ts';

/** A review task as the reviewer sees it: nothing says who answered, or whether it is a gold review. */
export type BlindReviewTask = Omit<ReviewTask, 'isGold' | 'decisionReason' | 'screening'> & {
  /** Why the answer is in review. */
  reason: string | null;
  /** The screening checks that flagged it. */
  screening: { rule: VerdictRule; outcome: Exclude<VerdictOutcome, 'pass'>; reason: string }[];
};

/** What a gold review shows when its answer was not flagged: what an answer on an unsure item shows. */
const UNSURE_REASON = 'The answers on this item do not agree well enough to decide it by machine.';

/**
 * Hides what would give a gold review away, and what would bias any review: every task shows only the
 * screening flags (never the gold check, which names the expected answer) or, without flags, the sentence of
 * an unsure item. The pass's own reason is left out for all, since it names the consensus label for real
 * reviews and the gold step for gold ones: a reviewer who could tell them apart could be careful only on gold.
 */
export function blindReviewTask(task: ReviewTask): BlindReviewTask {
  const { isGold: _gold, decisionReason: _reason, screening: verdicts, ...rest } = task;
  const screening = verdicts.flatMap((v) =>
    v.outcome === 'pass' || v.rule === 'gold_wrong'
      ? []
      : [{ rule: v.rule, outcome: v.outcome, reason: v.reason }],
  );
  const reason = screening.map((v) => v.reason).join(' ') || UNSURE_REASON;
  return { ...rest, reason, screening };
}
