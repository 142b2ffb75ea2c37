import { type Address, getAddress } from 'viem';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { claimableRevenue } from './claimableRevenue.ts';
import { type RevenueHolding, revenueHoldings } from './revenueHoldings.ts';

export type AssetEarning = RevenueHolding & {
  tokens: {
    token: Address;
    symbol: string;
    decimals: number;
    creditedWei: bigint;
    claimedWei: bigint;
    claimableWei: bigint;
  }[];
};

/**
 * For each asset the actor owns or co-owns, per token it was credited in (and its license currency): what its
 * holders were credited, what the actor claimed and what they can claim now, read from the registry and computed
 * exactly as the registry computes a claim.
 */
export async function myEarnings(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain'>,
  actor: Actor,
): Promise<AssetEarning[]> {
  const chain = requireChain(deps);
  const account = getAddress(actor.address);
  const holdings = await revenueHoldings(deps, account);
  const tokensOf = await deps.market.creditTokens(holdings.map((h) => h.asset.chainAssetId));
  const out: AssetEarning[] = [];
  for (const h of holdings) {
    const tokens = [
      ...new Set(
        [h.asset.terms.currency, ...(tokensOf.get(h.asset.chainAssetId) ?? [])].map((t) => getAddress(t)),
      ),
    ];
    const rows: AssetEarning['tokens'] = [];
    for (const token of tokens) {
      const r = await chain.market.revenue(h.asset.chainAssetId, token, account);
      const community = h.role === 'co-owner';
      rows.push({
        token,
        ...(await chain.tokenInfo(token)),
        creditedWei: r.creditedWei,
        claimedWei: community ? r.claimedByAccountWei : r.claimedByHoldersWei,
        claimableWei: claimableRevenue({ ...r, weight: h.weight, totalWeight: h.totalWeight, community }),
      });
    }
    out.push({ ...h, tokens: rows });
  }
  return out;
}
