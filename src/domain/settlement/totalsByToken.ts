import type { RewardLeafValue } from '../merkle/standardLeaf.ts';

/**
 * The grand total per token of an epoch's cumulative leaves, as decimal strings: what the distributor is told
 * each token's claims may add up to, and what the epoch's manifest commits to. Only tokens some leaf holds
 * appear.
 */
export function totalsByToken(leaves: readonly RewardLeafValue[]): Record<string, string> {
  const sums = new Map<string, bigint>();
  for (const l of leaves) sums.set(l.token, (sums.get(l.token) ?? 0n) + l.cumulativeWei);
  return Object.fromEntries([...sums].map(([token, wei]) => [token, wei.toString()]));
}
