import type { Chain, SettlementStore } from '../chainPorts.ts';

export type SyncChainDeps = { chain: Chain; settlement: SettlementStore };

/**
 * Reads Caravan's contract events since the last sync into the database's mirrors (escrow balances, epochs,
 * claims, anchors, slashes). Safe to run twice and from several processes: each event is stored once.
 */
export async function syncChain(deps: SyncChainDeps): Promise<number> {
  const { chain, settlement } = deps;
  let from = (await settlement.cursor(chain.chainId)) ?? chain.fromBlock;
  let stored = 0;
  for (;;) {
    const { events, nextBlock } = await chain.events(from);
    if (nextBlock === from) return stored;
    stored += await settlement.recordEvents(chain.chainId, events, nextBlock);
    from = nextBlock;
  }
}
