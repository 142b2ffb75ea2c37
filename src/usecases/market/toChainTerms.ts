import { getAddress } from 'viem';
import type { AssetTerms } from '../../shared/api.ts';
import type { ChainTerms } from '../chainPorts.ts';

/** An asset's terms as the API and database hold them, in the registry's units. */
export const toChainTerms = (t: AssetTerms): ChainTerms => ({
  commercialUse: t.commercialUse,
  derivativesAllowed: t.derivativesAllowed,
  parentShareBps: t.parentShareBps,
  priceWei: BigInt(t.priceWei),
  currency: getAddress(t.currency),
  durationSeconds: BigInt(t.durationSeconds),
  attributionRequired: t.attributionRequired,
});

/** The registry's terms in the API's shape. */
export const fromChainTerms = (t: ChainTerms): AssetTerms => ({
  commercialUse: t.commercialUse,
  derivativesAllowed: t.derivativesAllowed,
  parentShareBps: t.parentShareBps,
  priceWei: t.priceWei.toString(),
  currency: t.currency,
  durationSeconds: Number(t.durationSeconds),
  attributionRequired: t.attributionRequired,
});
