import { getAddress } from 'viem';
import type { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import type { registerDatasetBody } from '../../shared/api.ts';
import type { UserId } from '../../shared/brand.ts';
import type { Deps } from '../deps.ts';
import type { Actor, AssetId, AssetRow } from '../ports.ts';
import { requireChain } from '../settlement/requireChain.ts';
import { checkCurrency } from './checkCurrency.ts';
import { checkParents } from './checkParents.ts';
import { datasetContentHash } from './datasetContentHash.ts';
import { assetMetadataUri } from './registerAsset.ts';
import { toChainTerms } from './toChainTerms.ts';

export type RegisterDatasetInput = z.infer<typeof registerDatasetBody> & { datasetId: string };

/** How many rows of a dataset its marketplace page shows. */
const SAMPLE_ROWS = 5;

/**
 * Puts a published community dataset on the marketplace: stores the asset's draft with its terms and parents, then
 * has the operator register it on chain (see completeDatasetRegistration). Safe to call again after a crash or by
 * a second request: it picks up where the first stopped, and a dataset already committed is returned as it is.
 * The dataset's requesters and admins may; anyone else is told it does not exist.
 */
export async function registerDataset(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain' | 'clock'>,
  actor: Actor,
  input: RegisterDatasetInput,
): Promise<AssetRow> {
  const chain = requireChain(deps);
  const dataset = await deps.datasets.get(input.datasetId);
  const allowed =
    dataset && (actor.orgs.some((o) => o.id === dataset.orgId) || (actor.isAdmin && actor.via === 'session'));
  if (!dataset || !allowed)
    throw new DomainError('NOT_FOUND', `no dataset ${input.datasetId} in your organizations`);

  let asset = await deps.market.byDataset(dataset.id);
  if (!asset) {
    const owner = getAddress(actor.address);
    const terms = { ...input.terms, currency: checkCurrency(chain, input.terms.currency) };
    const parents = await checkParents(deps, chain, owner, input.parents);
    const id = crypto.randomUUID() as AssetId;
    asset =
      (await deps.market.create(
        {
          id,
          kind: 'dataset',
          name: dataset.name,
          description: dataset.description,
          modality: dataset.modality,
          tags: input.tags,
          ownerUserId: actor.id as UserId,
          orgId: dataset.orgId,
          ownerAddress: owner,
          datasetId: dataset.id,
          contentHash: datasetContentHash(dataset),
          metadataUri: assetMetadataUri(id),
          terms,
          sampleRows: await deps.market.datasetRows(dataset.projectId, null, SAMPLE_ROWS),
          parents: parents.map((p) => ({ parentId: p.asset.id, relation: p.relation })),
        },
        deps.clock.now(),
      )) ?? (await deps.market.byDataset(dataset.id));
    if (!asset) throw new Error(`dataset ${dataset.id} has no asset after creating one`);
  }
  if (dataset.assetId && asset.status === 'registered') return asset;
  return completeDatasetRegistration(deps, dataset.id);
}

/**
 * The chain half of a dataset's registration, from its stored draft: the operator registers it for the requester
 * (`registerFor`, so its revenue goes to the co-owners) and commits its frozen share root (`commitShares`), each
 * sent once through the transaction journal under a purpose keyed by the dataset, then records the commitment on
 * the dataset. The request runs it; a registration it left unfinished (a crash, a chain that refused for a while)
 * is finished by the worker's chain round (resumeDatasetRegistrations).
 */
export async function completeDatasetRegistration(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain' | 'clock'>,
  datasetId: string,
): Promise<AssetRow> {
  const chain = requireChain(deps);
  const dataset = await deps.datasets.get(datasetId);
  const asset = dataset && (await deps.market.byDataset(dataset.id));
  if (!dataset || !asset) throw new Error(`dataset ${datasetId} has no asset draft to register`);
  if (dataset.assetId && asset.status === 'registered') return asset;

  // The draft's own terms and parents, whoever made it: a retry registers what the first request asked for.
  const draft = asset;
  const parents = await checkParents(
    deps,
    chain,
    getAddress(draft.ownerAddress),
    (await deps.market.lineage(draft.id, 1)).edges
      .filter((e) => e.childId === draft.id)
      .map((e) => ({ assetId: e.parentId, relation: e.relation })),
  );
  let registered: Awaited<ReturnType<typeof chain.market.registerFor>>;
  let committed: Awaited<ReturnType<typeof chain.market.commitShares>>;
  try {
    registered = await chain.market.registerFor(
      `market:register:${dataset.id}`,
      getAddress(asset.ownerAddress),
      {
        kind: 'dataset',
        contentHash: asset.contentHash,
        metadataUri: asset.metadataUri,
        terms: toChainTerms(asset.terms),
        parents: parents.map((p) => ({ assetId: p.asset.chainAssetId, relation: p.relation })),
      },
    );
    await deps.market.markRegistered(asset.id, {
      chainAssetId: registered.assetId,
      txHash: registered.hash,
      at: deps.clock.now(),
    });
    committed = await chain.market.commitShares(
      `market:commit:${dataset.id}`,
      registered.assetId,
      dataset.shareRoot,
      dataset.totalWeight,
    );
  } catch (cause) {
    if (cause instanceof DomainError) throw cause;
    throw new DomainError('CHAIN_REFUSED', `the registry refused the dataset: ${(cause as Error).message}`);
  }
  await deps.datasets.recordCommitment(dataset.id, {
    assetId: registered.assetId.toString(),
    commitTxHash: committed.hash,
    committedAt: deps.clock.now(),
  });
  return (await deps.market.get(asset.id))!;
}

/** A draft this old with its registration unfinished was left by its request, not still being worked on by it. */
const LEFT_AFTER_MS = 2 * 60_000;

/**
 * Finishes the dataset registrations requests left unfinished: one step of the worker's chain round. Each is tried;
 * one the chain keeps refusing is reported (and tried again next round) without holding up the others.
 */
export async function resumeDatasetRegistrations(
  deps: Pick<Deps, 'market' | 'datasets' | 'chain' | 'clock'>,
) {
  const left = await deps.market.unfinishedDatasetRegistrations(
    new Date(deps.clock.now().getTime() - LEFT_AFTER_MS),
  );
  const failed: string[] = [];
  for (const datasetId of left)
    await completeDatasetRegistration(deps, datasetId).catch((error: Error) =>
      failed.push(`${datasetId}: ${error.message}`),
    );
  if (failed.length) throw new Error(`could not finish registering dataset(s) ${failed.join('; ')}`);
  return left.length ? { step: 'registered', datasets: left.length } : { step: 'idle' };
}
