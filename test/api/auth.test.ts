import { generatePrivateKey, privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ devWallets: false });
});
afterAll(() => t.close());

async function message(nonce: string, overrides: Partial<Parameters<typeof createSiweMessage>[0]> = {}) {
  const account = privateKeyToAccount(generatePrivateKey());
  const text = createSiweMessage({
    address: account.address,
    chainId: 31_337,
    domain: 'caravan.test',
    nonce,
    uri: 'http://caravan.test',
    version: '1',
    issuedAt: t.clock.now(),
    ...overrides,
  });
  return { account, text, signature: await account.signMessage({ message: text }) };
}

describe('Sign-In with Ethereum', () => {
  it('signs in with a signed EIP-4361 message and a server nonce, once', async () => {
    const { nonce } = (await t.call('GET', '/api/auth/nonce')).json;
    const m = await message(nonce);
    const r = await t.call('POST', '/api/auth/siwe', { body: { message: m.text, signature: m.signature } });
    expect(r.status).toBe(200);
    expect(r.json.address).toBe(m.account.address);
    const cookie = r.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    const me = await t.call('GET', '/api/me', { cookie: cookie.split(';')[0]! });
    expect(me.json.address).toBe(m.account.address);

    const replay = await t.call('POST', '/api/auth/siwe', {
      body: { message: m.text, signature: m.signature },
    });
    expect(replay.status).toBe(401);
    expect(replay.json.error.code).toBe('NONCE_INVALID');
  });

  it('refuses a nonce the server never issued', async () => {
    const m = await message('madeUpNonce123');
    const r = await t.call('POST', '/api/auth/siwe', { body: { message: m.text, signature: m.signature } });
    expect(r.json.error.code).toBe('NONCE_INVALID');
  });

  it('refuses a message for another site, chain or signer', async () => {
    const other = await message((await t.call('GET', '/api/auth/nonce')).json.nonce, {
      domain: 'evil.example',
    });
    expect(
      (await t.call('POST', '/api/auth/siwe', { body: { message: other.text, signature: other.signature } }))
        .json.error.code,
    ).toBe('SIGNATURE_INVALID');
    const chain = await message((await t.call('GET', '/api/auth/nonce')).json.nonce, { chainId: 1 });
    const chainR = await t.call('POST', '/api/auth/siwe', {
      body: { message: chain.text, signature: chain.signature },
    });
    expect(chainR.json.error.message).toBe('sign in on chain 31337, not 1');
    const m = await message((await t.call('GET', '/api/auth/nonce')).json.nonce);
    const forged = await privateKeyToAccount(generatePrivateKey()).signMessage({ message: m.text });
    const r = await t.call('POST', '/api/auth/siwe', { body: { message: m.text, signature: forged } });
    expect(r.status).toBe(401);
    expect(r.json.error.message).toBe('the signature does not match the address in the message');
  });

  it('refuses an expired message', async () => {
    const m = await message((await t.call('GET', '/api/auth/nonce')).json.nonce, {
      expirationTime: new Date(t.clock.now().getTime() - 1000),
    });
    expect(
      (await t.call('POST', '/api/auth/siwe', { body: { message: m.text, signature: m.signature } })).json
        .error.code,
    ).toBe('SIGNATURE_INVALID');
  });

  it('keeps development wallets off unless configured', async () => {
    expect((await t.call('GET', '/api/auth/config')).json).toEqual({
      chainId: 31_337,
      devWallets: false,
      devAccounts: [],
    });
    const r = await t.call('POST', '/api/auth/dev', { body: { account: 'alice' } });
    expect(r.status).toBe(403);
    expect(r.json.error.code).toBe('DEV_WALLETS_DISABLED');
  });

  it('signs out', async () => {
    const { nonce } = (await t.call('GET', '/api/auth/nonce')).json;
    const m = await message(nonce);
    const cookie = (
      await t.call('POST', '/api/auth/siwe', { body: { message: m.text, signature: m.signature } })
    ).headers
      .get('set-cookie')!
      .split(';')[0]!;
    expect((await t.call('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await t.call('GET', '/api/me', { cookie })).status).toBe(401);
  });
});
