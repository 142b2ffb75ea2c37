const BUCKETS: [limit: number, name: string][] = [
  [1e3, 'n<1K'],
  [1e4, '1K<n<10K'],
  [1e5, '10K<n<100K'],
  [1e6, '100K<n<1M'],
  [1e7, '1M<n<10M'],
  [1e8, '10M<n<100M'],
  [1e9, '100M<n<1B'],
  [1e10, '1B<n<10B'],
  [1e11, '10B<n<100B'],
  [1e12, '100B<n<1T'],
];

/** The Hugging Face `size_categories` bucket for a row count (the Hub's own boundaries: 1,000 is 1K<n<10K). */
export function sizeCategory(rows: number): string {
  for (const [limit, name] of BUCKETS) if (rows < limit) return name;
  return 'n>1T';
}
