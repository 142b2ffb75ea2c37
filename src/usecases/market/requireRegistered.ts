import { DomainError } from '../../domain/errors.ts';
import type { AssetRow } from '../ports.ts';

/** The asset's registry id, or a refusal while its registration has not reached the chain (or the sync). */
export function requireRegistered(asset: AssetRow): bigint {
  if (asset.chainAssetId === null)
    throw new DomainError(
      'ASSET_NOT_REGISTERED',
      `"${asset.name}" is not registered on chain yet: its owner sends the registration, then it is on sale`,
      { assetId: asset.id },
    );
  return asset.chainAssetId;
}
