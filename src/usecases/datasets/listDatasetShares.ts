import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { DatasetRow, DatasetShareRow } from '../ports.ts';

export type DatasetSharePage = { dataset: DatasetRow; shares: DatasetShareRow[]; nextCursor: string | null };

/** One page of a published dataset's co-owners by rank; the cursor is the last rank of the page before. */
export async function listDatasetShares(
  deps: Pick<Deps, 'datasets'>,
  input: { datasetId: string; cursor?: string | undefined; limit: number },
): Promise<DatasetSharePage> {
  const dataset = await deps.datasets.get(input.datasetId);
  if (!dataset) throw new DomainError('NOT_FOUND', `no published dataset ${input.datasetId}`);
  const after = input.cursor === undefined ? 0 : Number(input.cursor);
  if (!Number.isSafeInteger(after) || after < 0)
    throw new DomainError('VALIDATION_FAILED', 'cursor is the nextCursor of the previous page');
  const shares = await deps.datasets.shares(dataset.id, after, input.limit);
  const last = shares.at(-1)?.rank ?? after;
  return { dataset, shares, nextCursor: last < dataset.contributorCount ? String(last) : null };
}
