import { getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { accessAsset } from './accessAsset.ts';
import { myEarnings } from './myEarnings.ts';

/**
 * One `claimRevenue` call per token the actor can claim from an asset now: weight 1 and no proof for its sole
 * owner, a co-owner's frozen weight and Merkle proof from the dataset's shares. Anyone may send them; the tokens
 * always go to the actor.
 */
export async function revenueClaimCalls(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain'>,
  actor: Actor,
  assetId: string,
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  const asset = await accessAsset(deps, actor, assetId);
  const mine = (await myEarnings(deps, actor)).find((e) => e.asset.id === asset.id);
  const claimable = mine?.tokens.filter((t) => t.claimableWei > 0n) ?? [];
  if (!mine || !claimable.length)
    throw new DomainError(
      'NOTHING_TO_CLAIM',
      mine
        ? `nothing to claim from "${asset.name}" yet: revenue arrives with license sales and deposits`
        : `you hold no share of "${asset.name}"'s revenue`,
      { assetId: asset.id },
    );
  const account = getAddress(actor.address);
  return claimable.map((t) =>
    chain.encode.claimRevenue(mine.asset.chainAssetId, t.token, account, mine.weight, mine.proof),
  );
}
