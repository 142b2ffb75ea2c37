import type { Address, Hex } from 'viem';
import type { StoredLedgerEntry } from '../domain/ledger/verifyLedger.ts';
import type { MerkleTree } from '../domain/merkle/buildMerkleTree.ts';
import type { AssetKind, AssetRelation } from '../shared/api.ts';

/** Caravan's contracts on the chain the platform settles on. */
export type ChainContracts = {
  token: Address;
  partnerToken?: Address | undefined;
  escrow: Address;
  distributor: Address;
  stakeVault: Address;
  badge: Address;
  provenance: Address;
  /** Assets (datasets, models, agents), their licenses and their revenue with royalties. */
  assetRegistry: Address;
};

/** A journaled operator transaction. */
export type OperatorTx = {
  id: string;
  purpose: string;
  nonce: number;
  hash: Hex;
  raw: Hex;
  status: 'signed' | 'sent' | 'mined' | 'reverted' | 'dropped';
  blockNumber: number | null;
  gasUsed: bigint | null;
};

/** Where operator transactions are written down before they are broadcast (see chain/sendOnce.ts). */
export type TxJournal = {
  /** The live (not reverted, not dropped) transaction for a purpose. */
  find(purpose: string): Promise<OperatorTx | null>;
  /**
   * Journals a transaction for a purpose unless one is live, under a lock per sender so nonces are handed out
   * one at a time. `sign` gets the lowest nonce the journal has not used and returns the signed transaction.
   */
  reserve(
    input: { purpose: string; sender: Address; chainId: number; to: Address; data: Hex },
    sign: (nonceFloor: number) => Promise<{ nonce: number; raw: Hex; hash: Hex }>,
  ): Promise<OperatorTx>;
  mark(
    id: string,
    update: {
      status: OperatorTx['status'];
      blockNumber?: number;
      gasUsed?: bigint;
      error?: string;
    },
  ): Promise<void>;
  /** Transactions signed or sent but not yet seen mined, oldest nonce first. */
  unfinished(sender: Address, chainId: number): Promise<OperatorTx[]>;
};

export type MinedTx = { hash: Hex; blockNumber: number; gasUsed: bigint };

/** A decoded event of one of Caravan's contracts. */
export type EventArg = string | boolean | number | EventArg[] | { [field: string]: EventArg };
export type ChainEvent = {
  blockNumber: number;
  logIndex: number;
  txHash: Hex;
  contract: 'escrow' | 'distributor' | 'stakes' | 'badges' | 'provenance' | 'market';
  name: string;
  /** The event's arguments as JSON: bigints as decimal strings, structs as objects (AssetRegistry's Terms). */
  args: Record<string, EventArg>;
  blockTime: Date;
};

export type RewardClaim = { account: Address; token: Address; cumulativeWei: bigint; proof: Hex[] };

/** A contract call for someone's wallet to send. */
export type WalletCall = { to: Address; data: Hex; label: string };

/** Builds the calls a requester's or contributor's own wallet sends (the platform never holds their keys). */
export type CallEncoder = {
  approve(token: Address, spender: Address, amountWei: bigint): WalletCall;
  fund(projectId: string, token: Address, amountWei: bigint, deadline: Date): WalletCall;
  refund(projectId: string, token: Address): WalletCall;
  claim(account: Address, token: Address, cumulativeWei: bigint, proof: Hex[]): WalletCall;
  lock(amountWei: bigint): WalletCall;
  requestUnlock(amountWei: bigint): WalletCall;
  withdraw(): WalletCall;
  /** Registers an asset owned by the sender's wallet. */
  registerAsset(asset: ChainAssetInput): WalletCall;
  /** Buys (or extends) a license at the asset's terms, paying at most `maxPriceWei` of `currency`. */
  purchaseLicense(assetId: bigint, currency: Address, maxPriceWei: bigint): WalletCall;
  /** Pays `account` its revenue of an asset in `token`: weight 1 and no proof for a sole owner. */
  claimRevenue(assetId: bigint, token: Address, account: Address, weight: bigint, proof: Hex[]): WalletCall;
};

/** An asset's license terms as the registry stores them. */
export type ChainTerms = {
  commercialUse: boolean;
  derivativesAllowed: boolean;
  parentShareBps: number;
  priceWei: bigint;
  currency: Address;
  /** 0: a perpetual license. */
  durationSeconds: bigint;
  attributionRequired: boolean;
};

/** What registering an asset writes on chain. */
export type ChainAssetInput = {
  kind: AssetKind;
  contentHash: Hex;
  metadataUri: string;
  terms: ChainTerms;
  parents: { assetId: bigint; relation: AssetRelation }[];
};

/** The asset registry (AssetRegistry.sol, which is also the revenue vault): the operator's writes and reads. */
export type MarketChain = {
  /** Registers a community asset for `owner` (the operator is the registrar); once per purpose. */
  registerFor(
    purpose: string,
    owner: Address,
    asset: ChainAssetInput,
  ): Promise<MinedTx & { assetId: bigint }>;
  /** Commits a community asset's share root once; once per purpose. */
  commitShares(purpose: string, assetId: bigint, root: Hex, totalWeight: bigint): Promise<MinedTx>;
  asset(assetId: bigint): Promise<{
    owner: Address;
    kind: AssetKind;
    community: boolean;
    contentHash: Hex;
    metadataUri: string;
  } | null>;
  terms(assetId: bigint): Promise<ChainTerms>;
  shares(assetId: bigint): Promise<{ root: Hex; totalWeight: bigint }>;
  hasLicense(assetId: bigint, account: Address): Promise<boolean>;
  /** 0: none; 2^64 - 1: perpetual. */
  licenseExpiry(assetId: bigint, account: Address): Promise<bigint>;
  /** What the asset's holders were credited in `token`, what they claimed, and what `account` claimed. */
  revenue(
    assetId: bigint,
    token: Address,
    account: Address,
  ): Promise<{ creditedWei: bigint; claimedByHoldersWei: bigint; claimedByAccountWei: bigint }>;
  feeBps(): Promise<number>;
};

/** The chain as the use cases see it: the operator's writes (each sent once per purpose) and the reads. */
export type Chain = {
  chainId: number;
  contracts: ChainContracts;
  operator: Address;
  encode: CallEncoder;
  /** The asset registry: the marketplace's writes and reads. */
  market: MarketChain;
  /** The block the contracts were deployed in: event sync starts there. */
  fromBlock: number;
  /** Re-sends journaled transactions that a crash left unconfirmed, and waits for them. */
  resume(): Promise<void>;
  releaseEscrow(purpose: string, projectId: string, token: Address, amountWei: bigint): Promise<MinedTx>;
  proposeRoot(
    purpose: string,
    root: {
      root: Hex;
      epoch: number;
      tokens: Address[];
      totalsWei: bigint[];
      manifestHash: Hex;
    },
  ): Promise<MinedTx>;
  acceptRoot(purpose: string, epoch: number): Promise<MinedTx>;
  revokeRoot(purpose: string, epoch: number): Promise<MinedTx>;
  claimMany(purpose: string, claims: RewardClaim[]): Promise<MinedTx>;
  anchor(
    purpose: string,
    batch: { batchId: Hex; root: Hex; count: number; manifestHash: Hex },
  ): Promise<MinedTx>;
  issueBadge(purpose: string, account: Address, tier: number): Promise<MinedTx>;
  revokeBadge(purpose: string, account: Address, tier: number): Promise<MinedTx>;
  slash(purpose: string, account: Address, amountWei: bigint, evidenceHash: Hex): Promise<MinedTx>;
  /** Sends a call signed by someone else's key (a development wallet) and waits for it. Not journaled. */
  sendAs(
    privateKey: Hex,
    call: { to: Address; data: Hex },
  ): Promise<MinedTx & { status: 'success' | 'reverted' }>;

  /** The latest block's time: the chain's clock, which the distributor's delay is measured on. */
  now(): Promise<Date>;
  distributor(): Promise<{
    epoch: number;
    root: Hex;
    pending: { epoch: number; root: Hex; acceptableAt: Date } | null;
  }>;
  lockedStake(account: Address): Promise<bigint>;
  stake(account: Address): Promise<{ lockedWei: bigint; unlockingWei: bigint; unlockAt: Date | null }>;
  tokenBalance(token: Address, account: Address): Promise<bigint>;
  hasBadge(account: Address, tier: number): Promise<boolean>;
  claimed(account: Address, token: Address): Promise<bigint>;
  batch(batchId: Hex): Promise<{ root: Hex; count: number; manifestHash: Hex; anchoredAt: Date } | null>;
  tx(hash: Hex): Promise<{ blockNumber: number; status: 'success' | 'reverted' } | null>;
  /** Caravan's contract events from `fromBlock` up to the latest block (at most `maxBlocks` of them). */
  events(fromBlock: number, maxBlocks?: number): Promise<{ events: ChainEvent[]; nextBlock: number }>;
  /** A token's symbol and decimals, for display. */
  tokenInfo(token: Address): Promise<{ symbol: string; decimals: number }>;
};

export type EpochRow = {
  id: string;
  epoch: number;
  status: 'releasing' | 'built' | 'proposed' | 'accepted' | 'revoked';
  root: Hex | null;
  manifestHash: Hex | null;
  totals: Record<string, string>;
  leafCount: number;
  acceptableAt: Date | null;
  createdAt: Date;
  proposedAt: Date | null;
  acceptedAt: Date | null;
};

/** One contributor's total for one token up to an epoch: a leaf of that epoch's tree. */
export type EpochLeaf = { account: Address; token: Address; cumulativeWei: bigint };

/** Per token, where a contributor's earnings are. */
export type EarningsRow = {
  token: Address;
  /** Approved, waiting out the hold period, the next epoch or (if its escrow runs short) more funding. */
  accruingWei: bigint;
  /** In an epoch whose root is not accepted yet. */
  inEpochWei: bigint;
  /** In an accepted root and not yet claimed. */
  claimableWei: bigint;
  claimedWei: bigint;
};

export type ClaimProof = {
  epoch: number;
  token: Address;
  cumulativeWei: bigint;
  claimedWei: bigint;
  proof: Hex[];
};

export type EscrowRow = {
  token: Address;
  fundedWei: bigint;
  releasedWei: bigint;
  refundedWei: bigint;
  /** What answers so far may cost in this token (reward × answers not rejected). */
  committedWei: bigint;
  requester: Address | null;
  deadline: Date | null;
};

/** Settlement in PostgreSQL: chain event mirrors, accruals, epochs with their leaves and proofs, claims. */
export type SettlementStore = {
  /** Where event sync resumes on a chain; null before the first sync. */
  cursor(chainId: number): Promise<number | null>;
  /** Stores events once each and applies them to the mirrors, then moves the cursor, in one transaction. */
  recordEvents(chainId: number, events: ChainEvent[], nextBlock: number): Promise<number>;
  /**
   * Accrues approved work decided at or before `cutoff` that has not accrued yet: answers in the project's
   * tokens, reviews in the platform token. Returns how many accruals were written.
   */
  accrue(input: { cutoff: Date; platformToken: Address; now: Date }): Promise<number>;
  /** The epoch under way (releasing, built or proposed), if any. */
  openEpoch(): Promise<EpochRow | null>;
  lastAccepted(): Promise<EpochRow | null>;
  epochs(limit: number): Promise<EpochRow[]>;
  /**
   * Opens epoch `epoch`: assigns it every unassigned accrual its project's escrow can pay (oldest first) and
   * returns the new epoch, or null when nothing is left to settle.
   */
  openNext(epoch: number, now: Date): Promise<EpochRow | null>;
  /** What epoch `epoch` releases from each project's escrow, per token. */
  releases(epoch: number): Promise<{ projectId: string; token: Address; amountWei: bigint }[]>;
  /** Every contributor's cumulative total per token over all accruals up to `epoch`. */
  cumulativeTotals(epoch: number): Promise<EpochLeaf[]>;
  saveTree(
    epochId: string,
    tree: {
      root: Hex;
      manifestHash: Hex;
      totals: Record<string, string>;
      leaves: EpochLeaf[];
      /** The tree's proofs a range at a time, each with the position of its leaf in `leaves`. */
      proofs: MerkleTree['proofs'];
    },
  ): Promise<void>;
  markProposed(epochId: string, acceptableAt: Date, now: Date): Promise<void>;
  markAccepted(epochId: string, now: Date): Promise<void>;
  /** Per token; approved work that has not accrued yet counts in the platform token (or the partner's, on dual-reward projects, once it accrues). */
  earnings(address: Address, platformToken: Address): Promise<EarningsRow[]>;
  /** The account's leaves in the last accepted epoch, with proofs and what is claimed already. */
  claimProofs(address: Address): Promise<ClaimProof[]>;
  /** Leaves of the last accepted epoch with something left to claim, for the relayer. */
  unclaimed(limit: number): Promise<(ClaimProof & { account: Address })[]>;
  escrow(projectId: string): Promise<EscrowRow[]>;
  /**
   * Badges to issue or revoke so each contributor holds one for every tier from 1 up to their current tier
   * (`tierNames` gives each tier's number by its place). `version` tells one change of a badge from the next.
   */
  badgeChanges(
    tierNames: readonly string[],
    limit: number,
  ): Promise<
    { userId: string; address: Address; tier: number; action: 'issue' | 'revoke'; version: number }[]
  >;
  markBadge(userId: string, tier: number, status: 'issued' | 'revoked', now: Date): Promise<void>;
  recordSlash(s: {
    address: Address;
    amountWei: bigint;
    evidence: unknown;
    evidenceHash: Hex;
    decidedBy: string;
    now: Date;
  }): Promise<{ id: string } | null>;
  setSlashTx(id: string, txHash: Hex): Promise<void>;
  slashes(limit: number): Promise<SlashRow[]>;
};

export type SlashRow = {
  id: string;
  address: Address;
  amountWei: bigint;
  evidence: unknown;
  evidenceHash: Hex;
  txHash: Hex | null;
  createdAt: Date;
};

/** A ledger entry waiting for (or in) a provenance batch. */
export type ProvenanceEntry = { projectId: string; seq: number; hash: Hex };

export type ProvenanceBatch = {
  batchId: Hex;
  root: Hex;
  count: number;
  manifestHash: Hex;
  status: 'built' | 'anchored';
  txHash: Hex | null;
  blockNumber: number | null;
  anchoredAt: Date | null;
};

/** One answer's ledger entry with where it sits in a provenance batch. */
export type AnswerProvenance = StoredLedgerEntry & {
  answerId: string;
  projectId: string;
  status: string;
  batch: ProvenanceBatch | null;
  proof: Hex[];
};

/** Provenance batches in PostgreSQL: which ledger entries went into which anchored Merkle root. */
export type ProvenanceStore = {
  /** Ledger entries not in a batch yet, oldest first per project, at most `limit`. */
  unbatched(limit: number): Promise<ProvenanceEntry[]>;
  /** A batch built but not yet seen anchored (a crash in between), if any. */
  builtBatch(): Promise<ProvenanceBatch | null>;
  saveBatch(batch: {
    batchId: Hex;
    root: Hex;
    manifestHash: Hex;
    entries: ProvenanceEntry[];
    /** The tree's proofs a range at a time, each with the position of its entry in `entries`. */
    proofs: MerkleTree['proofs'];
    now: Date;
  }): Promise<void>;
  markAnchored(batchId: Hex, tx: { hash: Hex; blockNumber: number }, at: Date): Promise<void>;
  answer(answerId: string): Promise<AnswerProvenance | null>;
  /** Per answer id of a project: its batch root and proof (for exports). */
  projectProofs(
    projectId: string,
    answerIds: string[],
  ): Promise<Map<string, { batchId: Hex; root: Hex; txHash: Hex | null; proof: Hex[] }>>;
};
