import { describe, expect, it } from 'vitest';
import { claimableRevenue } from './claimableRevenue.ts';

const base = { claimedByHoldersWei: 0n, claimedByAccountWei: 0n, community: true };

describe('claimableRevenue', () => {
  it('gives a sole owner whatever the holders have not claimed', () => {
    expect(
      claimableRevenue({
        ...base,
        community: false,
        creditedWei: 950n,
        claimedByHoldersWei: 200n,
        weight: 1n,
        totalWeight: 1n,
      }),
    ).toBe(750n);
  });

  it('rounds a co-owner’s part down, so the parts never add up to more than the credit', () => {
    const parts = [1n, 1n, 1n].map((weight) =>
      claimableRevenue({ ...base, creditedWei: 100n, weight, totalWeight: 3n }),
    );
    expect(parts).toEqual([33n, 33n, 33n]);
    expect(parts.reduce((a, b) => a + b)).toBeLessThanOrEqual(100n);
  });

  it('subtracts what the co-owner claimed and pays nothing twice', () => {
    const r = { ...base, creditedWei: 1000n, weight: 3n, totalWeight: 10n };
    expect(claimableRevenue(r)).toBe(300n);
    expect(claimableRevenue({ ...r, claimedByAccountWei: 300n, claimedByHoldersWei: 300n })).toBe(0n);
    expect(claimableRevenue({ ...r, creditedWei: 2000n, claimedByAccountWei: 300n })).toBe(300n);
  });

  it('never exceeds what the holders have left', () => {
    expect(
      claimableRevenue({ ...base, creditedWei: 100n, claimedByHoldersWei: 95n, weight: 1n, totalWeight: 2n }),
    ).toBe(5n);
  });
});
