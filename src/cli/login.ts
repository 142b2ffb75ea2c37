import { privateKeyToAccount } from 'viem/accounts';
import { createSiweMessage } from 'viem/siwe';
import { createClient } from '../shared/client.ts';
import type { Credentials } from './credentials.ts';

export type LoginInput = {
  url: string;
  devAccount?: string | undefined;
  privateKey?: `0x${string}` | undefined;
  orgId?: string | undefined;
};

/**
 * Signs in (a development account, or Sign-In with Ethereum with a local private key), then creates an API key
 * for the requester's organization, to be saved for later commands.
 */
export async function login(input: LoginInput): Promise<Credentials> {
  let cookie = '';
  const cookieFetch: typeof fetch = async (url, init) => {
    const headers = new Headers(init?.headers);
    if (cookie) headers.set('cookie', cookie);
    const response = await fetch(url, { ...init, headers });
    const set = response.headers.get('set-cookie');
    if (set) cookie = set.split(';')[0]!;
    return response;
  };
  const client = createClient({ baseUrl: input.url, fetch: cookieFetch });
  let me: Awaited<ReturnType<typeof client.me>>;
  if (input.devAccount) {
    me = await client.devSignIn(input.devAccount);
  } else if (input.privateKey) {
    const account = privateKeyToAccount(input.privateKey);
    const [{ nonce }, config] = await Promise.all([client.nonce(), client.authConfig()]);
    const origin = new URL(input.url);
    const message = createSiweMessage({
      address: account.address,
      chainId: config.chainId,
      domain: origin.host,
      nonce,
      uri: origin.origin,
      version: '1',
      statement: 'Sign in to Caravan from the command line',
    });
    me = await client.signIn(message, await account.signMessage({ message }));
  } else {
    throw new Error(
      'say how to sign in: --dev <account> (development wallets) or CARAVAN_PRIVATE_KEY=0x… in the environment',
    );
  }
  let org = input.orgId ? me.orgs.find((o) => o.id === input.orgId) : me.orgs[0];
  if (!org && !input.orgId) org = await client.createOrg(`${me.address.slice(0, 8)}'s organization`);
  if (!org) throw new Error(`you are not a member of organization ${input.orgId}`);
  const key = await client.createApiKey(org.id, `cli ${new Date().toISOString().slice(0, 10)}`);
  return { url: input.url, apiKey: key.key, orgId: org.id, address: me.address };
}
