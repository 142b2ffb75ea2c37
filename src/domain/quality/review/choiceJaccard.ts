/** Jaccard overlap of two sets of choices: shared / all; two empty selections agree fully. */
export function choiceJaccard(a: readonly string[], b: readonly string[]): number {
  const x = new Set(a);
  const y = new Set(b);
  let shared = 0;
  for (const c of x) if (y.has(c)) shared++;
  const all = x.size + y.size - shared;
  return all === 0 ? 1 : shared / all;
}
