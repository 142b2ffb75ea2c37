import { createRoute } from '@hono/zod-openapi';
import type { Hex } from 'viem';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import {
  answerProofBody,
  chainInfoBody,
  devSendBody,
  escrowBody,
  fundCallsBody,
  refundCallsBody,
  relayResultBody,
  rewardsBody,
  sentTxsBody,
  settlementStatusBody,
  slashBody,
  slashInputBody,
  stakeBody,
  stakeCallsBody,
  walletCallsBody,
} from '../../shared/chainApi.ts';
import type { EpochRow, SlashRow } from '../../usecases/chainPorts.ts';
import { type AnswerVerification, verifyAnswer } from '../../usecases/provenance/verifyAnswer.ts';
import { claimCalls } from '../../usecases/settlement/claimCalls.ts';
import { fundingCalls, refundCall } from '../../usecases/settlement/fundingCalls.ts';
import { myRewards } from '../../usecases/settlement/myRewards.ts';
import { projectEscrow } from '../../usecases/settlement/projectEscrow.ts';
import { type RelayResult, relayClaims } from '../../usecases/settlement/relayClaims.ts';
import { requireChain } from '../../usecases/settlement/requireChain.ts';
import { sendFromDevWallet } from '../../usecases/settlement/sendFromDevWallet.ts';
import { settleRewards } from '../../usecases/settlement/settleRewards.ts';
import { slashStake } from '../../usecases/settlement/slashStake.ts';
import { myStake, stakeCalls } from '../../usecases/settlement/stake.ts';
import { syncChain } from '../../usecases/settlement/syncChain.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';

const projectParams = z.object({ id: z.string().uuid('project ids are UUIDs') });

const presentEpoch = (e: EpochRow) => ({
  epoch: e.epoch,
  status: e.status,
  root: e.root,
  leafCount: e.leafCount,
  totals: e.totals,
  acceptableAt: e.acceptableAt?.toISOString() ?? null,
  createdAt: e.createdAt.toISOString(),
  acceptedAt: e.acceptedAt?.toISOString() ?? null,
});

const requireAdmin = (c: Parameters<typeof requireActor>[0]) => {
  const actor = requireActor(c);
  if (!actor.isAdmin || actor.via !== 'session')
    throw new DomainError('FORBIDDEN', 'only an admin can do this');
  return actor;
};

/** Money and proofs on chain: escrow funding, rewards and claims, stakes and badges, settlement and slashing. */
export function chainRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/chain',
      tags: ['chain'],
      responses: ok(chainInfoBody, 'The chain and Caravan’s contracts on it'),
    }),
    (c) => {
      const chain = requireChain(deps);
      return c.json(
        {
          chainId: chain.chainId,
          rpcUrl: deps.chainRpcUrl ?? null,
          contracts: { ...chain.contracts, partnerToken: chain.contracts.partnerToken ?? null },
          operator: chain.operator,
          holdSeconds: deps.settings.holdSeconds,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/escrow',
      tags: ['chain'],
      request: { params: projectParams },
      responses: ok(escrowBody, 'The project’s escrow per token beside what its work costs'),
    }),
    async (c) => {
      const e = await projectEscrow(deps, requireActor(c), c.req.valid('param').id);
      return c.json(
        {
          escrow: e.escrow,
          tokens: e.tokens.map((t) => ({
            token: t.token,
            symbol: t.symbol,
            decimals: t.decimals,
            role: t.role,
            fundedWei: t.fundedWei.toString(),
            releasedWei: t.releasedWei.toString(),
            refundedWei: t.refundedWei.toString(),
            committedWei: t.committedWei.toString(),
            rewardPerItemWei: t.rewardPerItemWei.toString(),
            fullCostWei: t.fullCostWei.toString(),
            requester: t.requester,
            deadline: t.deadline?.toISOString() ?? null,
          })),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/escrow/fund-calls',
      tags: ['chain'],
      summary: 'The approve and fund calls for the requester’s wallet',
      request: { params: projectParams, ...json(fundCallsBody) },
      responses: ok(walletCallsBody, 'Send these from your wallet, in order'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const calls = await fundingCalls(deps, requireActor(c), {
        projectId: c.req.valid('param').id,
        amountWei: BigInt(body.amountWei),
        token: body.token,
      });
      return c.json({ calls }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/escrow/refund-calls',
      tags: ['chain'],
      summary: 'The refund call (after the deadline) for the requester’s wallet',
      request: { params: projectParams, ...json(refundCallsBody) },
      responses: ok(walletCallsBody, 'Send this from the wallet that funded the project'),
    }),
    async (c) => {
      const calls = await refundCall(deps, requireActor(c), {
        projectId: c.req.valid('param').id,
        token: c.req.valid('json').token,
      });
      return c.json({ calls }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/rewards',
      tags: ['chain'],
      responses: ok(rewardsBody, 'Your earnings per token: accruing, in an epoch, claimable, claimed'),
    }),
    async (c) => {
      const r = await myRewards(deps, requireActor(c));
      return c.json(
        {
          tokens: r.tokens.map((t) => ({
            token: t.token,
            symbol: t.symbol,
            decimals: t.decimals,
            role: t.role,
            accruingWei: t.accruingWei.toString(),
            inEpochWei: t.inEpochWei.toString(),
            claimableWei: t.claimableWei.toString(),
            claimedWei: t.claimedWei.toString(),
          })),
          lastEpoch: r.lastEpoch && presentEpoch(r.lastEpoch),
          openEpoch: r.openEpoch && presentEpoch(r.openEpoch),
          holdSeconds: r.holdSeconds,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/rewards/claim-calls',
      tags: ['chain'],
      responses: ok(walletCallsBody, 'One claim call per token with something to claim'),
    }),
    async (c) => c.json({ calls: await claimCalls(deps, requireActor(c)) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/rewards/relay',
      tags: ['chain'],
      summary: 'Have the platform’s relayer claim for you (it pays the gas; the tokens go to your address)',
      responses: ok(relayResultBody, 'The relayed claims'),
    }),
    async (c) => {
      return c.json(presentRelay(await relayClaims(deps, { actor: requireActor(c) })), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/stake',
      tags: ['chain'],
      responses: ok(stakeBody, 'Your stake, wallet balance and tier badges on chain'),
    }),
    async (c) => {
      const s = await myStake(deps, requireActor(c));
      return c.json(
        {
          stakeVault: s.stakeVault,
          token: s.token,
          lockedWei: s.lockedWei.toString(),
          unlockingWei: s.unlockingWei.toString(),
          unlockAt: s.unlockAt?.toISOString() ?? null,
          balanceWei: s.balanceWei.toString(),
          badges: s.badges,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/stake/calls',
      tags: ['chain'],
      request: json(stakeCallsBody),
      responses: ok(walletCallsBody, 'The calls to lock, ask to unlock, or withdraw stake'),
    }),
    (c) => {
      requireActor(c);
      const body = c.req.valid('json');
      const calls = stakeCalls(deps, {
        action: body.action,
        amountWei: body.amountWei === undefined ? undefined : BigInt(body.amountWei),
      });
      return c.json({ calls }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/wallet/dev/send',
      tags: ['chain'],
      summary: 'Send calls from a development account’s wallet (development wallets only)',
      request: json(devSendBody),
      responses: ok(sentTxsBody, 'The transactions, each mined'),
    }),
    async (c) => {
      const calls = c.req.valid('json').calls.map((x) => ({ to: x.to as Hex, data: x.data as Hex }));
      return c.json({ txs: await sendFromDevWallet(deps, requireActor(c), calls) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/chain/sync',
      tags: ['chain'],
      summary: 'Read the chain’s latest events now (after sending a transaction from your own wallet)',
      responses: ok(z.object({ events: z.number().int() }), 'How many new events were read'),
    }),
    async (c) => {
      requireActor(c);
      const chain = requireChain(deps);
      return c.json({ events: await syncChain({ chain, settlement: deps.settlement }) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/settlement',
      tags: ['chain'],
      responses: ok(settlementStatusBody, 'The latest settlement epochs'),
    }),
    async (c) => {
      requireAdmin(c);
      return c.json({ epochs: (await deps.settlement.epochs(50)).map(presentEpoch) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/settlement/run',
      tags: ['chain'],
      summary: 'Run a settlement round now (accrue, open an epoch, release, propose, accept)',
      responses: ok(settlementStatusBody, 'What the round did'),
    }),
    async (c) => {
      requireAdmin(c);
      const chain = requireChain(deps);
      const step = await settleRewards({
        chain,
        settlement: deps.settlement,
        clock: deps.clock,
        holdSeconds: deps.settings.holdSeconds,
      });
      const detail =
        step.step === 'proposed'
          ? `epoch ${step.epoch} can be accepted from ${step.acceptableAt.toISOString()}`
          : step.step === 'accepted'
            ? `epoch ${step.epoch} accepted with ${step.leaves} leaves`
            : step.step === 'blocked'
              ? step.reason
              : 'nothing to settle';
      return c.json(
        { epochs: (await deps.settlement.epochs(50)).map(presentEpoch), step: step.step, detail },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/relay',
      tags: ['chain'],
      summary: 'Claim for every contributor with something to claim, in batches (relayer mode)',
      request: { query: z.object({ batchSize: z.coerce.number().int().min(1).max(500).default(100) }) },
      responses: ok(relayResultBody, 'The relayed claims'),
    }),
    async (c) => {
      requireAdmin(c);
      return c.json(
        presentRelay(await relayClaims(deps, { batchSize: c.req.valid('query').batchSize })),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/slashes',
      tags: ['chain'],
      request: json(slashInputBody),
      responses: ok(slashBody, 'The slash, with its evidence and transaction'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const s = await slashStake(deps, requireActor(c), {
        address: body.address,
        amountWei: BigInt(body.amountWei),
        reason: body.reason,
        flagId: body.flagId,
        answerIds: body.answerIds,
      });
      return c.json(presentSlash(s), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/slashes',
      tags: ['chain'],
      responses: ok(z.object({ slashes: z.array(slashBody) }), 'Slashes, newest first'),
    }),
    async (c) => {
      requireAdmin(c);
      const rows = await deps.settlement.slashes(100);
      return c.json(
        {
          slashes: rows.map(presentSlash),
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/answers/{id}/proof',
      tags: ['chain'],
      summary:
        'Prove one contribution: ledger entry, Merkle proof, anchored batch, checked against the chain',
      request: { params: z.object({ id: z.string().regex(/^\d{1,18}$/, 'answer ids are whole numbers') }) },
      responses: ok(answerProofBody, 'The proof and every check made'),
    }),
    async (c) => {
      const v = await verifyAnswer(deps, c.req.valid('param').id);
      return c.json(presentAnswerProof(v), 200);
    },
  );

  return app;
}

/** A relayer run: how many claims, in which transactions. */
const presentRelay = (r: RelayResult) => ({
  claims: r.claims,
  txs: r.txs.map((t) => ({ hash: t.hash, blockNumber: t.blockNumber, gasUsed: t.gasUsed.toString() })),
});

/** Every field of a slash that leaves the server. */
const presentSlash = (s: SlashRow) => ({
  id: s.id,
  address: s.address,
  amountWei: s.amountWei.toString(),
  evidence: s.evidence,
  evidenceHash: s.evidenceHash,
  txHash: s.txHash,
  createdAt: s.createdAt.toISOString(),
});

/** Every field of a contribution's proof that leaves the server. */
export function presentAnswerProof(v: AnswerVerification) {
  const p = v.provenance;
  return {
    answerId: p.answerId,
    entry: {
      projectId: p.projectId,
      seq: p.seq,
      contributor: p.contributor,
      itemId: p.itemId,
      answerHash: p.answerHash,
      createdAt: p.createdAt,
      prevHash: p.prevHash,
      hash: p.hash,
    },
    verdict: p.status,
    leaf: v.leaf,
    proof: p.proof,
    batch: p.batch && {
      batchId: p.batch.batchId,
      root: p.batch.root,
      count: p.batch.count,
      manifestHash: p.batch.manifestHash,
      status: p.batch.status,
      txHash: p.batch.txHash,
      blockNumber: p.batch.blockNumber,
      anchoredAt: p.batch.anchoredAt?.toISOString() ?? null,
    },
    checks: v.checks,
    verified: v.verified,
  };
}
