import { getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetRow } from '../ports.ts';
import { isAssetOwner } from './isAssetOwner.ts';

/**
 * Refuses, before a download, anyone who may not use the asset: its organization and (for a community dataset)
 * its co-owners always may, anyone else needs a license valid now on chain. Name the asset or the dataset it
 * was registered from; a dataset not on the marketplace is for its organization and co-owners only.
 */
export async function checkLicense(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain'>,
  actor: Actor,
  of: { assetId: string } | { datasetId: string },
): Promise<AssetRow | null> {
  if ('datasetId' in of) {
    const dataset = await deps.datasets.get(of.datasetId);
    if (!dataset) throw new DomainError('NOT_FOUND', `no dataset ${of.datasetId}`);
    const asset = await deps.market.byDataset(dataset.id);
    if (asset) return checkLicense(deps, actor, { assetId: asset.id });
    if (
      actor.orgs.some((o) => o.id === dataset.orgId) ||
      (await deps.datasets.shareOf(dataset.id, actor.address))
    )
      return null;
    throw new DomainError(
      'LICENSE_REQUIRED',
      `"${dataset.name}" is not on the marketplace yet, so it has no license to buy: only its organization and co-owners may download it`,
      { datasetId: dataset.id },
    );
  }
  const asset = await deps.market.get(of.assetId);
  if (!asset) throw new DomainError('NOT_FOUND', `no asset ${of.assetId} on the marketplace`);
  if (await isAssetOwner(deps, actor, asset)) return asset;
  const chain = deps.chain;
  if (
    asset.chainAssetId !== null &&
    chain &&
    (await chain.market.hasLicense(asset.chainAssetId, getAddress(actor.address)))
  )
    return asset;
  const price =
    asset.terms.priceWei === '0'
      ? 'free'
      : `${asset.terms.priceWei} base units of token ${asset.terms.currency}`;
  throw new DomainError(
    'LICENSE_REQUIRED',
    asset.chainAssetId === null
      ? `"${asset.name}" is not registered on chain yet, so it has no license to buy`
      : `"${asset.name}" needs a license (${price}): buy one with the Buy button on its marketplace page, or POST /api/assets/${asset.id}/purchase-calls and send the calls from your wallet`,
    { assetId: asset.id, priceWei: asset.terms.priceWei, currency: asset.terms.currency },
  );
}
