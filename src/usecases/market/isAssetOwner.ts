import type { Deps } from '../deps.ts';
import type { Actor, AssetRow } from '../ports.ts';

/** Whether the actor owns the asset: a member of its organization, or a co-owner of its community dataset. */
export async function isAssetOwner(
  deps: Pick<Deps, 'datasets'>,
  actor: Actor,
  asset: AssetRow,
): Promise<boolean> {
  if (actor.orgs.some((o) => o.id === asset.orgId)) return true;
  return asset.datasetId !== null && (await deps.datasets.shareOf(asset.datasetId, actor.address)) !== null;
}
