import type { SYBIL_KINDS } from '../../shared/api.ts';
import type { AggregationMethod } from '../../shared/qualitySettings.ts';

/** The aggregation methods as a requester would recognise them. */
export const AGGREGATION_LABELS: Record<AggregationMethod, string> = {
  mv: 'Majority vote',
  wawa: 'Wawa (agreement-weighted vote)',
  ds: 'Dawid-Skene',
  onecoin: 'One-coin Dawid-Skene',
  glad: 'GLAD (item difficulty)',
  mace: 'MACE (spammer-aware)',
};

/** Who decided an answer, as the dashboard says it. */
const DECIDER_LABELS: Record<string, string> = {
  screening: 'Screening rule',
  gold: 'Below the gold bar',
  machine: 'Disagreed with consensus',
  judge: 'Model judge',
  review: 'Peer review',
  qa: 'QA check',
  sybil: 'Spam or collusion flag',
  unknown: 'Unknown',
};

/** Screening rules by the names their verdicts carry. */
const RULE_LABELS: Record<string, string> = {
  schema: 'Wrong shape',
  too_fast: 'Too fast',
  straight_lining: 'Straight-lining',
  near_duplicate: 'Near-duplicate text',
  gold_wrong: 'Wrong on gold',
  daily_cap: 'Over the daily cap',
  dead_link: 'Dead link',
};

export type SybilKind = (typeof SYBIL_KINDS)[number];

/** What each spam flag means, short. */
export const FLAG_LABELS: Record<SybilKind, string> = {
  random_clicker: 'Random clicker',
  constant_answerer: 'Constant answerer',
  colluder: 'Colluder',
};

/** A readable name for a rejection reason (the step that decided). */
export function deciderLabel(reason: string): string {
  return DECIDER_LABELS[reason] ?? reason.replaceAll('_', ' ');
}

/** A readable name for a screening rule. */
export function ruleLabel(rule: string): string {
  return RULE_LABELS[rule] ?? rule.replaceAll('_', ' ');
}

/** A readable name for the method the report says labels came from ("ds", "bbox_consensus"). */
export function aggregationLabel(method: string | null): string {
  if (!method) return 'not decided yet';
  if (method in AGGREGATION_LABELS) return AGGREGATION_LABELS[method as AggregationMethod];
  return method.endsWith('_consensus')
    ? `${method.slice(0, -'_consensus'.length).replaceAll('_', ' ')} consensus`
    : method;
}
