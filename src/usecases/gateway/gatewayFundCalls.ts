import { getAddress, isAddressEqual } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import { checkCurrency } from '../market/checkCurrency.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { callerOrg } from './callerOrg.ts';

const DAY_MS = 86_400_000;
/** A budget stays in escrow at least this long: its funder can take back what is left only after. */
const BUDGET_DAYS = 365;

/**
 * The calls a wallet sends to prepay its organization's gateway calls: approve the escrow, then fund the
 * organization's budget, an escrow under the budget's own key, as a project's is funded. The escrow takes one
 * funder per key, so an organization's budget is topped up from the wallet that first funded it.
 */
export async function gatewayFundCalls(
  deps: Pick<Deps, 'gateway' | 'chain' | 'clock'>,
  actor: Actor,
  input: { amountWei: bigint; token?: string | undefined; orgId?: string | undefined },
): Promise<WalletCall[]> {
  const chain = requireChain(deps);
  if (input.amountWei <= 0n) throw new DomainError('VALIDATION_FAILED', 'fund an amount above 0');
  const orgId = callerOrg(actor, input.orgId);
  const token = input.token ? checkCurrency(chain, input.token) : getAddress(chain.contracts.token);
  const now = deps.clock.now();
  const budgetId = await deps.gateway.budget(orgId, now);
  const balance = await deps.gateway.balance(orgId, token, now);
  const funder = balance?.requester;
  if (funder && !isAddressEqual(getAddress(funder), getAddress(actor.address)))
    throw new DomainError(
      'CONFLICT',
      `your organization’s gateway budget is funded from wallet ${funder}; top it up from that wallet`,
      { funder },
    );
  const floor = now.getTime() + BUDGET_DAYS * DAY_MS;
  const deadline = new Date(Math.max(floor, balance?.deadline?.getTime() ?? 0));
  return [
    chain.encode.approve(token, chain.contracts.escrow, input.amountWei),
    { ...chain.encode.fund(budgetId, token, input.amountWei, deadline), label: 'prepay gateway calls' },
  ];
}
