/** The part of an injected EIP-1193 wallet (window.ethereum) that sign-in uses. */
export type Eip1193Provider = { request: (args: { method: string; params?: unknown[] }) => Promise<unknown> };

/** The wallet the browser injected, if any. */
export function injectedWallet(): Eip1193Provider | null {
  const candidate = (window as unknown as { ethereum?: Eip1193Provider }).ethereum;
  return candidate && typeof candidate.request === 'function' ? candidate : null;
}
