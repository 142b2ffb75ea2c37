/** The checks that can judge an answer; daily_cap and dead_link are decided outside this folder. */
export const VERDICT_RULES = [
  'schema',
  'too_fast',
  'straight_lining',
  'near_duplicate',
  'gold_wrong',
  'daily_cap',
  'dead_link',
] as const;
export type VerdictRule = (typeof VERDICT_RULES)[number];

/** From mildest to harshest: a flagged answer is kept but sent for review, a rejected one is refused. */
export const VERDICT_OUTCOMES = ['pass', 'flag', 'reject'] as const;
export type VerdictOutcome = (typeof VERDICT_OUTCOMES)[number];

/** One check's judgement of one answer, with a reason a contributor or reviewer can act on. */
export type Verdict = {
  readonly rule: VerdictRule;
  readonly outcome: VerdictOutcome;
  readonly reason: string;
};

/** Builds a verdict, refusing an empty reason: every verdict must say why. */
export function verdict(rule: VerdictRule, outcome: VerdictOutcome, reason: string): Verdict {
  if (reason.trim() === '') throw new Error(`the ${rule} verdict needs a reason`);
  return { rule, outcome, reason };
}
