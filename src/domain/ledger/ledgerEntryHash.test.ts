import { describe, expect, it } from 'vitest';
import { answerHash } from './answerHash.ts';
import { GENESIS_HASH, type LedgerPayload, ledgerEntryHash, ledgerPayloadText } from './ledgerEntryHash.ts';

const payload: LedgerPayload = {
  contributor: '0x00000000000000000000000000000000000000a1',
  itemId: 'item-1',
  answerHash: '0x09825e2d612138e8a072fe3a33c86dbe58ebb8a2a97ada0aff69acbe8bf2ac70',
  createdAt: '2026-05-01T12:00:00.000Z',
};

describe('answerHash', () => {
  it('is the sha256 of the canonical JSON', () => {
    // sha256('{"choice":"pos"}'), computed outside Caravan.
    expect(answerHash({ choice: 'pos' })).toBe(
      '0x09825e2d612138e8a072fe3a33c86dbe58ebb8a2a97ada0aff69acbe8bf2ac70',
    );
  });

  it('is equal for the same answer with keys in another order', () => {
    const a = { spans: [{ start: 0, end: 3, label: 'PER' }], note: 'x' };
    const b = { note: 'x', spans: [{ label: 'PER', end: 3, start: 0 }] };
    expect(answerHash(a)).toBe(answerHash(b));
  });

  it('differs when a value or the array order changes', () => {
    expect(answerHash({ choice: 'pos' })).not.toBe(answerHash({ choice: 'neg' }));
    expect(answerHash({ choices: ['a', 'b'] })).not.toBe(answerHash({ choices: ['b', 'a'] }));
  });

  it('is 0x and 64 lowercase hex digits', () => {
    expect(answerHash({ value: 3 })).toMatch(/^0x[0-9a-f]{64}$/);
  });
});

describe('ledgerPayloadText', () => {
  it('is a JSON array of contributor, item, answer hash and time, in that order', () => {
    expect(ledgerPayloadText(payload)).toBe(
      '["0x00000000000000000000000000000000000000a1","item-1","0x09825e2d612138e8a072fe3a33c86dbe58ebb8a2a97ada0aff69acbe8bf2ac70","2026-05-01T12:00:00.000Z"]',
    );
  });
});

describe('ledgerEntryHash', () => {
  it('starts chains from 32 zero bytes', () => {
    expect(GENESIS_HASH).toBe(`0x${'0'.repeat(64)}`);
  });

  it('is sha256(prevHash bytes || payload text)', () => {
    // Computed outside Caravan: sha256(32 zero bytes + the payload text above).
    expect(ledgerEntryHash(GENESIS_HASH, payload)).toBe(
      '0x9e22521f12df55bb658c0ce7b18b2ce9cb41e5d18767f1e24bfe312e1e46db10',
    );
  });

  it('is deterministic', () => {
    expect(ledgerEntryHash(GENESIS_HASH, { ...payload })).toBe(ledgerEntryHash(GENESIS_HASH, payload));
  });

  it.each([
    ['contributor', { contributor: '0x00000000000000000000000000000000000000a2' }],
    ['itemId', { itemId: 'item-2' }],
    ['answerHash', { answerHash: `0x${'1'.repeat(64)}` }],
    ['createdAt', { createdAt: '2026-05-01T12:00:00.001Z' }],
  ] as const)('changes when %s changes', (_field, change) => {
    expect(ledgerEntryHash(GENESIS_HASH, { ...payload, ...change })).not.toBe(
      ledgerEntryHash(GENESIS_HASH, payload),
    );
  });

  it('changes when the previous hash changes', () => {
    const other = `0x${'00'.repeat(31)}01` as const;
    expect(ledgerEntryHash(other, payload)).not.toBe(ledgerEntryHash(GENESIS_HASH, payload));
  });

  it('cannot be fooled by moving text between fields', () => {
    const a = ledgerEntryHash(GENESIS_HASH, { ...payload, contributor: 'ab', itemId: 'c' });
    const b = ledgerEntryHash(GENESIS_HASH, { ...payload, contributor: 'a', itemId: 'bc' });
    expect(a).not.toBe(b);
  });
});
