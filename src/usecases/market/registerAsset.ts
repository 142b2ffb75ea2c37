import { getAddress, type Hex } from 'viem';
import type { z } from 'zod';
import type { registerAssetBody } from '../../shared/api.ts';
import type { UserId } from '../../shared/brand.ts';
import type { WalletCall } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetId, AssetRow } from '../ports.ts';
import { requesterOrg } from '../projects/accessProject.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { checkCurrency } from './checkCurrency.ts';
import { checkParents } from './checkParents.ts';
import { toChainTerms } from './toChainTerms.ts';

export type RegisterAssetInput = z.infer<typeof registerAssetBody>;

/** The metadata URI that ties a registration on chain to its row here (see migration 0006_market.sql). */
export const assetMetadataUri = (id: string) => `caravan:asset:${id}`;

/**
 * Registers a requester organization's own model, agent or dataset: stores it as a draft with its terms and
 * parents, and returns the `register` call for the requester's wallet, which makes them its owner on chain. The
 * draft joins the marketplace when the chain sync sees its AssetRegistered event.
 */
export async function registerAsset(
  deps: Pick<Deps, 'market' | 'chain' | 'clock'>,
  actor: Actor,
  input: RegisterAssetInput,
): Promise<{ asset: AssetRow; calls: WalletCall[] }> {
  const chain = requireChain(deps);
  const orgId = requesterOrg(actor, input.orgId);
  const owner = getAddress(actor.address);
  const terms = { ...input.terms, currency: checkCurrency(chain, input.terms.currency) };
  const parents = await checkParents(deps, chain, owner, input.parents);
  const id = crypto.randomUUID() as AssetId;
  const asset = await deps.market.create(
    {
      id,
      kind: input.kind,
      name: input.name,
      description: input.description,
      modality: input.modality,
      tags: input.tags,
      ownerUserId: actor.id as UserId,
      orgId: orgId as AssetRow['orgId'],
      ownerAddress: owner,
      datasetId: null,
      contentHash: input.contentHash.toLowerCase() as Hex,
      metadataUri: assetMetadataUri(id),
      terms,
      sampleRows: [],
      parents: parents.map((p) => ({ parentId: p.asset.id, relation: p.relation })),
    },
    deps.clock.now(),
  );
  if (!asset) throw new Error(`asset ${id} was not stored`);
  return {
    asset,
    calls: [
      chain.encode.registerAsset({
        kind: asset.kind,
        contentHash: asset.contentHash,
        metadataUri: asset.metadataUri,
        terms: toChainTerms(terms),
        parents: parents.map((p) => ({ assetId: p.asset.chainAssetId, relation: p.relation })),
      }),
    ],
  };
}
