import { getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { claimable } from './myRewards.ts';
import { requireChain } from './requireChain.ts';

/** One claim call per token with something to claim, for the contributor's own wallet to send. */
export async function claimCalls(
  deps: Pick<Deps, 'chain' | 'settlement'>,
  actor: Actor,
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  const proofs = await claimable(deps, actor);
  if (!proofs.length)
    throw new DomainError(
      'NOTHING_TO_CLAIM',
      'nothing to claim yet: earnings become claimable when their epoch is accepted',
    );
  const account = getAddress(actor.address);
  return proofs.map((p) => chain.encode.claim(account, p.token, p.cumulativeWei, p.proof));
}
