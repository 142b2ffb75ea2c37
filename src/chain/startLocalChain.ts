import path from 'node:path';
import { type Address, erc20Abi, parseEther } from 'viem';
import { ANVIL_OPERATOR_KEY, type ChainClients, chainClients } from './chainClients.ts';
import { deployContracts } from './deployContracts.ts';
import { type Deployment, readDeployment, writeDeployment } from './deployment.ts';
import { anvilRpc, startAnvil } from './startAnvil.ts';

export type LocalChain = {
  rpcUrl: string;
  clients: ChainClients;
  deployment: Deployment;
  /** Whether this start deployed the contracts (a new chain). */
  deployed: boolean;
  stop: () => Promise<void>;
};

export type LocalChainOptions = {
  /** The chain's state and the deployment file live in `<dataDir>/chain`; none keeps the chain in memory. */
  dataDir?: string;
  chainId?: number;
  rootDelaySeconds: number;
  stakeCooldownSeconds: number;
  /** Accounts given ether, platform tokens and partner tokens when the contracts are first deployed. */
  fundAccounts?: readonly Address[];
  log?: (line: string) => void;
};

/** What each funded local account receives on a new chain. */
const LOCAL_GRANT = { ether: parseEther('100'), tokens: parseEther('1000000') } as const;

/**
 * Starts anvil with its state in the data directory, deploys Caravan's contracts the first time (recording
 * their addresses beside the state), and funds the given accounts for local development.
 */
export async function startLocalChain(o: LocalChainOptions): Promise<LocalChain> {
  const dir = o.dataDir ? path.join(o.dataDir, 'chain') : null;
  const anvil = await startAnvil({
    ...(dir ? { stateFile: path.join(dir, 'anvil-state.json') } : {}),
    chainId: o.chainId ?? 31_337,
    ...(o.log ? { log: o.log } : {}),
  });
  try {
    const clients = chainClients({
      rpcUrl: anvil.rpcUrl,
      chainId: anvil.chainId,
      operatorKey: ANVIL_OPERATOR_KEY,
    });
    const file = dir ? path.join(dir, 'deployment.json') : null;
    let deployment = file ? await readDeployment(file) : null;
    // A deployment whose contracts are not on this chain (state deleted, other chain id) is deployed again.
    const present =
      deployment !== null &&
      deployment.chainId === anvil.chainId &&
      (await clients.public.getCode({ address: deployment.provenance }))?.length;
    let deployed = false;
    if (!present || !deployment) {
      deployment = await deployContracts(clients, {
        rootDelaySeconds: o.rootDelaySeconds,
        stakeCooldownSeconds: o.stakeCooldownSeconds,
        maxSlashBps: 5000,
        partnerToken: true,
      });
      await fundAccounts(anvil.rpcUrl, clients, deployment, o.fundAccounts ?? []);
      if (file) await writeDeployment(file, deployment);
      deployed = true;
    }
    return { rpcUrl: anvil.rpcUrl, clients, deployment, deployed, stop: anvil.stop };
  } catch (error) {
    await anvil.stop();
    throw error;
  }
}

async function fundAccounts(rpcUrl: string, c: ChainClients, d: Deployment, accounts: readonly Address[]) {
  for (const account of accounts) {
    await anvilRpc(rpcUrl, 'anvil_setBalance', [account, `0x${LOCAL_GRANT.ether.toString(16)}`]);
    for (const token of [d.token, d.partnerToken]) {
      if (!token) continue;
      const hash = await c.operator.writeContract({
        address: token,
        abi: erc20Abi,
        functionName: 'transfer',
        args: [account, LOCAL_GRANT.tokens],
      });
      await c.public.waitForTransactionReceipt({ hash });
    }
  }
}
