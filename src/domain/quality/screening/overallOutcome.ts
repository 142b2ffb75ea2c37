import { VERDICT_OUTCOMES, type Verdict, type VerdictOutcome } from './verdict.ts';

/** The harshest outcome among the verdicts: reject if any rejects, flag if any flags, else pass. */
export function overallOutcome(verdicts: readonly Verdict[]): VerdictOutcome {
  let worst = 0;
  for (const v of verdicts) worst = Math.max(worst, VERDICT_OUTCOMES.indexOf(v.outcome));
  return VERDICT_OUTCOMES[worst] ?? 'pass';
}
