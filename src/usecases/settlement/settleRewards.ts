import { type Address, bytesToHex, type Hex, keccak256, stringToBytes } from 'viem';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import { buildMerkleTree } from '../../domain/merkle/buildMerkleTree.ts';
import { rewardLeaves } from '../../domain/merkle/standardLeaf.ts';
import { totalsByToken } from '../../domain/settlement/totalsByToken.ts';
import type { Chain, EpochRow, SettlementStore } from '../chainPorts.ts';
import type { Clock } from '../ports.ts';
import { syncChain } from './syncChain.ts';

export type SettleRewardsDeps = {
  chain: Chain;
  settlement: SettlementStore;
  clock: Clock;
  /** Seconds approved work waits before it is settled, so QA and reviews can still change their minds. */
  holdSeconds: number;
  /** The shortest time between two epochs: each costs a proposal and an acceptance on chain. */
  epochSeconds?: number;
};

export type SettlementStep =
  | { step: 'idle' }
  | { step: 'proposed'; epoch: number; acceptableAt: Date }
  | { step: 'accepted'; epoch: number; root: Hex; leaves: number }
  | { step: 'blocked'; reason: string };

/**
 * Moves settlement one epoch forward as far as it can go now. Each step is safe to repeat after a crash at
 * any point: accruals are keyed by their source, the epoch's rows are written before anything is sent, and
 * every transaction (escrow releases, the proposal, the acceptance) goes through the journal once per purpose.
 *
 * 1. accrue approved work past the hold period; 2. open the next epoch with what the escrows cover;
 * 3. release those amounts from each project's escrow to the distributor; 4. build the cumulative tree and
 * store every leaf and proof; 5. propose the root; 6. accept it once the distributor's delay has passed.
 */
export async function settleRewards(deps: SettleRewardsDeps): Promise<SettlementStep> {
  const { chain, settlement, clock } = deps;
  await chain.resume();
  await syncChain(deps);
  let open = await settlement.openEpoch();
  if (!open) {
    const now = clock.now();
    const [latest] = await settlement.epochs(1);
    if (latest && now.getTime() - latest.createdAt.getTime() < (deps.epochSeconds ?? 0) * 1000)
      return { step: 'idle' };
    await settlement.accrue({
      cutoff: new Date(now.getTime() - deps.holdSeconds * 1000),
      platformToken: chain.contracts.token,
      now,
    });
    const onChain = await chain.distributor();
    if (onChain.pending)
      return {
        step: 'blocked',
        reason: `epoch ${onChain.pending.epoch} is pending on chain with a root this database does not know; revoke it or restore the database`,
      };
    open = await settlement.openNext(onChain.epoch + 1, now);
    if (!open) return { step: 'idle' };
  }
  if (open.status === 'releasing') open = await release(deps, open);
  if (open.status === 'built') open = await propose(deps, open);
  return accept(deps, open);
}

async function release(deps: SettleRewardsDeps, epoch: EpochRow): Promise<EpochRow> {
  const { chain, settlement } = deps;
  for (const r of await settlement.releases(epoch.epoch))
    await chain.releaseEscrow(
      `release:${epoch.epoch}:${r.projectId}:${r.token}`,
      r.projectId,
      r.token,
      r.amountWei,
    );
  const leaves = await settlement.cumulativeTotals(epoch.epoch);
  const tree = buildMerkleTree(rewardLeaves(leaves));
  const totals = totalsByToken(leaves);
  const root = bytesToHex(tree.root);
  const manifestHash = keccak256(
    stringToBytes(
      canonicalJson({
        chainId: chain.chainId,
        distributor: chain.contracts.distributor,
        epoch: epoch.epoch,
        leaves: leaves.length,
        root,
        totals,
      }),
    ),
  );
  await settlement.saveTree(epoch.id, { root, manifestHash, totals, leaves, proofs: tree.proofs });
  return { ...epoch, status: 'built', root, manifestHash, totals, leafCount: leaves.length };
}

async function propose(deps: SettleRewardsDeps, epoch: EpochRow): Promise<EpochRow> {
  const { chain, settlement, clock } = deps;
  const tokens = Object.keys(epoch.totals).sort(byAddress) as Address[];
  await chain.proposeRoot(`propose:${epoch.id}`, {
    root: epoch.root!,
    epoch: epoch.epoch,
    tokens,
    totalsWei: tokens.map((t) => BigInt(epoch.totals[t]!)),
    manifestHash: epoch.manifestHash!,
  });
  const onChain = await chain.distributor();
  // Accepted already (a crash after acceptance left the database behind): the next step records it.
  const acceptableAt = onChain.pending?.epoch === epoch.epoch ? onChain.pending.acceptableAt : clock.now();
  await settlement.markProposed(epoch.id, acceptableAt, clock.now());
  return { ...epoch, status: 'proposed', acceptableAt };
}

async function accept(deps: SettleRewardsDeps, epoch: EpochRow): Promise<SettlementStep> {
  const { chain, settlement, clock } = deps;
  const onChain = await chain.distributor();
  if (onChain.epoch < epoch.epoch) {
    // The acceptance lands in the next block. A local node mines only on demand, so its latest block can be
    // old: the next one is stamped with the present, which the clock tells.
    const now = new Date(Math.max((await chain.now()).getTime(), clock.now().getTime()));
    if (epoch.acceptableAt && now < epoch.acceptableAt)
      return { step: 'proposed', epoch: epoch.epoch, acceptableAt: epoch.acceptableAt };
    await chain.acceptRoot(`accept:${epoch.id}`, epoch.epoch);
  }
  await settlement.markAccepted(epoch.id, clock.now());
  return { step: 'accepted', epoch: epoch.epoch, root: epoch.root!, leaves: epoch.leafCount };
}

/** The distributor wants tokens in ascending order of their address as a number. */
function byAddress(a: string, b: string): number {
  const x = BigInt(a);
  const y = BigInt(b);
  return x < y ? -1 : x > y ? 1 : 0;
}
