import type { Hex } from 'viem';
import type { Deps } from '../deps.ts';
import type { AssetRow } from '../ports.ts';

/** One asset an account holds revenue of, with the weight and proof its claims are made with. */
export type RevenueHolding = {
  asset: AssetRow & { chainAssetId: bigint };
  role: 'owner' | 'co-owner';
  weight: bigint;
  totalWeight: bigint;
  proof: Hex[];
};

/**
 * Every registered asset `address` holds revenue of: those it owns alone on chain (weight 1 of 1, no proof) and
 * the community datasets it co-owns by its frozen share (its weight and Merkle proof against the committed root).
 */
export async function revenueHoldings(
  deps: Pick<Deps, 'market' | 'datasets'>,
  address: string,
): Promise<RevenueHolding[]> {
  const holdings: RevenueHolding[] = [];
  for (const asset of await deps.market.ownedBy(address))
    if (asset.chainAssetId !== null)
      holdings.push({
        asset: { ...asset, chainAssetId: asset.chainAssetId },
        role: 'owner',
        weight: 1n,
        totalWeight: 1n,
        proof: [],
      });
  for (const { dataset, share } of await deps.datasets.sharesOf(address)) {
    if (!dataset.commitTxHash) continue;
    const asset = await deps.market.byDataset(dataset.id);
    if (asset?.chainAssetId == null) continue;
    holdings.push({
      asset: { ...asset, chainAssetId: asset.chainAssetId },
      role: 'co-owner',
      weight: share.weight,
      totalWeight: dataset.totalWeight,
      proof: share.proof,
    });
  }
  return holdings;
}
