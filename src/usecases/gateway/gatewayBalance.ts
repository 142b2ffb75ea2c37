import { type Address, getAddress } from 'viem';
import type { OrgId } from '../../shared/brand.ts';
import type { Deps } from '../deps.ts';
import { checkCurrency } from '../market/checkCurrency.ts';
import type { Actor, GatewayBudgetBalance } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { callerOrg } from './callerOrg.ts';
import { STALE_RESERVATION_MS } from './gatewayChat.ts';

export type GatewayBalanceView = GatewayBudgetBalance & {
  orgId: OrgId;
  token: Address;
  symbol: string;
  decimals: number;
  /** What new calls can spend: funded less refunded, less spent and reserved. */
  availableWei: bigint;
};

/** The caller organization's prepaid gateway budget in one token (the platform token unless named). */
export async function gatewayBalance(
  deps: Pick<Deps, 'gateway' | 'chain' | 'clock'>,
  actor: Actor,
  input: { orgId?: string | undefined; token?: string | undefined },
): Promise<GatewayBalanceView> {
  const chain = requireChain(deps);
  const orgId = callerOrg(actor, input.orgId);
  const token = input.token ? checkCurrency(chain, input.token) : getAddress(chain.contracts.token);
  const now = deps.clock.now();
  await deps.gateway.budget(orgId, now);
  const b = (await deps.gateway.balance(orgId, token, new Date(now.getTime() - STALE_RESERVATION_MS)))!;
  const available = b.fundedWei - b.refundedWei - b.spentWei - b.reservedWei;
  return {
    ...b,
    orgId,
    token,
    ...(await chain.tokenInfo(token)),
    availableWei: available > 0n ? available : 0n,
  };
}
