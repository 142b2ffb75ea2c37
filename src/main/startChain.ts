import type { Logger } from 'pino';
import { caravanChain } from '../chain/caravanChain.ts';
import { chainClients } from '../chain/chainClients.ts';
import { readDeployment } from '../chain/deployment.ts';
import { startLocalChain } from '../chain/startLocalChain.ts';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/pool.ts';
import { txJournal } from '../db/txJournal.ts';
import { listDevAccounts } from '../usecases/auth/devSignIn.ts';
import type { Chain } from '../usecases/chainPorts.ts';
import type { Clock } from '../usecases/ports.ts';

export type StartedChain = { chain: Chain; rpcUrl: string; stop: () => Promise<void> };

/**
 * The chain the platform settles on: the configured RPC endpoint with the contracts `caravan deploy` recorded,
 * or by default a local anvil kept in the data directory, deployed to on first start, whose development
 * accounts get ether and tokens.
 */
export async function startChain(config: Config, db: Db, clock: Clock, log: Logger): Promise<StartedChain> {
  const journal = txJournal(db, clock);
  const c = config.chain;
  if (c.rpcUrl) {
    const deployment = await readDeployment(c.deploymentFile);
    if (!deployment)
      throw new Error(
        `no deployment at ${c.deploymentFile}: run "caravan deploy" against ${c.rpcUrl} first (or set CARAVAN_DEPLOYMENT)`,
      );
    const clients = chainClients({
      rpcUrl: c.rpcUrl,
      chainId: deployment.chainId,
      operatorKey: c.operatorKey!,
    });
    const actual = await clients.public.getChainId();
    if (actual !== deployment.chainId)
      throw new Error(
        `${c.rpcUrl} is chain ${actual} but ${c.deploymentFile} was deployed on chain ${deployment.chainId}`,
      );
    return { chain: caravanChain(clients, deployment, journal), rpcUrl: c.rpcUrl, stop: async () => {} };
  }
  const started = Date.now();
  const local = await startLocalChain({
    dataDir: config.dataDir,
    chainId: config.chainId,
    rootDelaySeconds: c.rootDelaySeconds,
    stakeCooldownSeconds: c.stakeCooldownSeconds,
    fundAccounts: listDevAccounts().map((a) => a.address),
    log: (line) => log.trace({ anvil: true }, line.trim()),
  });
  log.info(
    {
      ms: Date.now() - started,
      rpcUrl: local.rpcUrl,
      deployed: local.deployed,
      token: local.deployment.token,
    },
    local.deployed ? 'local chain started and contracts deployed' : 'local chain started',
  );
  return {
    chain: caravanChain(local.clients, local.deployment, journal),
    rpcUrl: local.rpcUrl,
    stop: local.stop,
  };
}
