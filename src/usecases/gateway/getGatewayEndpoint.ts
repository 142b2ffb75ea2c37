import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import { accessAsset } from '../market/accessAsset.ts';
import type { Actor, GatewayEndpointRow } from '../ports.ts';

/** An asset's gateway endpoint for anyone who may see the asset; `owner` says whether they may see the upstream. */
export async function getGatewayEndpoint(
  deps: Pick<Deps, 'market' | 'gateway'>,
  actor: Actor,
  assetId: string,
): Promise<{ endpoint: GatewayEndpointRow; owner: boolean }> {
  const asset = await accessAsset(deps, actor, assetId);
  const endpoint = await deps.gateway.endpoint(asset.id);
  if (!endpoint)
    throw new DomainError(
      'GATEWAY_NOT_CONFIGURED',
      `"${asset.name}" has no endpoint: its owner has not set one yet`,
      {
        assetId: asset.id,
      },
    );
  return { endpoint, owner: actor.orgs.some((o) => o.id === asset.orgId) };
}
