import { type Hex, isAddressEqual } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { devAccountKeyHex, listDevAccounts } from '../auth/devSignIn.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from './requireChain.ts';
import { syncChain } from './syncChain.ts';

/**
 * Sends calls from a development account's wallet, whose key the server derives like it does for sign-in.
 * Only with development wallets on, and only for the development account that is signed in. The chain's
 * events are read right after, so balances and claims show at once.
 */
export async function sendFromDevWallet(
  deps: Pick<Deps, 'chain' | 'settlement' | 'settings'>,
  actor: Actor,
  calls: Pick<WalletCall, 'to' | 'data'>[],
): Promise<{ hash: Hex; status: 'success' | 'reverted' }[]> {
  if (!deps.settings.devWallets)
    throw new DomainError(
      'DEV_WALLETS_DISABLED',
      'development wallets are off on this server; send these calls from your own wallet',
    );
  const chain = requireChain(deps);
  const dev = listDevAccounts().find((a) => isAddressEqual(a.address, actor.address as Hex));
  if (!dev)
    throw new DomainError(
      'FORBIDDEN',
      'only development accounts have a wallet on the server; use your own wallet',
    );
  const results: { hash: Hex; status: 'success' | 'reverted' }[] = [];
  for (const call of calls) {
    let sent: Awaited<ReturnType<typeof chain.sendAs>>;
    try {
      sent = await chain.sendAs(devAccountKeyHex(dev.name), call);
    } catch (cause) {
      throw new DomainError('CHAIN_REFUSED', (cause as Error).message);
    }
    results.push({ hash: sent.hash, status: sent.status });
    if (sent.status !== 'success') break;
  }
  await syncChain({ chain, settlement: deps.settlement });
  return results;
}
