import { DomainError } from '../../errors.ts';

/** Returns `value`, or refuses it with a message naming the option when it is not a number ≥ 0. */
export function requireNonNegative(name: string, value: number): number {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new DomainError('VALIDATION_FAILED', `${name} must be a finite number ≥ 0, got ${value}`);
  }
  return value;
}
