import { getAddress } from 'viem';
import type { AssetTerms } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetRow, DatasetRow, LineageEdge, LineageNode } from '../ports.ts';
import { accessAsset } from './accessAsset.ts';
import { isAssetOwner } from './isAssetOwner.ts';
import { fromChainTerms } from './toChainTerms.ts';

/** How many levels of lineage the asset page draws each way, and how many co-owners it lists. */
const LINEAGE_DEPTH = 4;
const OWNERS_SHOWN = 50;
const PERPETUAL = 2n ** 64n - 1n;

export type AssetDetail = {
  asset: AssetRow;
  lineage: { nodes: LineageNode[]; edges: LineageEdge[] };
  owners: {
    kind: 'sole' | 'community';
    owner: string;
    totalWeight: bigint | null;
    shares: { account: string; weight: bigint; sharePpm: bigint }[];
    more: boolean;
  };
  dataset: DatasetRow | null;
  license: { held: boolean; expiresAt: Date | null; owner: boolean };
  salesCount: number;
  feeBps: number | null;
};

/**
 * One asset's page: its card, its terms (the chain's, once registered), its lineage up and down, who its revenue
 * goes to (the co-owners' frozen shares for a community dataset), sample rows, provenance, and the viewer's own
 * license.
 */
export async function getAsset(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain'>,
  actor: Actor,
  assetId: string,
): Promise<AssetDetail> {
  const stored = await accessAsset(deps, actor, assetId);
  const chainId = stored.chainAssetId;
  const market = deps.chain?.market;
  let terms: AssetTerms = stored.terms;
  let held = false;
  let expiresAt: Date | null = null;
  let feeBps: number | null = null;
  if (market && chainId !== null) {
    const account = getAddress(actor.address);
    const [chainTerms, has, expiry, fee] = await Promise.all([
      market.terms(chainId),
      market.hasLicense(chainId, account),
      market.licenseExpiry(chainId, account),
      market.feeBps(),
    ]);
    terms = fromChainTerms(chainTerms);
    held = has;
    expiresAt = expiry === 0n || expiry === PERPETUAL ? null : new Date(Number(expiry) * 1000);
    feeBps = fee;
  }
  const asset = { ...stored, terms };
  const dataset = asset.datasetId ? await deps.datasets.get(asset.datasetId) : null;
  const shares = dataset ? await deps.datasets.shares(dataset.id, 0, OWNERS_SHOWN + 1) : [];
  return {
    asset,
    lineage: await deps.market.lineage(asset.id, LINEAGE_DEPTH),
    owners: dataset
      ? {
          kind: 'community',
          owner: asset.ownerAddress,
          totalWeight: dataset.totalWeight,
          shares: shares
            .slice(0, OWNERS_SHOWN)
            .map((s) => ({ account: s.account, weight: s.weight, sharePpm: s.sharePpm })),
          more: shares.length > OWNERS_SHOWN,
        }
      : {
          kind: 'sole',
          owner: asset.ownerAddress,
          totalWeight: 1n,
          shares: [{ account: asset.ownerAddress, weight: 1n, sharePpm: 1_000_000n }],
          more: false,
        },
    dataset,
    license: { held, expiresAt, owner: await isAssetOwner(deps, actor, asset) },
    salesCount: chainId === null ? 0 : await deps.market.salesCount(chainId),
    feeBps,
  };
}
