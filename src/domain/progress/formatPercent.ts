/**
 * A share as a percentage for a contributor to read: "54%", "92.5%". It rounds down, so a measured 59.96%
 * never reads as the 60% it falls short of.
 */
export function formatPercent(share: number): string {
  // The epsilon keeps 0.58 (stored as 0.57999…) at 58%.
  const tenths = Math.floor(share * 1000 + 1e-6);
  return `${tenths / 10}%`;
}
