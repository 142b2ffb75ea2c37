import { TIER_NAMES } from '../../domain/progress/tierNames.ts';
import type { Chain, SettlementStore } from '../chainPorts.ts';
import type { Clock } from '../ports.ts';

/**
 * Brings the soulbound tier badges on chain in line with contributors' tiers: one badge for each tier from 1
 * (Apprentice) up to the current one; a lost tier's badge is revoked. The chain is asked first, so a change
 * that was sent before a crash is only recorded, never sent twice.
 */
export async function syncBadges(
  deps: { chain: Chain; settlement: SettlementStore; clock: Clock },
  limit = 200,
): Promise<{ step: 'idle' } | { step: 'badges'; issued: number; revoked: number }> {
  const { chain, settlement, clock } = deps;
  let issued = 0;
  let revoked = 0;
  for (const change of await settlement.badgeChanges(TIER_NAMES, limit)) {
    const has = await chain.hasBadge(change.address, change.tier);
    const purpose = `badge:${change.action}:${change.address}:${change.tier}:${change.version}`;
    if (change.action === 'issue') {
      if (!has) await chain.issueBadge(purpose, change.address, change.tier);
      await settlement.markBadge(change.userId, change.tier, 'issued', clock.now());
      issued++;
    } else {
      if (has) await chain.revokeBadge(purpose, change.address, change.tier);
      await settlement.markBadge(change.userId, change.tier, 'revoked', clock.now());
      revoked++;
    }
  }
  return issued || revoked ? { step: 'badges', issued, revoked } : { step: 'idle' };
}
