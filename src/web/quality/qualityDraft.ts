import { formatUnits, parseUnits } from '../../shared/amount.ts';
import {
  type AggregationMethod,
  type QualitySettings,
  type QualitySettingsInput,
  qualitySettings,
} from '../../shared/qualitySettings.ts';
import { type FieldIssue, fieldIssues } from '../lib/fieldIssues.ts';

/** The quality settings form as typed: numbers stay text until saved, so a half-typed value is not lost. */
export type QualityDraft = {
  method: AggregationMethod;
  confidence: string;
  minAnswers: string;
  maxOverlap: string;
  goldMinAccuracy: string;
  goldMinAnswers: string;
  reviewEnabled: boolean;
  reviewMinLevel: string;
  reviewMinAccuracy: string;
  /** In CRV, e.g. "0.05". */
  reviewReward: string;
  judgeEnabled: boolean;
  judgePrompt: string;
  tooFast: boolean;
  straightLining: boolean;
  nearDuplicate: boolean;
  goldCheck: boolean;
  deadLinks: boolean;
};

/** The form's starting point: a project's current settings. */
export function draftFrom(q: QualitySettings): QualityDraft {
  return {
    method: q.aggregation.method,
    confidence: String(q.aggregation.confidence),
    minAnswers: String(q.aggregation.minAnswers),
    maxOverlap: String(q.aggregation.maxOverlap),
    goldMinAccuracy: String(q.gold.minAccuracy),
    goldMinAnswers: String(q.gold.minAnswers),
    reviewEnabled: q.review.enabled,
    reviewMinLevel: String(q.review.minLevel),
    reviewMinAccuracy: String(q.review.minAccuracy),
    reviewReward: formatUnits(BigInt(q.review.rewardWei), 18).replaceAll(',', ''),
    judgeEnabled: q.judge.enabled,
    judgePrompt: q.judge.prompt,
    tooFast: q.screening.tooFast.enabled,
    straightLining: q.screening.straightLining.enabled,
    nearDuplicate: q.screening.nearDuplicate.enabled,
    goldCheck: q.screening.gold.enabled,
    deadLinks: q.screening.deadLinks.enabled,
  };
}

/**
 * The settings to send: the draft laid over the project's current settings (which keep what the form does not
 * show, like screening limits), checked with the server's own schema. Issue paths are relative to `quality`.
 */
export function settingsFrom(
  draft: QualityDraft,
  current: QualitySettings,
): { settings: QualitySettingsInput; issues: FieldIssue[] } {
  const issues: FieldIssue[] = [];
  const number = (text: string, path: string): number => {
    const value = text.trim() === '' ? Number.NaN : Number(text);
    if (!Number.isFinite(value)) issues.push({ path, message: 'enter a number' });
    return value;
  };
  let rewardWei = current.review.rewardWei;
  try {
    rewardWei = parseUnits(draft.reviewReward.trim() || '0').toString();
  } catch (e) {
    issues.push({ path: 'review.rewardWei', message: e instanceof Error ? e.message : String(e) });
  }
  const settings: QualitySettingsInput = {
    screening: {
      ...current.screening,
      tooFast: { ...current.screening.tooFast, enabled: draft.tooFast },
      straightLining: { ...current.screening.straightLining, enabled: draft.straightLining },
      nearDuplicate: { ...current.screening.nearDuplicate, enabled: draft.nearDuplicate },
      gold: { ...current.screening.gold, enabled: draft.goldCheck },
      deadLinks: { ...current.screening.deadLinks, enabled: draft.deadLinks },
    },
    gold: {
      minAccuracy: number(draft.goldMinAccuracy, 'gold.minAccuracy'),
      minAnswers: number(draft.goldMinAnswers, 'gold.minAnswers'),
    },
    aggregation: {
      method: draft.method,
      confidence: number(draft.confidence, 'aggregation.confidence'),
      minAnswers: number(draft.minAnswers, 'aggregation.minAnswers'),
      maxOverlap: number(draft.maxOverlap, 'aggregation.maxOverlap'),
    },
    review: {
      ...current.review,
      enabled: draft.reviewEnabled,
      minLevel: number(draft.reviewMinLevel, 'review.minLevel'),
      minAccuracy: number(draft.reviewMinAccuracy, 'review.minAccuracy'),
      rewardWei,
    },
    judge: { enabled: draft.judgeEnabled, prompt: draft.judgePrompt },
  };
  if (issues.length === 0) {
    const checked = qualitySettings.safeParse(settings);
    if (!checked.success) issues.push(...fieldIssues(checked.error.issues));
  }
  return { settings, issues };
}

/** Issues from the API are about the whole body ("quality.gold.minAccuracy"); the form's paths start inside it. */
export function withinQuality(issues: FieldIssue[]): FieldIssue[] {
  return issues.map((i) =>
    i.path.startsWith('quality.') ? { ...i, path: i.path.slice('quality.'.length) } : i,
  );
}
