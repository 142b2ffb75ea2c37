import { type Address, formatUnits, getAddress } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { TIER_NAMES } from '../../domain/progress/tierNames.ts';
import type { Deps } from '../deps.ts';
import type { Actor, LeaseContext } from '../ports.ts';

const tokens = (wei: bigint) => formatUnits(wei, 18);

/**
 * Refuses work the project's escrow cannot pay for, and contributors who lack the project's on-chain gates
 * (a locked stake, a tier badge, a token balance). Escrow is read from the database's mirror of the chain;
 * the gates are read from the chain itself.
 */
export async function checkOnChainGates(
  deps: Pick<Deps, 'chain' | 'settings'>,
  actor: Actor,
  context: Pick<LeaseContext, 'project' | 'escrow'>,
): Promise<void> {
  const { project, escrow } = context;
  const { chain } = deps;
  if (deps.settings.escrowRequired && chain) {
    const pays: [Address, bigint, bigint][] = [
      [chain.contracts.token, BigInt(project.rewardPerItemWei), escrow.committedWei],
    ];
    if (project.partnerToken)
      pays.push([
        getAddress(project.partnerToken),
        BigInt(project.partnerRewardPerItemWei),
        escrow.partnerCommittedWei,
      ]);
    for (const [token, rewardWei, committedWei] of pays) {
      if (rewardWei === 0n) continue;
      const held = escrow.heldWei.get(token.toLowerCase()) ?? 0n;
      if (held - committedWei < rewardWei)
        throw new DomainError(
          'ESCROW_EMPTY',
          held === 0n
            ? 'this project is not funded yet: its requester has to put its budget in escrow before work is offered'
            : 'this project has used up its funded budget; work resumes when its requester adds funds',
          { token, heldWei: held.toString(), committedWei: committedWei.toString() },
        );
    }
  }
  const g = project.gates;
  const needsChain = BigInt(g.minStakeWei) > 0n || g.badgeTier !== null || g.token !== null;
  if (!needsChain) return;
  if (!chain)
    throw new DomainError(
      'CHAIN_UNAVAILABLE',
      'this project gates work on chain, and this server has no chain',
    );
  const account = getAddress(actor.address);
  if (BigInt(g.minStakeWei) > 0n) {
    const locked = await chain.lockedStake(account);
    if (locked < BigInt(g.minStakeWei))
      throw new DomainError(
        'STAKE_TOO_LOW',
        `this project needs ${tokens(BigInt(g.minStakeWei))} tokens locked in the stake vault; you have ${tokens(locked)} locked`,
      );
  }
  if (g.badgeTier !== null && !(await chain.hasBadge(account, g.badgeTier)))
    throw new DomainError(
      'BADGE_REQUIRED',
      `this project needs the ${TIER_NAMES[g.badgeTier] ?? `tier ${g.badgeTier}`} badge`,
    );
  if (g.token !== null) {
    const balance = await chain.tokenBalance(getAddress(g.token), account);
    if (balance < BigInt(g.minTokenWei))
      throw new DomainError(
        'TOKEN_BALANCE_TOO_LOW',
        `this project needs a balance of at least ${tokens(BigInt(g.minTokenWei))} of token ${g.token}; you hold ${tokens(balance)}`,
      );
  }
}
