import type { ProgressRules } from '../domain/progress/progressRules.ts';
import type { Chain, ProvenanceStore, SettlementStore } from './chainPorts.ts';
import type {
  AccountStore,
  BlobStore,
  Clock,
  DatasetStore,
  GatewayStore,
  GatewayUpstream,
  LinkChecker,
  MarketStore,
  ModelJudge,
  ProgressStore,
  ProjectStore,
  QaStore,
  QualityQueue,
  QualityStore,
  ReceiptSigner,
  ReviewStore,
  WorkStore,
} from './ports.ts';

/** The real parts a use case may need; main wires them, tests pass their own. */
export type Deps = {
  accounts: AccountStore;
  projects: ProjectStore;
  work: WorkStore;
  blobs: BlobStore;
  clock: Clock;
  /** Uniform in [0, 1): which leases are gold, which reviews are gold reviews. */
  random: () => number;
  quality: QualityStore;
  progress: ProgressStore;
  reviews: ReviewStore;
  qa: QaStore;
  qualityQueue: QualityQueue;
  /** The server's model judge, when one is configured. */
  judge: ModelJudge | null;
  /** Checks links in text answers; none means dead-link screening is off on this server. */
  links: LinkChecker | null;
  /** The chain the platform settles on; none in tests that do not touch money or proofs. */
  chain: Chain | null;
  settlement: SettlementStore;
  provenance: ProvenanceStore;
  /** Published community datasets and their co-owners' shares. */
  datasets: DatasetStore;
  /** Marketplace assets and the mirrors of the asset registry's events. */
  market: MarketStore;
  /** The metered gateway's endpoints, budgets and calls. */
  gateway: GatewayStore;
  /** Calls models' upstreams for the gateway. */
  upstream: GatewayUpstream;
  /** Signs the gateway's execution receipts with the operator key; none leaves them unsigned. */
  receiptSigner: ReceiptSigner | null;
  settings: Settings;
};

export type Settings = {
  chainId: number;
  devWallets: boolean;
  /** Leases a contributor may hold at once in one project: the item on screen and the one preloaded. */
  maxLiveLeases: number;
  sessionDays: number;
  /** The address whose signature makes a reputation file importable by anyone; none by default. */
  reputationSigner: `0x${string}` | null;
  /** XP, level thresholds, demotion and tiers. */
  progressRules: ProgressRules;
  /** Seconds approved work waits before it settles. */
  holdSeconds: number;
  /** Paid work is offered only while the project's escrow covers it (on whenever a chain is attached). */
  escrowRequired: boolean;
};
