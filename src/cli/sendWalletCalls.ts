import { createPublicClient, createWalletClient, defineChain, type Hex, http } from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import type { Client } from '../shared/client.ts';

export type SentCall = { label: string; hash: string; status: 'success' | 'reverted' };

/**
 * Sends wallet calls the server prepared: signed with CARAVAN_PRIVATE_KEY and sent to the chain's RPC when a key
 * is given, otherwise through the server's development wallet (development accounts only). Stops at a revert.
 */
export async function sendWalletCalls(
  client: Client,
  calls: { to: string; data: string; label: string }[],
  o: { privateKey?: Hex | undefined; rpcUrl?: string | undefined; log?: (line: string) => void },
): Promise<SentCall[]> {
  const log = o.log ?? (() => {});
  if (!o.privateKey) {
    const { txs } = await client.devSend(calls);
    return txs.map((t, i) => ({ label: calls[i]!.label, hash: t.hash, status: t.status }));
  }
  const info = await client.chainInfo();
  const rpcUrl = o.rpcUrl ?? info.rpcUrl;
  if (!rpcUrl) throw new Error('the server does not say where its chain is: pass --rpc <url>');
  const chain = defineChain({
    id: info.chainId,
    name: `Chain ${info.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [rpcUrl] } },
  });
  const account = privateKeyToAccount(o.privateKey);
  const wallet = createWalletClient({ chain, transport: http(rpcUrl), account });
  const reader = createPublicClient({ chain, transport: http(rpcUrl), pollingInterval: 100 });
  const sent: SentCall[] = [];
  for (const [i, call] of calls.entries()) {
    log(`${i + 1}/${calls.length} ${call.label}…`);
    const hash = await wallet.sendTransaction({ to: call.to as Hex, data: call.data as Hex });
    const receipt = await reader.waitForTransactionReceipt({ hash });
    sent.push({ label: call.label, hash, status: receipt.status });
    if (receipt.status !== 'success') break;
  }
  await client.syncChain();
  return sent;
}
