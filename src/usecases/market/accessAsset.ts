import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetRow } from '../ports.ts';

/**
 * The asset if the actor may see it: a registered asset is on the marketplace for everyone signed in; a draft
 * only for its organization (and admins). Anyone else is told it does not exist.
 */
export async function accessAsset(
  deps: Pick<Deps, 'market'>,
  actor: Actor,
  assetId: string,
): Promise<AssetRow> {
  const asset = await deps.market.get(assetId);
  const visible =
    asset &&
    (asset.status === 'registered' ||
      actor.orgs.some((o) => o.id === asset.orgId) ||
      (actor.isAdmin && actor.via === 'session'));
  if (!asset || !visible) throw new DomainError('NOT_FOUND', `no asset ${assetId} on the marketplace`);
  return asset;
}
