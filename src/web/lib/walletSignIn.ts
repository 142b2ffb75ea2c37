import { getAddress, stringToHex } from 'viem';
import { createSiweMessage } from 'viem/siwe';
import type { Me } from '../../shared/api.ts';
import { apiClient } from './apiClient.ts';
import type { Eip1193Provider } from './injectedWallet.ts';

/** Signs in with Ethereum (EIP-4361): the wallet signs a one-time message that the server checks. */
export async function walletSignIn(wallet: Eip1193Provider, chainId: number): Promise<Me> {
  const accounts = (await wallet.request({ method: 'eth_requestAccounts' })) as string[];
  const first = accounts[0];
  if (!first) throw new Error('The wallet shared no account. Unlock it and try again.');
  const address = getAddress(first);
  const { nonce } = await apiClient.nonce();
  const message = createSiweMessage({
    address,
    chainId,
    domain: window.location.host,
    uri: window.location.origin,
    nonce,
    version: '1',
    statement: 'Sign in to Caravan',
  });
  const signature = (await wallet.request({
    method: 'personal_sign',
    params: [stringToHex(message), address],
  })) as string;
  return apiClient.signIn(message, signature);
}
