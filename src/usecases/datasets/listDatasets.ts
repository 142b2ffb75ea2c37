import type { Deps } from '../deps.ts';
import type { DatasetRow } from '../ports.ts';

export type DatasetPage = { datasets: DatasetRow[]; nextCursor: string | null };

/** Published datasets, newest first, a page at a time; `search` keeps those whose name contains it. */
export async function listDatasets(
  deps: Pick<Deps, 'datasets'>,
  input: { search?: string | undefined; cursor?: string | undefined; limit: number },
): Promise<DatasetPage> {
  const datasets = await deps.datasets.list({
    search: input.search?.trim() || null,
    cursor: input.cursor ?? null,
    limit: input.limit,
  });
  return { datasets, nextCursor: datasets.length === input.limit ? (datasets.at(-1)?.seq ?? null) : null };
}
