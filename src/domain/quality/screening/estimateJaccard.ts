/** The share of positions where two MinHash signatures agree: an estimate of their sets' Jaccard similarity. */
export function estimateJaccard(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length || a.length === 0)
    throw new RangeError(
      `MinHash signatures must have the same, non-zero length (got ${a.length} and ${b.length})`,
    );
  let same = 0;
  for (let i = 0; i < a.length; i++) if (a[i] === b[i]) same++;
  return same / a.length;
}
