import { getAddress } from 'viem';
import type { Deps } from '../deps.ts';
import type { Actor, AssetRow, LicenseRow } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';

export type Purchase = LicenseRow & {
  asset: AssetRow | null;
  symbol: string;
  decimals: number;
  /** Whether this purchase's license runs now (by the chain's clock). */
  active: boolean;
};

/** The licenses the actor's address bought, newest first, as the chain sync mirrored them. */
export async function myPurchases(deps: Pick<Deps, 'market' | 'chain'>, actor: Actor): Promise<Purchase[]> {
  const chain = requireChain(deps);
  const rows = await deps.market.licensesOf(getAddress(actor.address));
  const now = await chain.now();
  const out: Purchase[] = [];
  for (const r of rows) {
    const info = await chain.tokenInfo(getAddress(r.currency));
    out.push({ ...r, ...info, active: r.expiresAt === null || r.expiresAt > now });
  }
  return out;
}
