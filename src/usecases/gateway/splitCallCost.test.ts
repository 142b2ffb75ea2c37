import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { UserId } from '../../shared/brand.ts';
import type { DatasetId, GatewayPayees } from '../ports.ts';
import { splitCallCost } from './splitCallCost.ts';

const u = (s: string) => s as UserId;
const d = (s: string) => s as DatasetId;
const split = { developerBps: 5000, dataProvidersBps: 3000, validatorsBps: 2000 };
const asMap = (r: { userId: UserId; amountWei: bigint }[]) =>
  Object.fromEntries(r.map((x) => [x.userId, x.amountWei]));

describe('splitCallCost', () => {
  it('gives everything to the developer when no published dataset is behind the asset', () => {
    expect(splitCallCost(1234n, split, { developerUserId: u('dev'), datasets: [] })).toEqual([
      { userId: u('dev'), amountWei: 1234n },
    ]);
  });

  it('splits providers by weight and validators by reviews counted', () => {
    const payees: GatewayPayees = {
      developerUserId: u('dev'),
      datasets: [
        {
          datasetId: d('ds'),
          shares: [
            { userId: u('ann'), weight: 3n, reviewsCounted: 0 },
            { userId: u('ben'), weight: 1n, reviewsCounted: 4 },
          ],
        },
      ],
    };
    // providers 3000 of 10000: ann 2250, ben 750; validators 2000: ben all; developer 5000.
    expect(asMap(splitCallCost(10_000n, split, payees))).toEqual({
      ann: 2250n,
      ben: 750n + 2000n,
      dev: 5000n,
    });
  });

  it('hands the floors’ remainders and a dataset without reviews to the developer', () => {
    const payees: GatewayPayees = {
      developerUserId: u('dev'),
      datasets: [
        {
          datasetId: d('a'),
          shares: [1, 1, 1].map((w, i) => ({ userId: u(`a${i}`), weight: BigInt(w), reviewsCounted: 0 })),
        },
        { datasetId: d('b'), shares: [{ userId: u('b0'), weight: 5n, reviewsCounted: 1 }] },
      ],
    };
    const r = asMap(splitCallCost(1001n, split, payees));
    // providers floor(300.3) = 300, 150 per dataset: a0..a2 50 each, b0 150; validators floor(200.2) = 200,
    // 100 per dataset: dataset a has no reviews (to the developer), b0 100.
    expect(r).toEqual({ a0: 50n, a1: 50n, a2: 50n, b0: 250n, dev: 1001n - 400n });
  });

  it('pays a developer who is also a co-owner one sum', () => {
    const r = splitCallCost(100n, split, {
      developerUserId: u('dev'),
      datasets: [{ datasetId: d('x'), shares: [{ userId: u('dev'), weight: 1n, reviewsCounted: 1 }] }],
    });
    expect(r).toEqual([{ userId: u('dev'), amountWei: 100n }]);
  });

  it('always adds up to the cost exactly, with no negative part', () => {
    const share = fc.record({
      userId: fc.constantFrom('p', 'q', 'r', 's', 'dev').map(u),
      weight: fc.bigInt({ min: 1n, max: 10n ** 20n }),
      reviewsCounted: fc.nat({ max: 50 }),
    });
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 30n }),
        fc.nat({ max: 10_000 }),
        fc.nat({ max: 10_000 }),
        fc.array(fc.array(share, { maxLength: 5 }), { maxLength: 4 }),
        (cost, a, b, sets) => {
          const dataProvidersBps = Math.min(a, 10_000);
          const validatorsBps = Math.min(b, 10_000 - dataProvidersBps);
          const s = {
            developerBps: 10_000 - dataProvidersBps - validatorsBps,
            dataProvidersBps,
            validatorsBps,
          };
          const parts = splitCallCost(cost, s, {
            developerUserId: u('dev'),
            datasets: sets.map((shares, i) => ({ datasetId: d(`d${i}`), shares })),
          });
          expect(parts.reduce((t, p) => t + p.amountWei, 0n)).toBe(cost);
          expect(parts.every((p) => p.amountWei > 0n)).toBe(true);
          expect(new Set(parts.map((p) => p.userId)).size).toBe(parts.length);
        },
      ),
    );
  });
});
