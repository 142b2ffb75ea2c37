import { METHOD_LABELS, type Method } from '../../../shared/methods.ts';
import type { ScreeningRules } from '../../../shared/screeningRules.ts';
import { type Verdict, verdict } from './verdict.ts';

export type CheckTooFastParams = {
  readonly method: Method;
  /** From the item being shown to the answer arriving, as measured by the server; absent when unknown. */
  readonly durationMs?: number | undefined;
};

const formatSeconds = (s: number) => `${Number(s.toFixed(1))} s`;

/**
 * Flags an answer given faster than the method's floor; exactly at the floor passes. A missing or
 * unusable duration passes, saying so, since guessing would punish a contributor for our gap.
 */
export function checkTooFast(
  rules: ScreeningRules['tooFast'],
  { method, durationMs }: CheckTooFastParams,
): Verdict {
  const floor = rules.minSecondsByMethod[method];
  if (durationMs === undefined || !Number.isFinite(durationMs) || durationMs < 0)
    return verdict('too_fast', 'pass', 'No answer time was recorded, so the speed check was skipped.');
  const taken = durationMs / 1000;
  if (taken >= floor)
    return verdict(
      'too_fast',
      'pass',
      `Answered in ${formatSeconds(taken)}, at or above the ${formatSeconds(floor)} minimum.`,
    );
  return verdict(
    'too_fast',
    'flag',
    `Answered in ${formatSeconds(taken)}, under the ${formatSeconds(floor)} minimum for ${METHOD_LABELS[method].toLowerCase()}; take the time to read each item before answering.`,
  );
}
