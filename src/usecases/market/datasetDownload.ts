import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetRow } from '../ports.ts';
import { checkLicense } from './checkLicense.ts';

const PAGE = 2000;

/**
 * A dataset asset's rows (each labelled item's data and label) for someone who may use it; anyone else is
 * refused with LICENSE_REQUIRED and told how to buy a license.
 */
export async function datasetDownload(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain'>,
  actor: Actor,
  assetId: string,
): Promise<{
  asset: AssetRow;
  rows: AsyncIterable<{ itemId: string; externalId: string | null; data: unknown; label: unknown }[]>;
}> {
  const asset = (await checkLicense(deps, actor, { assetId }))!;
  const dataset = asset.datasetId ? await deps.datasets.get(asset.datasetId) : null;
  if (!dataset)
    throw new DomainError(
      'CONFLICT',
      `"${asset.name}" is a ${asset.kind}: only datasets published here are downloaded from Caravan`,
    );
  const market = deps.market;
  async function* rows() {
    for (let after: string | null = null; ; ) {
      const page = await market.datasetRows(dataset!.projectId, after, PAGE);
      if (!page.length) return;
      yield page;
      after = page.at(-1)!.itemId;
    }
  }
  return { asset, rows: rows() };
}
