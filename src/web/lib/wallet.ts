import type { AuthConfig, Me } from '../../shared/api.ts';
import type { ChainInfo } from '../../shared/chainApi.ts';
import { apiClient, errorMessage } from './apiClient.ts';
import { type Eip1193Provider, injectedWallet } from './injectedWallet.ts';

/** A call the server prepared for the person's wallet. */
export type WalletCall = { to: string; data: string; label: string };

/** Where a send stands: which call of how many, and a sentence for people. */
export type SendProgress = {
  step: number;
  total: number;
  label: string;
  phase: 'connecting' | 'confirm' | 'mining' | 'syncing' | 'done';
  message: string;
};

export type SentTx = { label: string; hash: string };

export type SendCallsOptions = {
  /** The signed-in person: a development account sends through the server, anyone else through their wallet. */
  me: Pick<Me, 'address'>;
  onProgress?: (progress: SendProgress) => void;
};

/** A wallet problem put in words for people; `cause` keeps what the wallet or server said. */
export class WalletError extends Error {
  override name = 'WalletError';
}

const NO_WALLET =
  'No browser wallet found: install a wallet such as MetaMask, or sign in with a development account.';
const RECEIPT_POLL_MS = 1000;
const RECEIPT_TIMEOUT_MS = 5 * 60_000;

let authConfigOnce: Promise<AuthConfig> | null = null;
let chainInfoOnce: Promise<ChainInfo> | null = null;

/** True when the signed-in address is one of the server's development accounts (their keys live on the server). */
export async function isDevAccount(address: string): Promise<boolean> {
  authConfigOnce ??= apiClient.authConfig().catch((e: unknown) => {
    authConfigOnce = null;
    throw e;
  });
  const config = await authConfigOnce;
  return (
    config.devWallets && config.devAccounts.some((a) => a.address.toLowerCase() === address.toLowerCase())
  );
}

/**
 * Sends the calls in order and waits for each to be mined: from the server's development wallet when the
 * signed-in user is a development account, otherwise from the browser's wallet. Stops at the first failure
 * and throws a WalletError whose message says what went wrong.
 */
export async function sendCalls(calls: WalletCall[], options: SendCallsOptions): Promise<SentTx[]> {
  if (calls.length === 0) return [];
  const report = options.onProgress ?? (() => {});
  if (await isDevAccount(options.me.address)) return sendFromDevWallet(calls, report);
  return sendFromInjectedWallet(calls, options.me.address, report);
}

function progress(
  step: number,
  total: number,
  label: string,
  phase: SendProgress['phase'],
  message: string,
): SendProgress {
  return { step, total, label, phase, message };
}

async function sendFromDevWallet(calls: WalletCall[], report: (p: SendProgress) => void): Promise<SentTx[]> {
  const total = calls.length;
  report(
    progress(
      1,
      total,
      calls[0]!.label,
      'mining',
      `Sending ${total} call${total === 1 ? '' : 's'} from the development wallet…`,
    ),
  );
  let txs: Awaited<ReturnType<typeof apiClient.devSend>>['txs'];
  try {
    ({ txs } = await apiClient.devSend(calls));
  } catch (e) {
    throw new WalletError(`The development wallet could not send: ${errorMessage(e)}`, { cause: e });
  }
  const sent: SentTx[] = [];
  for (const [i, tx] of txs.entries()) {
    const label = calls[i]?.label ?? 'call';
    if (tx.status !== 'success')
      throw new WalletError(`Step ${i + 1}/${total} (${label}) reverted on chain (transaction ${tx.hash}).`);
    sent.push({ label, hash: tx.hash });
  }
  if (sent.length < total) throw new WalletError(`Only ${sent.length} of ${total} calls were sent.`);
  report(progress(total, total, calls[total - 1]!.label, 'done', 'Done.'));
  return sent;
}

async function sendFromInjectedWallet(
  calls: WalletCall[],
  signedIn: string,
  report: (p: SendProgress) => void,
): Promise<SentTx[]> {
  const wallet = injectedWallet();
  if (!wallet) throw new WalletError(NO_WALLET);
  const total = calls.length;
  report(progress(1, total, calls[0]!.label, 'connecting', 'Connecting to your wallet…'));
  const from = await walletAccount(wallet, signedIn);
  await ensureChain(wallet);
  const sent: SentTx[] = [];
  for (const [i, call] of calls.entries()) {
    const step = `${i + 1}/${total} ${call.label}`;
    report(progress(i + 1, total, call.label, 'confirm', `${step}: confirm in your wallet…`));
    const hash = (await ask(
      wallet,
      'eth_sendTransaction',
      [{ from, to: call.to, data: call.data }],
      step,
    )) as string;
    report(progress(i + 1, total, call.label, 'mining', `${step}: waiting for the chain…`));
    await waitForReceipt(wallet, hash, step);
    sent.push({ label: call.label, hash });
  }
  report(
    progress(total, total, calls[total - 1]!.label, 'syncing', 'Telling Caravan about the transactions…'),
  );
  try {
    await apiClient.syncChain();
  } catch (e) {
    // The transactions are mined; the server's own chain loop reads them soon even if this nudge failed.
    console.warn('chain sync after sending failed', e);
  }
  report(progress(total, total, calls[total - 1]!.label, 'done', 'Done.'));
  return sent;
}

/** The wallet account matching the signed-in address: sending from another would fund or stake for someone else. */
async function walletAccount(wallet: Eip1193Provider, signedIn: string): Promise<string> {
  const accounts = (await ask(wallet, 'eth_requestAccounts', [], 'connect')) as string[];
  const match = accounts.find((a) => a.toLowerCase() === signedIn.toLowerCase());
  if (match) return match;
  if (accounts.length === 0) throw new WalletError('Your wallet shared no account. Unlock it and try again.');
  throw new WalletError(
    `Your wallet’s account ${accounts[0]} is not the one you signed in with (${signedIn}). Switch accounts in your wallet and try again.`,
  );
}

/** Moves the wallet to the platform's chain, adding the chain to the wallet when it does not know it. */
async function ensureChain(wallet: Eip1193Provider): Promise<void> {
  chainInfoOnce ??= apiClient.chainInfo().catch((e: unknown) => {
    chainInfoOnce = null;
    throw e;
  });
  let info: ChainInfo;
  try {
    info = await chainInfoOnce;
  } catch (e) {
    throw new WalletError(errorMessage(e), { cause: e });
  }
  const want = `0x${info.chainId.toString(16)}`;
  const current = (await ask(wallet, 'eth_chainId', [], 'read chain')) as string;
  if (Number(current) === info.chainId) return;
  try {
    await wallet.request({ method: 'wallet_switchEthereumChain', params: [{ chainId: want }] });
    return;
  } catch (e) {
    if (providerCode(e) === 4001)
      throw new WalletError('You declined switching your wallet to Caravan’s chain.');
  }
  if (!info.rpcUrl)
    throw new WalletError(
      `Switch your wallet to chain ${info.chainId}: the server does not say where the chain can be reached.`,
    );
  await ask(
    wallet,
    'wallet_addEthereumChain',
    [
      {
        chainId: want,
        chainName: `Caravan chain ${info.chainId}`,
        rpcUrls: [info.rpcUrl],
        nativeCurrency: { name: 'Ether', symbol: 'ETH', decimals: 18 },
      },
    ],
    'add the chain',
  );
  const after = (await ask(wallet, 'eth_chainId', [], 'read chain')) as string;
  if (Number(after) !== info.chainId)
    await ask(wallet, 'wallet_switchEthereumChain', [{ chainId: want }], 'switch chains');
}

async function waitForReceipt(wallet: Eip1193Provider, hash: string, step: string): Promise<void> {
  const started = Date.now();
  while (Date.now() - started < RECEIPT_TIMEOUT_MS) {
    const receipt = (await ask(wallet, 'eth_getTransactionReceipt', [hash], step)) as {
      status?: string;
    } | null;
    if (receipt) {
      if (receipt.status !== undefined && Number(receipt.status) !== 1)
        throw new WalletError(`${step} reverted on chain (transaction ${hash}).`);
      return;
    }
    await new Promise((resolve) => setTimeout(resolve, RECEIPT_POLL_MS));
  }
  throw new WalletError(`${step}: no receipt after 5 minutes for transaction ${hash}; check your wallet.`);
}

/** One wallet request, with its error turned into a sentence. */
async function ask(
  wallet: Eip1193Provider,
  method: string,
  params: unknown[],
  what: string,
): Promise<unknown> {
  try {
    return await wallet.request({ method, params });
  } catch (e) {
    throw new WalletError(walletErrorText(e, what), { cause: e });
  }
}

function providerCode(error: unknown): number | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'number' ? code : undefined;
}

/** What an EIP-1193 error means, for people (codes from EIP-1193 and EIP-1474). */
function walletErrorText(error: unknown, what: string): string {
  const code = providerCode(error);
  const raw = (error as { message?: unknown } | null)?.message;
  const message = typeof raw === 'string' ? raw : String(error);
  if (code === 4001) return `You declined the request in your wallet (${what}).`;
  if (code === 4100)
    return 'Your wallet has not allowed Caravan to use this account; connect it and try again.';
  if (code === 4902) return 'Your wallet does not know Caravan’s chain.';
  if (code === -32002) return 'Your wallet already has a request waiting: open it and answer that first.';
  if (/revert/i.test(message)) return `${what} would revert: ${message}`;
  if (/insufficient funds/i.test(message)) return `${what}: your account lacks the gas to pay for this.`;
  return `${what}: ${message}`;
}
