import { z } from 'zod';

/**
 * A non-negative integer amount of token base units, sent as a decimal string. A string that is not one stops
 * here, so refinements on top (`BigInt(v) > 0n`) only ever see digits.
 */
export const weiString = z.string().regex(/^\d{1,78}$/, {
  error: 'amounts are whole numbers of base units, written as a decimal string like "1000000000000000000"',
  abort: true,
});
