/**
 * A 0..1 measure to two decimals for a reason a person reads, with more decimals when two would print it
 * equal to the bar it is compared with ("0.4999, below 0.50" rather than "0.50, below 0.50").
 */
export function formatRatio(value: number, bar: number): string {
  for (let digits = 2; digits < 6; digits++) {
    const shown = value.toFixed(digits);
    if (value === bar || shown !== bar.toFixed(digits)) return shown;
  }
  return value.toFixed(6);
}
