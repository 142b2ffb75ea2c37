import type { Address } from 'viem';
import { caravanChain } from '../../src/chain/caravanChain.ts';
import { anvilRpc } from '../../src/chain/startAnvil.ts';
import { startLocalChain } from '../../src/chain/startLocalChain.ts';
import type { Db } from '../../src/db/pool.ts';
import { txJournal } from '../../src/db/txJournal.ts';
import { listDevAccounts } from '../../src/usecases/auth/devSignIn.ts';
import type { Clock } from '../../src/usecases/ports.ts';

export type TestChain = Awaited<ReturnType<typeof testChain>>;

/** A fresh anvil with Caravan's contracts deployed (in memory), wired to a database's transaction journal. */
export async function testChain(
  db: Db,
  clock: Clock,
  o: { fund?: readonly Address[]; rootDelaySeconds?: number } = {},
) {
  const local = await startLocalChain({
    rootDelaySeconds: o.rootDelaySeconds ?? 3600,
    stakeCooldownSeconds: 86_400,
    fundAccounts: [...listDevAccounts().map((a) => a.address), ...(o.fund ?? [])],
  });
  const rpc = (method: string, params: unknown[] = []) => anvilRpc(local.rpcUrl, method, params);
  return {
    chain: caravanChain(local.clients, local.deployment, txJournal(db, clock)),
    clients: local.clients,
    deployment: local.deployment,
    rpcUrl: local.rpcUrl,
    rpc,
    /** Moves the chain's clock forward and mines a block, so the next block is that much later. */
    async increaseTime(seconds: number) {
      await rpc('evm_increaseTime', [seconds]);
      await rpc('evm_mine', []);
    },
    stop: local.stop,
  };
}
