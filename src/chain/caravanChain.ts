import {
  type Abi,
  type Address,
  createWalletClient,
  encodeFunctionData,
  erc20Abi,
  type Hex,
  http,
  parseEventLogs,
} from 'viem';
import { privateKeyToAccount } from 'viem/accounts';
import { projectKey } from '../domain/chain/projectKey.ts';
import type { Chain, ChainEvent, EventArg, TxJournal } from '../usecases/chainPorts.ts';
import { assetRegistryMarket, registerArgs } from './assetRegistryMarket.ts';
import type { ChainClients } from './chainClients.ts';
import { ChainError } from './chainError.ts';
import {
  assetRegistryAbi,
  provenanceRegistryAbi,
  rewardsDistributorAbi,
  stakeVaultAbi,
  taskEscrowAbi,
  tierBadgeAbi,
} from './contracts.generated.ts';
import type { Deployment } from './deployment.ts';
import { resumeUnfinished, revertReason, sendOnce } from './sendOnce.ts';

/** Caravan's contracts through viem: operator writes go through the transaction journal, once per purpose. */
export function caravanChain(c: ChainClients, d: Deployment, journal: TxJournal): Chain {
  const send = (purpose: string, to: Address, abi: Abi, functionName: string, args: readonly unknown[]) =>
    sendOnce(c, journal, purpose, { to, abi, data: encodeFunctionData({ abi, functionName, args }) });
  const read = <T>(address: Address, abi: Abi, functionName: string, args: readonly unknown[] = []) =>
    c.public.readContract({ address, abi, functionName, args }) as Promise<T>;
  const sources: { contract: ChainEvent['contract']; address: Address; abi: Abi }[] = [
    { contract: 'escrow', address: d.escrow, abi: taskEscrowAbi },
    { contract: 'distributor', address: d.distributor, abi: rewardsDistributorAbi },
    { contract: 'stakes', address: d.stakeVault, abi: stakeVaultAbi },
    { contract: 'badges', address: d.badge, abi: tierBadgeAbi },
    { contract: 'provenance', address: d.provenance, abi: provenanceRegistryAbi },
    { contract: 'market', address: d.assetRegistry, abi: assetRegistryAbi },
  ];
  const allAbis = [...sources.flatMap((x) => x.abi), ...erc20Abi] as Abi;
  const tokenInfos = new Map<string, Promise<{ symbol: string; decimals: number }>>();
  const blockTimes = new Map<bigint, Date>();
  const blockTime = async (n: bigint) => {
    let t = blockTimes.get(n);
    if (!t) {
      t = new Date(Number((await c.public.getBlock({ blockNumber: n })).timestamp) * 1000);
      if (blockTimes.size > 1000) blockTimes.clear();
      blockTimes.set(n, t);
    }
    return t;
  };

  return {
    chainId: c.chain.id,
    contracts: {
      token: d.token,
      partnerToken: d.partnerToken,
      escrow: d.escrow,
      distributor: d.distributor,
      stakeVault: d.stakeVault,
      badge: d.badge,
      provenance: d.provenance,
      assetRegistry: d.assetRegistry,
    },
    operator: c.operator.account.address,
    encode: {
      approve: (token, spender, amountWei) => ({
        to: token,
        data: encodeFunctionData({ abi: erc20Abi, functionName: 'approve', args: [spender, amountWei] }),
        label: 'approve the transfer',
      }),
      fund: (projectId, token, amountWei, deadline) => ({
        to: d.escrow,
        data: encodeFunctionData({
          abi: taskEscrowAbi,
          functionName: 'fund',
          args: [projectKey(projectId), token, amountWei, BigInt(Math.floor(deadline.getTime() / 1000))],
        }),
        label: 'fund the escrow',
      }),
      refund: (projectId, token) => ({
        to: d.escrow,
        data: encodeFunctionData({
          abi: taskEscrowAbi,
          functionName: 'refund',
          args: [projectKey(projectId), token],
        }),
        label: 'refund what is left',
      }),
      claim: (account, token, cumulativeWei, proof) => ({
        to: d.distributor,
        data: encodeFunctionData({
          abi: rewardsDistributorAbi,
          functionName: 'claim',
          args: [account, token, cumulativeWei, proof],
        }),
        label: 'claim rewards',
      }),
      lock: (amountWei) => ({
        to: d.stakeVault,
        data: encodeFunctionData({ abi: stakeVaultAbi, functionName: 'lock', args: [amountWei] }),
        label: 'lock stake',
      }),
      requestUnlock: (amountWei) => ({
        to: d.stakeVault,
        data: encodeFunctionData({ abi: stakeVaultAbi, functionName: 'requestUnlock', args: [amountWei] }),
        label: 'request unlock',
      }),
      withdraw: () => ({
        to: d.stakeVault,
        data: encodeFunctionData({ abi: stakeVaultAbi, functionName: 'withdraw', args: [] }),
        label: 'withdraw unlocked stake',
      }),
      registerAsset: (asset) => ({
        to: d.assetRegistry,
        data: encodeFunctionData({
          abi: assetRegistryAbi,
          functionName: 'register',
          args: registerArgs(asset),
        }),
        label: 'register the asset',
      }),
      purchaseLicense: (assetId, currency, maxPriceWei) => ({
        to: d.assetRegistry,
        data: encodeFunctionData({
          abi: assetRegistryAbi,
          functionName: 'purchaseLicense',
          args: [assetId, currency, maxPriceWei],
        }),
        label: 'buy the license',
      }),
      claimRevenue: (assetId, token, account, weight, proof) => ({
        to: d.assetRegistry,
        data: encodeFunctionData({
          abi: assetRegistryAbi,
          functionName: 'claimRevenue',
          args: [assetId, token, account, weight, proof],
        }),
        label: 'claim revenue',
      }),
    },
    market: assetRegistryMarket(c, d.assetRegistry, journal),
    fromBlock: d.fromBlock,
    resume: () => resumeUnfinished(c, journal),
    releaseEscrow: (purpose, projectId, token, amountWei) =>
      send(purpose, d.escrow, taskEscrowAbi, 'release', [projectKey(projectId), token, amountWei]),
    proposeRoot: (purpose, r) =>
      send(purpose, d.distributor, rewardsDistributorAbi, 'proposeRoot', [
        r.root,
        BigInt(r.epoch),
        r.tokens,
        r.totalsWei,
        r.manifestHash,
      ]),
    acceptRoot: (purpose, epoch) =>
      send(purpose, d.distributor, rewardsDistributorAbi, 'acceptRoot', [BigInt(epoch)]),
    revokeRoot: (purpose, epoch) =>
      send(purpose, d.distributor, rewardsDistributorAbi, 'revokeRoot', [BigInt(epoch)]),
    claimMany: (purpose, claims) =>
      send(purpose, d.distributor, rewardsDistributorAbi, 'claimMany', [
        claims.map((x) => ({
          account: x.account,
          token: x.token,
          cumulativeAmount: x.cumulativeWei,
          proof: x.proof,
        })),
      ]),
    anchor: (purpose, b) =>
      send(purpose, d.provenance, provenanceRegistryAbi, 'anchor', [
        b.batchId,
        b.root,
        BigInt(b.count),
        b.manifestHash,
      ]),
    issueBadge: (purpose, account, tier) => send(purpose, d.badge, tierBadgeAbi, 'issue', [account, tier]),
    revokeBadge: (purpose, account, tier) => send(purpose, d.badge, tierBadgeAbi, 'revoke', [account, tier]),
    slash: (purpose, account, amountWei, evidenceHash) =>
      send(purpose, d.stakeVault, stakeVaultAbi, 'slash', [account, amountWei, evidenceHash]),

    sendAs: async (privateKey, call) => {
      const wallet = createWalletClient({
        chain: c.chain,
        transport: http(c.chain.rpcUrls.default.http[0]),
        account: privateKeyToAccount(privateKey),
      });
      let hash: Hex;
      try {
        hash = await wallet.sendTransaction({ to: call.to, data: call.data });
      } catch (cause) {
        throw new ChainError(`the transaction would fail: ${revertReason(cause, allAbis)}`, { cause });
      }
      const r = await c.public.waitForTransactionReceipt({ hash });
      return { hash, blockNumber: Number(r.blockNumber), gasUsed: r.gasUsed, status: r.status };
    },
    now: async () => new Date(Number((await c.public.getBlock()).timestamp) * 1000),
    distributor: async () => {
      const [epoch, root, pending] = await Promise.all([
        read<bigint>(d.distributor, rewardsDistributorAbi, 'currentEpoch'),
        read<Hex>(d.distributor, rewardsDistributorAbi, 'currentRoot'),
        read<readonly [Hex, bigint, bigint, Hex]>(d.distributor, rewardsDistributorAbi, 'pendingRoot'),
      ]);
      const [pendingRoot, pendingEpoch, acceptableAt] = pending;
      return {
        epoch: Number(epoch),
        root,
        pending:
          pendingEpoch > 0n
            ? {
                epoch: Number(pendingEpoch),
                root: pendingRoot,
                acceptableAt: new Date(Number(acceptableAt) * 1000),
              }
            : null,
      };
    },
    lockedStake: (account) => read<bigint>(d.stakeVault, stakeVaultAbi, 'lockedOf', [account]),
    stake: async (account) => {
      const [lockedWei, unlocking] = await Promise.all([
        read<bigint>(d.stakeVault, stakeVaultAbi, 'lockedOf', [account]),
        read<readonly [bigint, bigint]>(d.stakeVault, stakeVaultAbi, 'unlockingOf', [account]),
      ]);
      return {
        lockedWei,
        unlockingWei: unlocking[0],
        unlockAt: unlocking[0] > 0n ? new Date(Number(unlocking[1]) * 1000) : null,
      };
    },
    tokenBalance: (token, account) => read<bigint>(token, erc20Abi, 'balanceOf', [account]),
    hasBadge: (account, tier) => read<boolean>(d.badge, tierBadgeAbi, 'hasBadge', [account, tier]),
    claimed: (account, token) =>
      read<bigint>(d.distributor, rewardsDistributorAbi, 'claimed', [account, token]),
    batch: async (batchId) => {
      const b = await read<{ root: Hex; count: bigint; anchoredAt: bigint; manifestHash: Hex }>(
        d.provenance,
        provenanceRegistryAbi,
        'batchOf',
        [batchId],
      );
      if (b.anchoredAt === 0n) return null;
      return {
        root: b.root,
        count: Number(b.count),
        manifestHash: b.manifestHash,
        anchoredAt: new Date(Number(b.anchoredAt) * 1000),
      };
    },
    tx: async (hash) => {
      try {
        const r = await c.public.getTransactionReceipt({ hash });
        return { blockNumber: Number(r.blockNumber), status: r.status };
      } catch {
        return null;
      }
    },
    events: async (fromBlock, maxBlocks = 5000) => {
      const latest = Number(await c.public.getBlockNumber());
      if (fromBlock > latest) return { events: [], nextBlock: fromBlock };
      const toBlock = Math.min(latest, fromBlock + maxBlocks - 1);
      const logs = await c.public.getLogs({
        address: sources.map((s) => s.address),
        fromBlock: BigInt(fromBlock),
        toBlock: BigInt(toBlock),
      });
      const events: ChainEvent[] = [];
      for (const s of sources) {
        const own = logs.filter((l) => l.address.toLowerCase() === s.address.toLowerCase());
        for (const log of parseEventLogs({ abi: s.abi, logs: own })) {
          const args = eventArgs(log.args ?? {}) as Record<string, EventArg>;
          events.push({
            blockNumber: Number(log.blockNumber),
            logIndex: log.logIndex,
            txHash: log.transactionHash,
            contract: s.contract,
            name: log.eventName,
            args,
            blockTime: await blockTime(log.blockNumber),
          });
        }
      }
      events.sort((a, b) => a.blockNumber - b.blockNumber || a.logIndex - b.logIndex);
      return { events, nextBlock: toBlock + 1 };
    },
    // A token's symbol and decimals never change: read once, not on every earnings or escrow page.
    tokenInfo: (token) => {
      const key = token.toLowerCase();
      let info = tokenInfos.get(key);
      if (!info) {
        info = Promise.all([
          read<string>(token, erc20Abi, 'symbol'),
          read<number>(token, erc20Abi, 'decimals'),
        ]).then(([symbol, decimals]) => ({ symbol, decimals }));
        info.catch(() => tokenInfos.delete(key));
        tokenInfos.set(key, info);
      }
      return info;
    },
  };
}

/**
 * A decoded event argument as JSON: bigints become decimal strings wherever they are, inside structs (an asset's
 * Terms) and arrays too, so every event can be stored; one that could not would stop the sync at its block.
 */
export function eventArgs(value: unknown): EventArg {
  if (typeof value === 'bigint') return value.toString();
  if (Array.isArray(value)) return value.map(eventArgs);
  if (value !== null && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, eventArgs(v)]));
  return value as string | boolean | number;
}
