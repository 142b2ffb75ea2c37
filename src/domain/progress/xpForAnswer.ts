import type { Method } from '../../shared/methods.ts';
import { DomainError } from '../errors.ts';
import type { ProgressRules } from './progressRules.ts';

export type XpForAnswerInput = {
  readonly method: Method;
  /** The project's required level: harder projects pay more XP. */
  readonly requiredLevel: number;
};

/** XP for one approved work answer: the method's base times 1 + difficultyPerLevel × required level, rounded. */
export function xpForAnswer(input: XpForAnswerInput, rules: ProgressRules): number {
  const { method, requiredLevel } = input;
  if (!Number.isInteger(requiredLevel) || requiredLevel < 0) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `requiredLevel must be a whole number ≥ 0, got ${requiredLevel}`,
    );
  }
  const base = rules.xp.perAnswer[method];
  if (base === undefined) throw new DomainError('VALIDATION_FAILED', `no XP is set for the method ${method}`);
  const exact = base * (1 + rules.xp.difficultyPerLevel * requiredLevel);
  // Rounding at 6 decimals first keeps 10 × 2.35 at 23.5 (then 24), not 23.4999… (then 23).
  return Math.round(Math.round(exact * 1e6) / 1e6);
}
