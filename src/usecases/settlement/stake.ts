import { getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { TIER_NAMES } from '../../domain/progress/tierNames.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from './requireChain.ts';

export type MyStake = {
  stakeVault: string;
  token: string;
  lockedWei: bigint;
  unlockingWei: bigint;
  unlockAt: Date | null;
  balanceWei: bigint;
  /** The soulbound tier badges the account holds on chain. */
  badges: { tier: number; name: string }[];
};

/** A contributor's stake in the vault, wallet balance and tier badges, read from the chain. */
export async function myStake(deps: Pick<Deps, 'chain'>, actor: Actor): Promise<MyStake> {
  const chain = requireChain(deps);
  const account = getAddress(actor.address);
  const [stake, balanceWei, held] = await Promise.all([
    chain.stake(account),
    chain.tokenBalance(chain.contracts.token, account),
    Promise.all(TIER_NAMES.map((_, tier) => (tier === 0 ? false : chain.hasBadge(account, tier)))),
  ]);
  return {
    stakeVault: chain.contracts.stakeVault,
    token: chain.contracts.token,
    ...stake,
    balanceWei,
    badges: TIER_NAMES.flatMap((name, tier) => (held[tier] ? [{ tier, name }] : [])),
  };
}

/** The calls a contributor's wallet sends to lock stake, ask to unlock it, or withdraw it after the cooldown. */
export function stakeCalls(
  deps: Pick<Deps, 'chain'>,
  input: { action: 'lock' | 'unlock' | 'withdraw'; amountWei?: bigint | undefined },
): WalletCall[] {
  const chain = requireChain(deps);
  if (input.action === 'withdraw') return [chain.encode.withdraw()];
  const amount = input.amountWei ?? 0n;
  if (amount <= 0n)
    throw new DomainError('VALIDATION_FAILED', `say how much to ${input.action} (amountWei above 0)`);
  if (input.action === 'unlock') return [chain.encode.requestUnlock(amount)];
  return [
    chain.encode.approve(chain.contracts.token, chain.contracts.stakeVault, amount),
    chain.encode.lock(amount),
  ];
}
