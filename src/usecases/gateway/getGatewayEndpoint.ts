import type { Deps } from '../deps.ts';
import { accessAsset } from '../market/accessAsset.ts';
import type { Actor, GatewayEndpointRow } from '../ports.ts';

/**
 * An asset's gateway endpoint for anyone who may see the asset, or null while its owner has not set one (an empty
 * state, not an error); `owner` says whether they may see the upstream.
 */
export async function getGatewayEndpoint(
  deps: Pick<Deps, 'market' | 'gateway'>,
  actor: Actor,
  assetId: string,
): Promise<{ endpoint: GatewayEndpointRow | null; owner: boolean }> {
  const asset = await accessAsset(deps, actor, assetId);
  const endpoint = await deps.gateway.endpoint(asset.id);
  return { endpoint, owner: actor.orgs.some((o) => o.id === asset.orgId) };
}
