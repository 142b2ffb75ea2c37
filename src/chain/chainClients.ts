import {
  type Account,
  type Chain,
  createPublicClient,
  createWalletClient,
  defineChain,
  http,
  type PublicClient,
  type Transport,
  type WalletClient,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';

export type ChainClients = {
  chain: Chain;
  public: PublicClient<Transport, Chain>;
  /** The platform's operator: it proposes roots, releases escrow, anchors batches, issues badges. */
  operator: WalletClient<Transport, Chain, Account>;
};

/** viem clients for one RPC endpoint, signing with the operator key. Local nodes are polled every 50 ms. */
export function chainClients(o: {
  rpcUrl: string;
  chainId: number;
  operatorKey: `0x${string}`;
}): ChainClients {
  const local = /^https?:\/\/(127\.0\.0\.1|localhost)[:/]/.test(o.rpcUrl);
  const chain = defineChain({
    id: o.chainId,
    name: o.chainId === 31_337 ? 'Anvil' : `Chain ${o.chainId}`,
    nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
    rpcUrls: { default: { http: [o.rpcUrl] } },
  });
  const transport = http(o.rpcUrl, { retryCount: 2, timeout: 30_000 });
  const pollingInterval = local ? 50 : 2000;
  return {
    chain,
    // No cached block number: event sync must see the block a transaction just landed in.
    public: createPublicClient({ chain, transport, pollingInterval, cacheTime: 0 }),
    operator: createWalletClient({
      chain,
      transport,
      account: privateKeyToAccount(o.operatorKey),
      pollingInterval,
    }),
  };
}

/** The first of anvil's well-known development keys: the operator of a local chain, never of a real one. */
export const ANVIL_OPERATOR_KEY =
  '0xac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80' as const;
