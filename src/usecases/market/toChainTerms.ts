import { getAddress } from 'viem';
import { type AssetTerms, MAX_LICENSE_SECONDS } from '../../shared/api.ts';
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

/** The registry's terms in the API's shape (the registry takes any uint64 duration; the API goes to a century). */
export const fromChainTerms = (t: ChainTerms): AssetTerms => ({
  commercialUse: t.commercialUse,
  derivativesAllowed: t.derivativesAllowed,
  parentShareBps: t.parentShareBps,
  priceWei: t.priceWei.toString(),
  currency: t.currency,
  durationSeconds: Math.min(Number(t.durationSeconds), MAX_LICENSE_SECONDS),
  attributionRequired: t.attributionRequired,
});
