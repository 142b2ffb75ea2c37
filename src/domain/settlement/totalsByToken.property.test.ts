import fc from 'fast-check';
import { bytesToHex } from 'viem';
import { describe, expect, it } from 'vitest';
import type { RewardLeafValue } from '../merkle/standardLeaf.ts';
import { totalsByToken } from './totalsByToken.ts';

const ACCOUNTS = ['0x00000000000000000000000000000000000000a1', '0x00000000000000000000000000000000000000b2'];
const TOKENS = ['0x5FbDB2315678afecb367f032d93F642f64180aa3', '0xe7f1725E7734CE288F8367e1Bb143E90bb3F0512'];

/** Accrual rows as settlement sees them: repeated accounts, several tokens, some not approved (yet). */
const accruals = fc.array(
  fc.record({
    account: fc.oneof(
      fc.constantFrom(...ACCOUNTS),
      fc.uint8Array({ minLength: 20, maxLength: 20 }).map((b) => bytesToHex(b)),
    ),
    token: fc.constantFrom(...TOKENS),
    amountWei: fc.oneof(fc.bigInt({ min: 1n, max: 1000n }), fc.bigInt({ min: 1n, max: 2n ** 200n })),
    approved: fc.boolean(),
  }),
  { maxLength: 60, size: 'max' },
);

describe('totalsByToken, over arbitrary accruals', () => {
  it('totals each token as the sum of its approved accruals, whichever way they are grouped into leaves', () => {
    fc.assert(
      fc.property(accruals, (rows) => {
        const approved = rows.filter((r) => r.approved);
        // One leaf per (account, token) with its cumulative total, as the settlement store groups them.
        const byAccount = new Map<string, RewardLeafValue>();
        for (const r of approved) {
          const key = `${r.account}|${r.token}`;
          const leaf = byAccount.get(key) ?? { account: r.account, token: r.token, cumulativeWei: 0n };
          leaf.cumulativeWei += r.amountWei;
          byAccount.set(key, leaf);
        }
        const totals = totalsByToken([...byAccount.values()]);

        const expected = new Map<string, bigint>();
        for (const r of approved) expected.set(r.token, (expected.get(r.token) ?? 0n) + r.amountWei);
        expect(Object.keys(totals).sort()).toEqual([...expected.keys()].sort());
        for (const [token, wei] of expected) expect(totals[token]).toBe(wei.toString());
        // A leaf per accrual, in reverse order, adds up to the same totals.
        const single = approved
          .map((r) => ({ account: r.account, token: r.token, cumulativeWei: r.amountWei }))
          .reverse();
        expect(totalsByToken(single)).toEqual(totals);
      }),
      { numRuns: 300 },
    );
  });
});
