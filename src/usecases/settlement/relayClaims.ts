import { getAddress, keccak256, stringToBytes } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { MinedTx, RewardClaim } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { claimable } from './myRewards.ts';
import { requireChain } from './requireChain.ts';
import { syncChain } from './syncChain.ts';

export type RelayResult = { claims: number; txs: MinedTx[] };

/**
 * The relayer: claims on behalf of contributors (the distributor pays each account itself, whoever sends the
 * claim), in batches of `batchSize` per transaction. With an actor, only that contributor's claims.
 * A batch's purpose is the hash of its claims, so a crash mid-way re-sends the same batch, not a new one.
 */
export async function relayClaims(
  deps: Pick<Deps, 'chain' | 'settlement'>,
  input: { actor?: Actor; batchSize?: number; maxBatches?: number } = {},
): Promise<RelayResult> {
  const chain = requireChain(deps);
  const batchSize = input.batchSize ?? 100;
  await syncChain({ chain, settlement: deps.settlement });
  const txs: MinedTx[] = [];
  let claims = 0;
  for (let b = 0; b < (input.maxBatches ?? 50); b++) {
    const due = input.actor
      ? (await claimable(deps, input.actor)).map((p) => ({ ...p, account: getAddress(input.actor!.address) }))
      : await deps.settlement.unclaimed(batchSize);
    if (!due.length) break;
    const batch: RewardClaim[] = due.slice(0, batchSize).map((p) => ({
      account: p.account,
      token: p.token,
      cumulativeWei: p.cumulativeWei,
      proof: p.proof,
    }));
    const purpose = `relay:${keccak256(stringToBytes(JSON.stringify(batch, (_, v) => (typeof v === 'bigint' ? v.toString() : v))))}`;
    txs.push(await chain.claimMany(purpose, batch));
    claims += batch.length;
    await syncChain({ chain, settlement: deps.settlement });
    if (input.actor) break;
  }
  if (input.actor && !claims)
    throw new DomainError(
      'NOTHING_TO_CLAIM',
      'nothing to claim yet: earnings become claimable when their epoch is accepted',
    );
  return { claims, txs };
}
