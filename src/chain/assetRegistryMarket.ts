import { type Address, encodeFunctionData, getAddress, type Hex, parseEventLogs } from 'viem';
import { ASSET_KINDS, ASSET_RELATIONS } from '../shared/api.ts';
import type { ChainAssetInput, ChainTerms, MarketChain, TxJournal } from '../usecases/chainPorts.ts';
import type { ChainClients } from './chainClients.ts';
import { ChainError } from './chainError.ts';
import { assetRegistryAbi } from './contracts.generated.ts';
import { sendOnce } from './sendOnce.ts';

type RawTerms = {
  commercialUse: boolean;
  derivativesAllowed: boolean;
  parentShareBps: number;
  price: bigint;
  currency: Address;
  durationSeconds: bigint;
  attributionRequired: boolean;
};

const toRawTerms = (t: ChainTerms): RawTerms => ({
  commercialUse: t.commercialUse,
  derivativesAllowed: t.derivativesAllowed,
  parentShareBps: t.parentShareBps,
  price: t.priceWei,
  currency: t.currency,
  durationSeconds: t.durationSeconds,
  attributionRequired: t.attributionRequired,
});

/** The arguments of `register` (and, after the owner, of `registerFor`) in the registry's enum numbering. */
export function registerArgs(a: ChainAssetInput) {
  return [
    ASSET_KINDS.indexOf(a.kind),
    a.contentHash,
    a.metadataUri,
    toRawTerms(a.terms),
    a.parents.map((p) => ({ assetId: p.assetId, relation: ASSET_RELATIONS.indexOf(p.relation) })),
  ] as const;
}

/** The asset registry through viem: the registrar's writes journaled once per purpose, and typed reads. */
export function assetRegistryMarket(c: ChainClients, registry: Address, journal: TxJournal): MarketChain {
  const read = <T>(functionName: string, args: readonly unknown[] = []) =>
    c.public.readContract({
      address: registry,
      abi: assetRegistryAbi,
      functionName,
      args,
    } as never) as Promise<T>;
  const send = (purpose: string, functionName: string, args: readonly unknown[]) =>
    sendOnce(c, journal, purpose, {
      to: registry,
      abi: assetRegistryAbi,
      data: encodeFunctionData({ abi: assetRegistryAbi, functionName, args } as never),
    });

  return {
    registerFor: async (purpose, owner, asset) => {
      const mined = await send(purpose, 'registerFor', [owner, ...registerArgs(asset)]);
      // A resumed purpose returns the first transaction's hash, so the id is read from its receipt.
      const receipt = await c.public.getTransactionReceipt({ hash: mined.hash });
      const registered = parseEventLogs({
        abi: assetRegistryAbi,
        eventName: 'AssetRegistered',
        logs: receipt.logs.filter((l) => l.address.toLowerCase() === registry.toLowerCase()),
      })[0];
      if (!registered) throw new ChainError(`${purpose}: transaction ${mined.hash} registered no asset`);
      return { ...mined, assetId: registered.args.assetId };
    },
    commitShares: (purpose, assetId, root, totalWeight) =>
      send(purpose, 'commitShares', [assetId, root, totalWeight]),
    asset: async (assetId) => {
      if (assetId < 1n || assetId > (await read<bigint>('assetCount'))) return null;
      const [owner, kind, community, contentHash, metadataUri] = await read<
        readonly [Address, number, boolean, Hex, string]
      >('assetOf', [assetId]);
      return { owner: getAddress(owner), kind: ASSET_KINDS[kind]!, community, contentHash, metadataUri };
    },
    terms: async (assetId) => {
      const t = await read<RawTerms>('termsOf', [assetId]);
      return {
        commercialUse: t.commercialUse,
        derivativesAllowed: t.derivativesAllowed,
        parentShareBps: t.parentShareBps,
        priceWei: t.price,
        currency: getAddress(t.currency),
        durationSeconds: t.durationSeconds,
        attributionRequired: t.attributionRequired,
      };
    },
    shares: async (assetId) => {
      const [root, totalWeight] = await read<readonly [Hex, bigint]>('sharesOf', [assetId]);
      return { root, totalWeight };
    },
    hasLicense: (assetId, account) => read<boolean>('hasLicense', [assetId, account]),
    licenseExpiry: (assetId, account) => read<bigint>('licenseExpiry', [assetId, account]),
    revenue: async (assetId, token, account) => {
      const [creditedWei, claimedByHoldersWei, claimedByAccountWei] = await Promise.all([
        read<bigint>('credited', [assetId, token]),
        read<bigint>('claimedOf', [assetId, token]),
        read<bigint>('claimed', [assetId, token, account]),
      ]);
      return { creditedWei, claimedByHoldersWei, claimedByAccountWei };
    },
    feeBps: async () => Number(await read<number>('feeBps')),
  };
}
