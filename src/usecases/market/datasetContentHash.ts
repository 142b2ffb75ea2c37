import { encodeAbiParameters, type Hex, keccak256 } from 'viem';
import type { DatasetRow } from '../ports.ts';

/**
 * A community dataset's content hash on the registry: keccak-256 of its id, frozen share root, total weight and
 * row count, ABI-encoded (string, bytes32, uint256, uint256). Everything in it is frozen at publication, so it
 * names one publication for good and anyone can recompute it from the dataset's page.
 */
export const datasetContentHash = (d: DatasetRow): Hex =>
  keccak256(
    encodeAbiParameters(
      [{ type: 'string' }, { type: 'bytes32' }, { type: 'uint256' }, { type: 'uint256' }],
      [`caravan:dataset:${d.id}`, d.shareRoot, d.totalWeight, BigInt(d.rowCount)],
    ),
  );
