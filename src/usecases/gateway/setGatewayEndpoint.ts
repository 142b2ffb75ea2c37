import type { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { UserId } from '../../shared/brand.ts';
import type { gatewayEndpointBody } from '../../shared/gatewayApi.ts';
import type { Deps } from '../deps.ts';
import { accessAsset } from '../market/accessAsset.ts';
import { checkCurrency } from '../market/checkCurrency.ts';
import type { Actor, GatewayEndpointRow } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { gatewayBaseUrl } from './gatewayBaseUrl.ts';

export type SetGatewayEndpointInput = z.infer<typeof gatewayEndpointBody> & { assetId: string };

/**
 * Sets a model's or agent's upstream, pricing and split; only its organization may. The URL is refused when it
 * points to this machine or a private network (unless the server allows that: development wallets). The
 * upstream key is kept when the request leaves it out, and is never shown again.
 */
export async function setGatewayEndpoint(
  deps: Pick<Deps, 'market' | 'gateway' | 'upstream' | 'chain' | 'clock'>,
  actor: Actor,
  input: SetGatewayEndpointInput,
): Promise<GatewayEndpointRow> {
  const chain = requireChain(deps);
  const asset = await accessAsset(deps, actor, input.assetId);
  if (!actor.orgs.some((o) => o.id === asset.orgId))
    throw new DomainError(
      'FORBIDDEN',
      `only members of the organization that owns "${asset.name}" set its endpoint`,
    );
  if (asset.kind === 'dataset')
    throw new DomainError(
      'CONFLICT',
      `"${asset.name}" is a dataset: only models and agents have an endpoint`,
    );
  const token = input.currency ? checkCurrency(chain, input.currency) : chain.contracts.token;
  const refused = await deps.upstream.refuse(input.url);
  if (refused) throw new DomainError('VALIDATION_FAILED', `url: ${refused}`);
  return deps.gateway.setEndpoint({
    assetId: asset.id,
    url: input.url,
    apiKey: input.apiKey,
    model: input.model,
    token,
    pricePerCallWei: BigInt(input.pricePerCallWei),
    pricePer1kTokensWei: BigInt(input.pricePer1kTokensWei),
    developerBps: input.split.developerBps,
    dataProvidersBps: input.split.dataProvidersBps,
    validatorsBps: input.split.validatorsBps,
    publicUrl: gatewayBaseUrl(asset.id),
    updatedBy: actor.id as UserId,
    now: deps.clock.now(),
  });
}
