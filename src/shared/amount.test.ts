import { describe, expect, it } from 'vitest';
import { formatUnits, parseUnits, TOKEN_DECIMALS } from './amount.ts';

const ONE = 10n ** 18n;

describe('formatUnits', () => {
  it('uses 18 decimals', () => {
    expect(TOKEN_DECIMALS).toBe(18);
    expect(formatUnits(ONE)).toBe('1');
  });

  it('formats zero as "0"', () => {
    expect(formatUnits(0n)).toBe('0');
  });

  it('drops trailing zeros of the fraction', () => {
    expect(formatUnits(ONE / 2n)).toBe('0.5');
    expect(formatUnits(ONE + ONE / 10n)).toBe('1.1');
    expect(formatUnits(1_250_000_000_000_000_000n)).toBe('1.25');
  });

  it('keeps at most four fraction digits by default, cutting (not rounding) the rest', () => {
    expect(formatUnits(1_234_567_000_000_000_000n)).toBe('1.2345');
    expect(formatUnits(1_999_990_000_000_000_000n)).toBe('1.9999');
  });

  it('shows nothing after the point when the kept digits are all zero', () => {
    expect(formatUnits(1n)).toBe('0');
    expect(formatUnits(ONE + 1n)).toBe('1');
  });

  it('honours maxFraction', () => {
    expect(formatUnits(1_234_567_000_000_000_000n, 2)).toBe('1.23');
    expect(formatUnits(1_234_567_000_000_000_000n, 0)).toBe('1');
    expect(formatUnits(1n, 18)).toBe('0.000000000000000001');
  });

  it('honours a different number of decimals', () => {
    expect(formatUnits(1_500_000n, 4, 6)).toBe('1.5');
    expect(formatUnits(123n, 4, 2)).toBe('1.23');
  });

  it('groups thousands of the whole part with commas', () => {
    expect(formatUnits(1_234_567n * ONE + ONE / 2n)).toBe('1,234,567.5');
    expect(formatUnits(999n * ONE)).toBe('999');
  });

  it('formats negative amounts with a leading minus', () => {
    expect(formatUnits(-ONE)).toBe('-1');
    expect(formatUnits(-(ONE + ONE / 2n))).toBe('-1.5');
    expect(formatUnits(-1000n * ONE)).toBe('-1,000');
  });

  it('does not show "-0" for a negative amount too small to show', () => {
    // Bug: the sign is added even when the shown value is zero, so -1 wei formats as "-0".
    expect(formatUnits(-1n)).toBe('0');
    expect(formatUnits(-(10n ** 13n))).toBe('0');
  });
});

describe('parseUnits', () => {
  it('parses whole and decimal amounts into base units', () => {
    expect(parseUnits('0')).toBe(0n);
    expect(parseUnits('1')).toBe(ONE);
    expect(parseUnits('12')).toBe(12n * ONE);
    expect(parseUnits('0.5')).toBe(ONE / 2n);
    expect(parseUnits('1.25')).toBe(1_250_000_000_000_000_000n);
    expect(parseUnits('0.000000000000000001')).toBe(1n);
  });

  it('ignores surrounding whitespace and leading zeros', () => {
    expect(parseUnits('  1.5\n')).toBe(1_500_000_000_000_000_000n);
    expect(parseUnits('007')).toBe(7n * ONE);
  });

  it('honours a different number of decimals', () => {
    expect(parseUnits('1.5', 6)).toBe(1_500_000n);
    expect(parseUnits('3', 0)).toBe(3n);
  });

  it('parses amounts beyond the range of a double exactly', () => {
    expect(parseUnits('123456789012345678901234567890.123456789012345678')).toBe(
      123456789012345678901234567890123456789012345678n,
    );
  });

  it.each(['', ' ', 'abc', '1.', '.5', '-1', '+1', '1e3', '1,000', '1 000', '0x10', '1.2.3'])(
    'refuses %j as not a decimal amount',
    (text) => {
      expect(() => parseUnits(text)).toThrow(`"${text}" is not a decimal amount like 12 or 0.5`);
    },
  );

  it('refuses more fraction digits than the token has', () => {
    expect(() => parseUnits('1.0000000000000000001')).toThrow(
      '"1.0000000000000000001" has more than 18 decimal places',
    );
    expect(() => parseUnits('0.123', 2)).toThrow('"0.123" has more than 2 decimal places');
  });
});

describe('formatUnits and parseUnits together', () => {
  it.each(['0', '1', '0.5', '1.25', '12.3456', '999.9999'])('round trips %s', (text) => {
    expect(formatUnits(parseUnits(text))).toBe(text);
  });

  it('round trips base units when every fraction digit is kept', () => {
    for (const units of [0n, 1n, 10n ** 17n + 3n, 999n * ONE + 123n]) {
      expect(parseUnits(formatUnits(units, 18))).toBe(units);
    }
  });

  it('does not round trip 1000 or more, because the thousands separator is for people', () => {
    expect(formatUnits(parseUnits('1000'))).toBe('1,000');
    expect(() => parseUnits('1,000')).toThrow('"1,000" is not a decimal amount like 12 or 0.5');
  });
});
