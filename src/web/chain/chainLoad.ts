import { ApiError } from '../../shared/client.ts';

/** What a chain read answers when the server runs without a chain (503 CHAIN_UNAVAILABLE). */
export type ChainOff = { chainOff: string };

/** Runs a chain read, turning "this server has no chain" into a value the page can explain instead of an error. */
export async function loadChain<T extends object>(load: () => Promise<T>): Promise<T | ChainOff> {
  try {
    return await load();
  } catch (e) {
    if (e instanceof ApiError && e.code === 'CHAIN_UNAVAILABLE') return { chainOff: e.message };
    throw e;
  }
}

/** True when the load found no chain on the server. */
export function isChainOff(value: object | undefined): value is ChainOff {
  return value !== undefined && 'chainOff' in value;
}

/** A share 0..1 of two base-unit amounts, exact enough for a bar. */
export function shareOf(part: bigint, whole: bigint): number {
  if (whole <= 0n) return 0;
  return Number((part * 10_000n) / whole) / 10_000;
}
