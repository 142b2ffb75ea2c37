/**
 * What a holder can claim of an asset's revenue in one token now, exactly as the registry's `claimable`: a sole
 * owner (weight 1 of 1) what the holders have not claimed; a co-owner floor(credited × weight / total) less what
 * they claimed, never more than the holders have left.
 */
export function claimableRevenue(r: {
  creditedWei: bigint;
  claimedByHoldersWei: bigint;
  claimedByAccountWei: bigint;
  weight: bigint;
  totalWeight: bigint;
  community: boolean;
}): bigint {
  const left = r.creditedWei - r.claimedByHoldersWei;
  if (!r.community) return left;
  const entitled = (r.creditedWei * r.weight) / r.totalWeight;
  const owed = entitled > r.claimedByAccountWei ? entitled - r.claimedByAccountWei : 0n;
  return owed < left ? owed : left;
}
