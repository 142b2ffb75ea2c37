import { getAddress, keccak256, stringToBytes } from 'viem';
import { DomainError } from '../../domain/errors.ts';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import type { SlashRow } from '../chainPorts.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { requireChain } from './requireChain.ts';

/**
 * An admin slashes a proven fraudster's stake. The evidence (why, and what proves it: a sybil flag, answer ids)
 * is stored, and its hash goes on chain with the slash; the vault caps how much one slash can take.
 */
export async function slashStake(
  deps: Pick<Deps, 'chain' | 'settlement' | 'clock'>,
  actor: Actor,
  input: {
    address: string;
    amountWei: bigint;
    reason: string;
    flagId?: string | undefined;
    answerIds?: string[] | undefined;
  },
): Promise<SlashRow> {
  if (!actor.isAdmin || actor.via !== 'session')
    throw new DomainError('FORBIDDEN', 'only an admin can slash a stake');
  const chain = requireChain(deps);
  if (input.amountWei <= 0n) throw new DomainError('VALIDATION_FAILED', 'slash an amount above 0');
  const account = getAddress(input.address);
  const locked = await chain.stake(account);
  if (locked.lockedWei + locked.unlockingWei === 0n)
    throw new DomainError('CONFLICT', `${account} has nothing staked`);
  const now = deps.clock.now();
  const evidence = {
    account,
    reason: input.reason,
    flagId: input.flagId ?? null,
    answerIds: input.answerIds ?? [],
    decidedBy: actor.address,
    at: now.toISOString(),
  };
  const evidenceHash = keccak256(stringToBytes(canonicalJson(evidence)));
  const row = await deps.settlement.recordSlash({
    address: account,
    amountWei: input.amountWei,
    evidence,
    evidenceHash,
    decidedBy: actor.id,
    now,
  });
  if (!row) throw new DomainError('NOT_FOUND', `no contributor with address ${account}`);
  let tx: Awaited<ReturnType<typeof chain.slash>>;
  try {
    tx = await chain.slash(`slash:${row.id}`, account, input.amountWei, evidenceHash);
  } catch (cause) {
    throw new DomainError('CHAIN_REFUSED', `the vault refused the slash: ${(cause as Error).message}`);
  }
  await deps.settlement.setSlashTx(row.id, tx.hash);
  return {
    id: row.id,
    address: account,
    amountWei: input.amountWei,
    evidence,
    evidenceHash,
    txHash: tx.hash,
    createdAt: now,
  };
}
