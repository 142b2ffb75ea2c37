import type { z } from 'zod';
import type { assetListQuery } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { AssetRow } from '../ports.ts';

export type AssetPage = { assets: AssetRow[]; nextCursor: string | null };

/** The marketplace: registered assets matching a search and filters, newest first, a page at a time. */
export async function listAssets(
  deps: Pick<Deps, 'market'>,
  q: z.infer<typeof assetListQuery>,
): Promise<AssetPage> {
  const assets = await deps.market.list({
    search: q.search?.trim() || null,
    kind: q.kind ?? null,
    modality: q.modality ?? null,
    commercial: q.commercial ?? null,
    derivatives: q.derivatives ?? null,
    minPriceWei: q.minPriceWei === undefined ? null : BigInt(q.minPriceWei),
    maxPriceWei: q.maxPriceWei === undefined ? null : BigInt(q.maxPriceWei),
    currency: q.currency ?? null,
    cursor: q.cursor ?? null,
    limit: q.limit,
  });
  return { assets, nextCursor: assets.length === q.limit ? assets.at(-1)!.seq : null };
}
