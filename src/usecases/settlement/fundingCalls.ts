import { type Address, getAddress, isAddressEqual } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from '../projects/accessProject.ts';
import { requireChain } from './requireChain.ts';

const DAY_MS = 86_400_000;

/**
 * The two calls a requester's wallet sends to fund a project: approve the escrow to take the tokens, then fund.
 * The token is the platform token unless the project's partner token is named; the refund deadline is the
 * project's deadline, or 90 days from now.
 */
export async function fundingCalls(
  deps: Pick<Deps, 'projects' | 'chain' | 'clock'>,
  actor: Actor,
  input: { projectId: string; amountWei: bigint; token?: string | undefined },
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  const project = await accessProject(deps, actor, input.projectId);
  if (input.amountWei <= 0n) throw new DomainError('VALIDATION_FAILED', 'fund an amount above 0');
  const token = resolveToken(chain.contracts.token, project.partnerToken, input.token);
  const now = deps.clock.now();
  const deadline = project.deadline
    ? new Date(Math.max(new Date(project.deadline).getTime(), now.getTime() + DAY_MS))
    : new Date(now.getTime() + 90 * DAY_MS);
  return [
    chain.encode.approve(token, chain.contracts.escrow, input.amountWei),
    chain.encode.fund(project.id, token, input.amountWei, deadline),
  ];
}

/** The call that returns what is left in a project's escrow to its requester, after the deadline. */
export async function refundCall(
  deps: Pick<Deps, 'projects' | 'chain'>,
  actor: Actor,
  input: { projectId: string; token?: string | undefined },
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  const project = await accessProject(deps, actor, input.projectId);
  return [
    chain.encode.refund(project.id, resolveToken(chain.contracts.token, project.partnerToken, input.token)),
  ];
}

function resolveToken(platform: Address, partner: string | null, asked: string | undefined): Address {
  if (!asked) return platform;
  const token = getAddress(asked);
  if (isAddressEqual(token, platform) || (partner && isAddressEqual(token, getAddress(partner))))
    return token;
  throw new DomainError(
    'VALIDATION_FAILED',
    `this project is paid in ${platform}${partner ? ` and ${partner}` : ''}; ${asked} is neither`,
  );
}
