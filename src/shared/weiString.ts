import { z } from 'zod';

/** A non-negative integer amount of token base units, sent as a decimal string. */
export const weiString = z
  .string()
  .regex(
    /^\d{1,78}$/,
    'amounts are whole numbers of base units, written as a decimal string like "1000000000000000000"',
  );
