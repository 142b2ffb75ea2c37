import { getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { accessAsset } from './accessAsset.ts';
import { requireRegistered } from './requireRegistered.ts';

const PERPETUAL = 2n ** 64n - 1n;

/**
 * The calls a buyer's wallet sends to buy a license at the asset's current terms on chain: approve the registry
 * to take the price (when there is one), then `purchaseLicense` with that price as the most it pays, so a price
 * raised in between reverts instead of charging more.
 */
export async function purchaseCalls(
  deps: Pick<Deps, 'market' | 'chain'>,
  actor: Actor,
  assetId: string,
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  const asset = await accessAsset(deps, actor, assetId);
  const chainId = requireRegistered(asset);
  const buyer = getAddress(actor.address);
  if ((await chain.market.licenseExpiry(chainId, buyer)) === PERPETUAL)
    throw new DomainError('CONFLICT', `you already hold a perpetual license to "${asset.name}"`);
  const terms = await chain.market.terms(chainId);
  return [
    ...(terms.priceWei > 0n
      ? [chain.encode.approve(terms.currency, chain.contracts.assetRegistry, terms.priceWei)]
      : []),
    chain.encode.purchaseLicense(chainId, terms.currency, terms.priceWei),
  ];
}
