import path from 'node:path';
import pino, { type Logger } from 'pino';
import { localBlobStore } from '../blobs/localBlobStore.ts';
import { accountStore } from '../db/accountStore.ts';
import { datasetStore } from '../db/datasetStore.ts';
import { gatewayStore } from '../db/gatewayStore.ts';
import { marketStore } from '../db/marketStore.ts';
import { opsStore } from '../db/opsStore.ts';
import type { Db } from '../db/pool.ts';
import { progressStore } from '../db/progressStore.ts';
import { projectStore } from '../db/projectStore.ts';
import { provenanceStore } from '../db/provenanceStore.ts';
import { qaStore } from '../db/qaStore.ts';
import { qualityStore } from '../db/qualityStore.ts';
import { rateLimitStore } from '../db/rateLimitStore.ts';
import { reviewStore } from '../db/reviewStore.ts';
import { settlementStore } from '../db/settlementStore.ts';
import { workStore } from '../db/workStore.ts';
import { type ProgressRules, progressRules } from '../domain/progress/progressRules.ts';
import { openAiCompatibleUpstream } from '../gateway/openAiCompatibleUpstream.ts';
import { operatorReceiptSigner } from '../gateway/operatorReceiptSigner.ts';
import type { HttpDeps } from '../http/context.ts';
import type { RateLimits } from '../http/rateLimit.ts';
import { httpLinkChecker } from '../links/httpLinkChecker.ts';
import { cacheSessions } from '../usecases/auth/cacheSessions.ts';
import type { Chain } from '../usecases/chainPorts.ts';
import type { Clock, GatewayUpstream, LinkChecker, ModelJudge, QualityQueue } from '../usecases/ports.ts';
import { settleProject } from '../usecases/quality/settleProject.ts';
import { debouncedQueue } from '../worker/debouncedQueue.ts';

export type WireOptions = {
  dataDir: string;
  /** A model judge; none by default. */
  judge?: ModelJudge | null;
  /** Checks links in text answers; by default over HTTP, null turns dead-link screening off. */
  links?: LinkChecker | null;
  /** Where a project's quality pass is queued; by default in this process, a second after its last answer. */
  qualityQueue?: QualityQueue;
  qualityDelayMs?: number;
  reputationSigner?: `0x${string}` | null;
  progressRules?: ProgressRules;
  chainId?: number;
  /** The chain to settle on; none turns settlement, stake and badge gates, and anchoring off. */
  chain?: Chain | null;
  chainRpcUrl?: string | null;
  holdSeconds?: number;
  /** Whether paid work needs escrow; by default whenever a chain is attached. */
  escrowRequired?: boolean;
  devWallets?: boolean;
  publicUrl?: string | undefined;
  clock?: Clock;
  log?: Logger;
  /** Request limits (sign-in, submissions, exports) counted in the database; off when not given. */
  rateLimits?: RateLimits | null;
  trustProxy?: boolean;
  /** Calls models' upstreams for the gateway; by default over HTTP, refusing private networks unless `devWallets`. */
  upstream?: GatewayUpstream;
  /** The operator's key, to sign the gateway's execution receipts; none leaves them unsigned. */
  receiptKey?: `0x${string}` | null;
};

/** Wires the real stores on a database into the dependencies every use case and route takes. */
export function wire(db: Db, o: WireOptions): HttpDeps {
  const clock = o.clock ?? { now: () => new Date() };
  const log = o.log ?? pino({ level: 'silent' });
  const deps: HttpDeps = {
    accounts: cacheSessions(accountStore(db), clock),
    projects: projectStore(db),
    work: workStore(db),
    quality: qualityStore(db),
    progress: progressStore(db),
    reviews: reviewStore(db),
    qa: qaStore(db),
    qualityQueue:
      o.qualityQueue ??
      debouncedQueue(
        (projectId) => settleProject(deps, projectId),
        o.qualityDelayMs ?? 1000,
        (projectId, error) => log.error({ projectId, err: error }, 'quality pass failed'),
      ),
    judge: o.judge ?? null,
    links: o.links === undefined ? httpLinkChecker() : o.links,
    random: Math.random,
    blobs: localBlobStore(path.join(o.dataDir, 'blobs')),
    clock,
    chain: o.chain ?? null,
    settlement: settlementStore(db),
    provenance: provenanceStore(db),
    datasets: datasetStore(db),
    market: marketStore(db),
    gateway: gatewayStore(db),
    upstream: o.upstream ?? openAiCompatibleUpstream({ allowPrivate: o.devWallets ?? false }),
    receiptSigner: o.receiptKey ? operatorReceiptSigner(o.receiptKey) : null,
    settings: {
      chainId: o.chain?.chainId ?? o.chainId ?? 31_337,
      devWallets: o.devWallets ?? false,
      maxLiveLeases: 2,
      sessionDays: 30,
      reputationSigner: o.reputationSigner ?? null,
      progressRules: o.progressRules ?? progressRules.parse({}),
      holdSeconds: o.holdSeconds ?? 60,
      escrowRequired: o.escrowRequired ?? Boolean(o.chain),
    },
    log,
    publicUrl: o.publicUrl,
    chainRpcUrl: o.chainRpcUrl ?? null,
    ops: opsStore(db),
    rateLimiting: o.rateLimits
      ? { limits: o.rateLimits, store: rateLimitStore(db), clock, trustProxy: o.trustProxy ?? false }
      : null,
  };
  return deps;
}
