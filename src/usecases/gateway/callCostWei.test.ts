import { describe, expect, it } from 'vitest';
import { callCostWei } from './callCostWei.ts';

describe('callCostWei', () => {
  const pricing = { pricePerCallWei: 100n, pricePer1kTokensWei: 3000n };

  it('charges the call price plus the tokens at the price per thousand', () => {
    expect(callCostWei(pricing, 1000)).toBe(3100n);
    expect(callCostWei(pricing, 0)).toBe(100n);
  });

  it('rounds a part of a base unit up', () => {
    // 7 tokens × 3000 / 1000 = 21 exactly; 1 token at 1 per thousand is 0.001, charged as 1.
    expect(callCostWei(pricing, 7)).toBe(121n);
    expect(callCostWei({ pricePerCallWei: 0n, pricePer1kTokensWei: 1n }, 1)).toBe(1n);
    expect(callCostWei({ pricePerCallWei: 0n, pricePer1kTokensWei: 1n }, 1001)).toBe(2n);
  });

  it('is exact far past what a number holds', () => {
    const big = { pricePerCallWei: 10n ** 30n, pricePer1kTokensWei: 10n ** 24n + 1n };
    expect(callCostWei(big, 123_457)).toBe(10n ** 30n + (123_457n * (10n ** 24n + 1n) + 999n) / 1000n);
  });

  it('refuses a token count that is not one', () => {
    expect(() => callCostWei(pricing, -1)).toThrow(RangeError);
    expect(() => callCostWei(pricing, 1.5)).toThrow(RangeError);
  });
});
