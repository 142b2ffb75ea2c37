import { DomainError } from '../../errors.ts';

/** Which ends of a range are allowed: `[]` both, `()` neither, `[)` and `(]` one. */
export type RangeBounds = '[]' | '()' | '[)' | '(]';

/** Returns `value`, or refuses it with a message naming the option when it is outside the range. */
export function requireInRange(
  name: string,
  value: number,
  min: number,
  max: number,
  bounds: RangeBounds = '[]',
): number {
  const aboveMin = bounds[0] === '[' ? value >= min : value > min;
  const belowMax = bounds[1] === ']' ? value <= max : value < max;
  if (!(aboveMin && belowMax)) {
    throw new DomainError(
      'VALIDATION_FAILED',
      `${name} must be a number in ${bounds[0]}${min}, ${max}${bounds[1]}, got ${value}`,
    );
  }
  return value;
}
