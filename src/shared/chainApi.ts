import { z } from 'zod';
import { addressString } from './api.ts';
import { storableText } from './text.ts';
import { weiString } from './weiString.ts';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/);

/** The chain this server settles on and where its contracts are. */
export const chainInfoBody = z.object({
  chainId: z.number().int(),
  /** Where a wallet can reach the chain; the local node's loopback URL when the platform started it. */
  rpcUrl: z.string().nullable(),
  contracts: z.object({
    token: z.string(),
    partnerToken: z.string().nullable(),
    escrow: z.string(),
    distributor: z.string(),
    stakeVault: z.string(),
    badge: z.string(),
    provenance: z.string(),
    assetRegistry: z.string(),
  }),
  operator: z.string(),
  holdSeconds: z.number().int(),
});
export type ChainInfo = z.infer<typeof chainInfoBody>;

/** Calls for the person's own wallet to send, in order. */
export const walletCallsBody = z.object({
  calls: z.array(z.object({ to: z.string(), data: z.string(), label: z.string() })),
});
export type WalletCalls = z.infer<typeof walletCallsBody>;

export const fundCallsBody = z.object({
  amountWei: weiString.refine((v) => BigInt(v) > 0n, 'fund an amount above 0'),
  /** The platform token unless the project's partner token is named. */
  token: addressString.optional(),
});

export const refundCallsBody = z.object({ token: addressString.optional() });

/** A token as the platform pays in it: its address, how it displays, and whether it is the partner's. */
const tokenHead = z.object({
  token: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  role: z.enum(['platform', 'partner']),
});

export const escrowBody = z.object({
  escrow: z.string(),
  tokens: z.array(
    tokenHead.extend({
      fundedWei: weiString,
      releasedWei: weiString,
      refundedWei: weiString,
      committedWei: weiString,
      rewardPerItemWei: weiString,
      fullCostWei: weiString,
      requester: z.string().nullable(),
      deadline: z.string().nullable(),
    }),
  ),
});
export type EscrowView = z.infer<typeof escrowBody>;

const epochBody = z.object({
  epoch: z.number().int(),
  status: z.enum(['releasing', 'built', 'proposed', 'accepted', 'revoked']),
  root: z.string().nullable(),
  leafCount: z.number().int(),
  totals: z.record(z.string(), z.string()),
  acceptableAt: z.string().nullable(),
  createdAt: z.string(),
  acceptedAt: z.string().nullable(),
});
export type EpochView = z.infer<typeof epochBody>;

export const rewardsBody = z.object({
  tokens: z.array(
    tokenHead.extend({
      accruingWei: weiString,
      inEpochWei: weiString,
      claimableWei: weiString,
      claimedWei: weiString,
    }),
  ),
  lastEpoch: epochBody.nullable(),
  openEpoch: epochBody.nullable(),
  holdSeconds: z.number().int(),
});
export type RewardsView = z.infer<typeof rewardsBody>;

export const sentTxsBody = z.object({
  txs: z.array(z.object({ hash: z.string(), status: z.enum(['success', 'reverted']) })),
});

export const devSendBody = z.object({
  calls: z
    .array(z.object({ to: addressString, data: hex }))
    .min(1)
    .max(10),
});

export const relayResultBody = z.object({
  claims: z.number().int(),
  txs: z.array(z.object({ hash: z.string(), blockNumber: z.number().int(), gasUsed: z.string() })),
});

export const stakeBody = z.object({
  stakeVault: z.string(),
  token: z.string(),
  lockedWei: weiString,
  unlockingWei: weiString,
  unlockAt: z.string().nullable(),
  balanceWei: weiString,
  badges: z.array(z.object({ tier: z.number().int(), name: z.string() })),
});
export type StakeView = z.infer<typeof stakeBody>;

export const stakeCallsBody = z.object({
  action: z.enum(['lock', 'unlock', 'withdraw']),
  amountWei: weiString.optional(),
});

export const slashInputBody = z.object({
  address: addressString,
  amountWei: weiString.refine((v) => BigInt(v) > 0n, 'slash an amount above 0'),
  reason: storableText().trim().min(3, 'say why (at least 3 characters)').max(2000),
  flagId: z
    .string()
    .regex(/^\d{1,18}$/)
    .optional(),
  answerIds: z
    .array(z.string().regex(/^\d{1,18}$/))
    .max(1000)
    .optional(),
});

export const slashBody = z.object({
  id: z.string(),
  address: z.string(),
  amountWei: weiString,
  evidence: z.unknown(),
  evidenceHash: z.string(),
  txHash: z.string().nullable(),
  createdAt: z.string(),
});

export const settlementStatusBody = z.object({
  epochs: z.array(epochBody),
  step: z.string().optional(),
  detail: z.string().optional(),
});
export type SettlementStatus = z.infer<typeof settlementStatusBody>;

/** One contribution's proof: its ledger entry, the Merkle proof into its anchored batch, and the checks made. */
export const answerProofBody = z.object({
  answerId: z.string(),
  entry: z.object({
    projectId: z.string(),
    seq: z.number().int(),
    contributor: z.string(),
    itemId: z.string(),
    answerHash: z.string(),
    createdAt: z.string(),
    prevHash: z.string(),
    hash: z.string(),
  }),
  /** The answer's verdict now: pending, review, approved or rejected. */
  verdict: z.string(),
  leaf: z.string().nullable(),
  proof: z.array(z.string()),
  batch: z
    .object({
      batchId: z.string(),
      root: z.string(),
      count: z.number().int(),
      manifestHash: z.string(),
      status: z.enum(['built', 'anchored']),
      txHash: z.string().nullable(),
      blockNumber: z.number().int().nullable(),
      anchoredAt: z.string().nullable(),
    })
    .nullable(),
  checks: z.array(z.object({ name: z.string(), ok: z.boolean().nullable(), detail: z.string() })),
  /** Every check passed, the batch root included, against the chain. */
  verified: z.boolean(),
});
export type AnswerProof = z.infer<typeof answerProofBody>;
