import { type Address, isAddressEqual } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import type { AssetRelation } from '../../shared/api.ts';
import type { Chain } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { AssetRow } from '../ports.ts';

/**
 * The registered parents of a new asset, in order, refused as the registry would refuse them: unknown or not yet
 * registered, or forbidding derivatives to an owner who neither owns them nor holds a license.
 */
export async function checkParents(
  deps: Pick<Deps, 'market'>,
  chain: Chain,
  owner: Address,
  parents: { assetId: string; relation: AssetRelation }[],
): Promise<{ asset: AssetRow & { chainAssetId: bigint }; relation: AssetRelation }[]> {
  const checked = [];
  for (const p of parents) {
    const asset = await deps.market.get(p.assetId);
    if (!asset) throw new DomainError('NOT_FOUND', `no parent asset ${p.assetId} on the marketplace`);
    if (asset.chainAssetId === null)
      throw new DomainError(
        'ASSET_NOT_REGISTERED',
        `parent "${asset.name}" is not registered on chain yet: register it first`,
        { assetId: asset.id },
      );
    const terms = await chain.market.terms(asset.chainAssetId);
    if (
      !terms.derivativesAllowed &&
      !isAddressEqual(owner, asset.ownerAddress as Address) &&
      !(await chain.market.hasLicense(asset.chainAssetId, owner))
    )
      throw new DomainError(
        'DERIVATIVES_NOT_ALLOWED',
        `"${asset.name}" allows no derivatives except by its owner or a licensee: buy a license to it first`,
        { assetId: asset.id },
      );
    checked.push({ asset: { ...asset, chainAssetId: asset.chainAssetId }, relation: p.relation });
  }
  return checked;
}
