import { DomainError } from '../../domain/errors.ts';
import { utcDayStart } from '../../domain/tasks/utcDayStart.ts';
import type { Deps } from '../deps.ts';
import { accessAsset } from '../market/accessAsset.ts';
import type { Actor, AssetRow, GatewayUsageDay } from '../ports.ts';

const DAY_MS = 86_400_000;

/** An asset's gateway calls, tokens and revenue per UTC day over the last `days`, for its organization and admins. */
export async function assetUsage(
  deps: Pick<Deps, 'market' | 'gateway' | 'clock'>,
  actor: Actor,
  input: { assetId: string; days: number },
): Promise<{ asset: AssetRow; currency: string | null; days: GatewayUsageDay[] }> {
  const asset = await accessAsset(deps, actor, input.assetId);
  if (!actor.orgs.some((o) => o.id === asset.orgId) && !(actor.isAdmin && actor.via === 'session'))
    throw new DomainError('FORBIDDEN', `only the organization that owns "${asset.name}" sees its usage`);
  const since = new Date(utcDayStart(deps.clock.now()).getTime() - (input.days - 1) * DAY_MS);
  const endpoint = await deps.gateway.endpoint(asset.id);
  return { asset, currency: endpoint?.token ?? null, days: await deps.gateway.usage(asset.id, since) };
}
