/** Answer indices grouped by a key: the answers with key `k` are `order[start[k]]` to `order[start[k + 1] − 1]`. */
export type AnswerBuckets = { readonly start: Int32Array; readonly order: Int32Array };

/**
 * Groups answer indices by a key column (item or worker) with one counting sort: O(answers + keys), stable,
 * so each bucket lists its answers in their original order. Keys must lie in [0, count).
 */
export function bucketAnswers(keys: Int32Array, count: number): AnswerBuckets {
  const start = new Int32Array(count + 1);
  for (let a = 0; a < keys.length; a++) start[keys[a]! + 1]!++;
  for (let k = 0; k < count; k++) start[k + 1]! += start[k]!;
  const next = start.slice(0, count);
  const order = new Int32Array(keys.length);
  for (let a = 0; a < keys.length; a++) order[next[keys[a]!]!++] = a;
  return { start, order };
}
