/**
 * What a call costs: the price per call plus ceil(tokens × price per 1,000 tokens / 1000), in base units, so a
 * call is never charged less than its tokens' share of a thousand.
 */
export function callCostWei(
  pricing: { pricePerCallWei: bigint; pricePer1kTokensWei: bigint },
  tokens: number,
): bigint {
  if (!Number.isSafeInteger(tokens) || tokens < 0) throw new RangeError(`${tokens} is not a token count`);
  const product = BigInt(tokens) * pricing.pricePer1kTokensWei;
  return pricing.pricePerCallWei + (product + 999n) / 1000n;
}
