import { getAddress, isAddressEqual } from 'viem';
import type { ClaimProof, EarningsRow, EpochRow } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from './requireChain.ts';

export type MyRewards = {
  tokens: (EarningsRow & { symbol: string; decimals: number; role: 'platform' | 'partner' })[];
  lastEpoch: EpochRow | null;
  openEpoch: EpochRow | null;
  holdSeconds: number;
};

/** A contributor's earnings per token: accruing, in an epoch, claimable and claimed. */
export async function myRewards(
  deps: Pick<Deps, 'chain' | 'settlement' | 'settings'>,
  actor: Actor,
): Promise<MyRewards> {
  const chain = requireChain(deps);
  const rows = await deps.settlement.earnings(getAddress(actor.address), chain.contracts.token);
  const tokens: MyRewards['tokens'] = [];
  for (const row of rows) {
    const info = await chain.tokenInfo(row.token);
    tokens.push({
      ...row,
      ...info,
      role: isAddressEqual(row.token, chain.contracts.token) ? 'platform' : 'partner',
    });
  }
  return {
    tokens,
    lastEpoch: await deps.settlement.lastAccepted(),
    openEpoch: await deps.settlement.openEpoch(),
    holdSeconds: deps.settings.holdSeconds,
  };
}

/** The contributor's leaves in the last accepted root that still have something to claim. */
export async function claimable(
  deps: Pick<Deps, 'chain' | 'settlement'>,
  actor: Actor,
): Promise<ClaimProof[]> {
  requireChain(deps);
  return (await deps.settlement.claimProofs(getAddress(actor.address))).filter(
    (p) => p.cumulativeWei > p.claimedWei,
  );
}
