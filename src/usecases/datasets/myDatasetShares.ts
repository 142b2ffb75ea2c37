import type { Deps } from '../deps.ts';
import type { Actor, DatasetRow, DatasetShareRow } from '../ports.ts';

/** The actor's co-ownership in every published dataset, newest first, with the proof of each share. */
export async function myDatasetShares(
  deps: Pick<Deps, 'datasets'>,
  actor: Actor,
): Promise<{ dataset: DatasetRow; share: DatasetShareRow }[]> {
  return deps.datasets.sharesOf(actor.address);
}
