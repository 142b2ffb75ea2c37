import type { UserId } from '../../shared/brand.ts';
import type { GatewayPayees } from '../ports.ts';

export type CallSplit = { developerBps: number; dataProvidersBps: number; validatorsBps: number };

/**
 * Splits one call's cost among its payees, in whole base units that add up to the cost exactly:
 * - the data providers' part (floor of cost × dataProvidersBps / 10 000) is shared equally by the published
 *   datasets in the asset's lineage, and within each dataset by its co-owners' frozen weights;
 * - the validators' part likewise, within each dataset by the reviews each co-owner had counted in its shares
 *   (a dataset with no counted reviews has no validators, and its part goes to the developer);
 * - the developer gets the rest: developerBps, every remainder of the floors, and everything when the asset has
 *   no published dataset behind it.
 * A payee in several roles gets one sum; payees with nothing are left out.
 */
export function splitCallCost(
  costWei: bigint,
  split: CallSplit,
  payees: GatewayPayees,
): { userId: UserId; amountWei: bigint }[] {
  if (costWei < 0n) throw new RangeError('a cost is not negative');
  const owed = new Map<UserId, bigint>();
  const add = (userId: UserId, wei: bigint) => {
    if (wei > 0n) owed.set(userId, (owed.get(userId) ?? 0n) + wei);
  };
  const datasets = payees.datasets.filter((d) => d.shares.length > 0);
  let given = 0n;
  if (datasets.length) {
    const n = BigInt(datasets.length);
    const providersPerDataset = (costWei * BigInt(split.dataProvidersBps)) / 10_000n / n;
    const validatorsPerDataset = (costWei * BigInt(split.validatorsBps)) / 10_000n / n;
    for (const d of datasets) {
      const weight = d.shares.reduce((s, x) => s + x.weight, 0n);
      const reviews = BigInt(d.shares.reduce((s, x) => s + x.reviewsCounted, 0));
      for (const s of d.shares) {
        const provider = weight > 0n ? (providersPerDataset * s.weight) / weight : 0n;
        const validator = reviews > 0n ? (validatorsPerDataset * BigInt(s.reviewsCounted)) / reviews : 0n;
        add(s.userId, provider + validator);
        given += provider + validator;
      }
    }
  }
  add(payees.developerUserId, costWei - given);
  return [...owed].map(([userId, amountWei]) => ({ userId, amountWei }));
}
