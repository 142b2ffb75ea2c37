import { DomainError } from '../../errors.ts';

/** Returns `value`, or refuses it with a message naming the option when it is not a whole number ≥ `min`. */
export function requireWholeNumber(name: string, value: number, min: number): number {
  if (!Number.isSafeInteger(value) || value < min) {
    throw new DomainError('VALIDATION_FAILED', `${name} must be a whole number ≥ ${min}, got ${value}`);
  }
  return value;
}
