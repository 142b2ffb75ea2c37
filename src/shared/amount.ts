/** Token amounts are bigint base units (18 decimals); this is the one place that converts them for people. */
export const TOKEN_DECIMALS = 18;

/** Formats base units as a decimal string with at most `maxFraction` fraction digits, trailing zeros dropped. */
export function formatUnits(baseUnits: bigint, maxFraction = 4, decimals = TOKEN_DECIMALS): string {
  const negative = baseUnits < 0n;
  const abs = negative ? -baseUnits : baseUnits;
  const unit = 10n ** BigInt(decimals);
  const whole = abs / unit;
  const fraction = (abs % unit).toString().padStart(decimals, '0').slice(0, maxFraction).replace(/0+$/, '');
  // An amount too small to show is 0, not -0.
  const sign = negative && (whole > 0n || fraction) ? '-' : '';
  return `${sign}${whole.toLocaleString('en-US')}${fraction ? `.${fraction}` : ''}`;
}

/** Parses a decimal token amount ("1.5") into base units; throws on anything that is not a plain decimal. */
export function parseUnits(text: string, decimals = TOKEN_DECIMALS): bigint {
  const match = /^(\d+)(?:\.(\d+))?$/.exec(text.trim());
  if (!match) throw new Error(`"${text}" is not a decimal amount like 12 or 0.5`);
  const fraction = match[2] ?? '';
  if (fraction.length > decimals) throw new Error(`"${text}" has more than ${decimals} decimal places`);
  return BigInt(match[1]!) * 10n ** BigInt(decimals) + BigInt(fraction.padEnd(decimals, '0') || '0');
}
