import { SHARE_FORMULA, type ShareFormula } from '../../domain/datasets/shareFormula.ts';
import type { Deps } from '../deps.ts';
import { type DatasetSharePage, listDatasetShares } from './listDatasetShares.ts';

export type DatasetDetail = DatasetSharePage & { formula: ShareFormula };

/** A published dataset with the formula its shares were computed by and the first page of its co-owners. */
export async function getDataset(
  deps: Pick<Deps, 'datasets'>,
  input: { datasetId: string; limit: number },
): Promise<DatasetDetail> {
  // Only one formula version exists so far; a second would be chosen by the dataset's formulaVersion here.
  return { ...(await listDatasetShares(deps, input)), formula: SHARE_FORMULA };
}
