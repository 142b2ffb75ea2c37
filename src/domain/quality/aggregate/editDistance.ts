/**
 * Levenshtein distance between two strings, counted in Unicode code points (so an emoji is one edit).
 * The shared prefix and suffix are skipped first, which keeps near-identical transcriptions cheap.
 */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  const x = Array.from(a);
  const y = Array.from(b);
  let start = 0;
  while (start < x.length && start < y.length && x[start] === y[start]) start++;
  let endX = x.length;
  let endY = y.length;
  while (endX > start && endY > start && x[endX - 1] === y[endY - 1]) {
    endX--;
    endY--;
  }
  const n = endX - start;
  const m = endY - start;
  if (n === 0) return m;
  if (m === 0) return n;
  let previous = new Int32Array(m + 1);
  let current = new Int32Array(m + 1);
  for (let j = 0; j <= m; j++) previous[j] = j;
  for (let i = 1; i <= n; i++) {
    current[0] = i;
    const xi = x[start + i - 1];
    for (let j = 1; j <= m; j++) {
      const substitution = previous[j - 1]! + (xi === y[start + j - 1] ? 0 : 1);
      const deletion = previous[j]! + 1;
      const insertion = current[j - 1]! + 1;
      current[j] =
        substitution < deletion ? Math.min(substitution, insertion) : Math.min(deletion, insertion);
    }
    [previous, current] = [current, previous];
  }
  return previous[m]!;
}
