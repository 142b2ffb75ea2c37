/**
 * A rate as a percentage with no more precision than an admin needs: "52%", "0.4%", "99.7%". Near the
 * ends one decimal is kept so that a rate short of certainty never reads as 0% or 100%.
 */
export function formatPercent(rate: number): string {
  const percent = rate * 100;
  if (percent > 0 && percent < 1) return `${Math.max(0.1, Math.round(percent * 10) / 10)}%`;
  if (percent > 99 && percent < 100) return `${Math.min(99.9, Math.round(percent * 10) / 10)}%`;
  return `${Math.round(percent)}%`;
}
