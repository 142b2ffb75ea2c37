/**
 * `value × 10^power` by moving the decimal point of its shortest decimal form, so that scaling back by `-power`
 * returns the very same number (0.29 × 100 is 28.999999999999996 in floating point, but 29 here). Exact both
 * ways for numbers of up to 15 significant digits; past that the scaled number may have another shortest form.
 */
export function scaleDecimal(value: number, power: number): number {
  const [mantissa, exponent = '0'] = String(value).split('e');
  return Number(`${mantissa}e${Number(exponent) + power}`);
}
