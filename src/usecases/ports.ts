import type { Hex } from 'viem';
import type { CoOwnershipInput } from '../domain/datasets/coOwnershipShares.ts';
import type { StoredLedgerEntry } from '../domain/ledger/verifyLedger.ts';
import type {
  PassAnswer,
  PassFlag,
  PassItem,
  QualityPassResult,
} from '../domain/quality/pipeline/qualityPass.ts';
import type { Verdict, VerdictOutcome } from '../domain/quality/screening/verdict.ts';
import type {
  AssetKind,
  AssetRelation,
  AssetTerms,
  CreateProject,
  ExamSettings,
  ExamStatus,
  ItemLabelEntry,
  Leaderboard,
  Project,
  ProjectStats,
  QualityReport,
  SybilFlagEntry,
} from '../shared/api.ts';
import type { Brand, OrgId, ProjectId, UserId } from '../shared/brand.ts';
import type { Annotation, ItemData, Method } from '../shared/methods.ts';
import type { QualitySettings } from '../shared/qualitySettings.ts';

/** The current time, passed in so tests can hold it still. */
export type Clock = { now: () => Date };

export type UserRow = {
  id: string;
  address: string;
  displayName: string | null;
  isAdmin: boolean;
  isReviewer: boolean;
  level: number;
  xp: number;
};
export type Membership = { id: string; name: string; role: 'owner' | 'requester' };

/** Who is making a request. */
export type Actor = UserRow & { orgs: Membership[]; via: 'session' | 'api_key'; apiKeyOrgId: string | null };

export type AccountStore = {
  issueNonce(nonce: string, issuedAt: Date, expiresAt: Date): Promise<void>;
  /** Marks a nonce used; false if it was unknown, expired or already used. */
  consumeNonce(nonce: string, now: Date): Promise<boolean>;
  upsertUser(address: string, displayName: string | null): Promise<UserRow>;
  setUserRoles(
    userId: string,
    roles: { isAdmin?: boolean; isReviewer?: boolean; level?: number },
  ): Promise<void>;
  createSession(tokenHash: Uint8Array, userId: string, now: Date, expiresAt: Date): Promise<void>;
  deleteSession(tokenHash: Uint8Array): Promise<void>;
  /** The user of a live session, with their organizations. */
  userBySession(tokenHash: Uint8Array, now: Date): Promise<(UserRow & { orgs: Membership[] }) | null>;
  userByApiKey(keyHash: Uint8Array, now: Date): Promise<{ user: UserRow; orgId: string } | null>;
  memberships(userId: string): Promise<Membership[]>;
  createOrg(name: string, ownerId: string): Promise<Membership>;
  addMember(orgId: string, userId: string, role: 'owner' | 'requester'): Promise<void>;
  createApiKey(key: {
    orgId: string;
    userId: string;
    name: string;
    prefix: string;
    keyHash: Uint8Array;
  }): Promise<ApiKeyRow>;
  listApiKeys(orgId: string): Promise<ApiKeyRow[]>;
  /** Revokes one of the organization's live keys; false if it has no such live key. */
  revokeApiKey(orgId: string, keyId: string, now: Date): Promise<boolean>;
};
export type ApiKeyRow = {
  id: string;
  name: string;
  prefix: string;
  createdAt: Date;
  lastUsedAt: Date | null;
};

export type ProjectRow = Omit<Project, 'annotation' | 'exam'> & {
  annotation: Annotation;
  exam: ExamSettings;
};
export type NewItem = { externalId: string | null; data: ItemData; gold: unknown | null };

export type ProjectStore = {
  createProject(orgId: string, userId: string, input: CreateProject): Promise<ProjectRow>;
  getProject(id: string): Promise<ProjectRow | null>;
  listProjects(orgIds: string[]): Promise<ProjectRow[]>;
  updateProject(
    id: string,
    change: { status?: Project['status']; quality?: QualitySettings },
  ): Promise<ProjectRow>;
  /** Inserts items in one transaction, reporting progress; refuses external ids the project already has. */
  insertItems(
    projectId: string,
    items: NewItem[],
    onProgress?: (done: number) => void,
  ): Promise<{ imported: number; gold: number }>;
  listItems(projectId: string, afterId: string | null, limit: number): Promise<ItemRowOut[]>;
  stats(projectId: string, now: Date): Promise<ProjectStats>;
  /** Work answers in pages, by answer id or (`item`) by item then answer. */
  exportRows(projectId: string, order?: 'answer' | 'item'): AsyncIterable<ExportRow[]>;
  ledger(projectId: string): AsyncIterable<StoredLedgerEntry[]>;
  ledgerHead(projectId: string): Promise<{ seq: number; hash: Hex } | null>;
};
export type ItemRowOut = {
  id: string;
  externalId: string | null;
  data: ItemData;
  isGold: boolean;
  answerCount: number;
};
export type ExportRow = {
  itemId: string;
  externalId: string | null;
  data: ItemData;
  answerId: string;
  contributor: string;
  answer: unknown;
  /** Where the answer stands in the quality pipeline: only approved answers are paid. */
  status: 'pending' | 'review' | 'approved' | 'rejected';
  durationMs: number | null;
  createdAt: Date;
  ledgerSeq: number;
  ledgerHash: Hex;
  /** What the ledger entry commits to, to recompute its hash outside the server. */
  ledgerPrevHash: Hex;
  ledgerAnswerHash: Hex;
  ledgerContributor: string;
  ledgerItemId: string;
  ledgerCreatedAt: string;
};

export type Lease = {
  id: string;
  projectId: string;
  kind: 'work' | 'exam';
  itemId: string;
  data: ItemData;
  leasedAt: Date;
  expiresAt: Date;
};

export type TaskRow = {
  project: ProjectRow;
  remainingItems: number;
  medianMs: number | null;
  timedAnswers: number;
  doneToday: number;
  exam: ExamStatus;
  /** This contributor's answers on gold items mixed into their work. */
  gold: { correct: number; total: number };
};

export type WorkStore = {
  /** Active projects with availability and this contributor's standing. */
  tasks(userId: string, now: Date, projectId?: string): Promise<TaskRow[]>;
  examStatus(project: ProjectRow, userId: string): Promise<ExamStatus>;
  /** Starts a new exam attempt with `questionCount` gold items, or returns the open one. */
  startExam(project: ProjectRow, userId: string, now: Date): Promise<Lease[]>;
  /** In one read: the project, the contributor's answers today and the leases they hold in it. */
  leaseContext(projectId: string, userId: string, now: Date, dayStart: Date): Promise<LeaseContext | null>;
  /** A new lease on the next open item this contributor has not seen; null when none is left. */
  leaseNew(project: ProjectRow, userId: string, now: Date): Promise<Lease | null>;
  /** Whether an open item this contributor has not seen is left (no lease taken). */
  hasOpenItem(projectId: string, userId: string): Promise<boolean>;
  /** A lease on a random gold item this contributor has not seen, handed out like any work item. */
  leaseGold(project: ProjectRow, userId: string, now: Date): Promise<Lease | null>;
  /** Earlier text answers in the project sharing an LSH band bucket with `buckets` (one per band). */
  similarTexts(
    projectId: string,
    buckets: Int32Array,
  ): Promise<{ contributorId: string; signature: number[] }[]>;
  saveTextSignature(input: {
    answerId: string;
    projectId: string;
    userId: string;
    signature: Uint32Array;
    buckets: Int32Array;
  }): Promise<void>;
  /** In one read: the assignment and item, its project, the contributor's answers today, an earlier answer under the key. */
  submitContext(
    assignmentId: string,
    userId: string,
    idempotencyKey: string | null,
    dayStart: Date,
  ): Promise<SubmitContext | null>;
  /** Returns the items of leases that ran out to the pool. */
  expireLeases(now: Date, projectId?: string): Promise<number>;
  assignment(id: string): Promise<AssignmentRow | null>;
  answerByIdempotencyKey(userId: string, key: string): Promise<StoredAnswer | null>;
  /** Stores the answer, its ledger entry and closes the assignment, all in one transaction; null if the lease was gone. */
  submit(input: SubmitInput): Promise<StoredAnswer | null>;
  skip(assignmentId: string, reason: string, note: string | null, now: Date): Promise<boolean>;
  /** Hands a leased work item back unanswered, as if never leased (the contributor left); false if it was not leased. */
  release(assignmentId: string, now: Date): Promise<boolean>;
  history(userId: string, beforeId: string | null, limit: number): Promise<HistoryRow[]>;
};

export type LeaseContext = {
  project: ProjectRow;
  doneToday: number;
  live: Lease[];
  /** This contributor's answers on gold items mixed into their work in this project. */
  gold: { correct: number; total: number };
  /** The project's escrow per token (lower-case address: funded less refunded) and what its answers may cost so far. */
  escrow: { heldWei: Map<string, bigint>; committedWei: bigint; partnerCommittedWei: bigint };
};
export type SubmitContext = {
  assignment: AssignmentRow;
  project: ProjectRow;
  doneToday: number;
  earlier: StoredAnswer | null;
  /** This contributor's latest work answers in the project, oldest first (as many as straight-lining looks at). */
  recent: unknown[];
};

export type AssignmentRow = {
  id: string;
  projectId: string;
  itemId: string;
  userId: string;
  kind: 'work' | 'exam';
  status: 'leased' | 'submitted' | 'skipped' | 'expired';
  leasedAt: Date;
  expiresAt: Date;
  examAttempt: number | null;
  itemData: ItemData;
  goldAnswer: unknown | null;
  isGold: boolean;
};

export type SubmitInput = {
  assignment: AssignmentRow;
  project: ProjectRow;
  contributor: string;
  answer: unknown;
  answerHash: Hex;
  payloadText: string;
  durationMs: number | null;
  idempotencyKey: string | null;
  isCorrect: boolean | null;
  rewardWei: bigint;
  screening: readonly Verdict[];
  screenOutcome: VerdictOutcome;
  now: Date;
};
export type StoredAnswer = { answerId: string; assignmentId: string; ledgerSeq: number; ledgerHash: Hex };

export type HistoryRow = {
  answerId: string;
  kind: 'work' | 'exam';
  projectId: string;
  projectName: string;
  method: Method;
  itemId: string;
  answer: unknown;
  createdAt: Date;
  ledgerSeq: number;
  rewardWei: bigint;
};

export type BlobStore = {
  put(bytes: Uint8Array, contentType: string): Promise<{ sha256: string; size: number }>;
  get(sha256: string): Promise<{ bytes: Uint8Array; contentType: string } | null>;
};

/** Counts requests in fixed windows shared by every process. */
export type RateLimitStore = {
  /** Counts one request against each key's window starting at `windowStart`; the counts, key by key. */
  hit(keys: string[], windowStart: Date): Promise<number[]>;
  /** Forgets windows that started before `before`. */
  sweep(before: Date): Promise<number>;
};

/** What operators watch: readiness and the figures behind the metrics. */
export type OpsStore = {
  /** Answers once the database does; how many migrations it has. */
  ready(): Promise<{ migrations: number }>;
  gauges(): Promise<{
    answersPending: number;
    answersInReview: number;
    jobsWaiting: number;
    jobsRunning: number;
    jobsFailing: number;
    latestEpoch: { epoch: number; status: string } | null;
    acceptedEpoch: number | null;
  }>;
};

/** Asks for a quality pass over a project soon; many asks in a short while make one pass. */
export type QualityQueue = { touch(projectId: string): void };

/** What checking one link found: it answers, it is dead (4xx/5xx), or it could not be told (unreachable, private). */
export type LinkCheck = { status: 'ok' | 'dead' | 'unknown'; reason: string };
/** Whether a web link answers (dead-link screening). */
export type LinkChecker = { check(url: string): Promise<LinkCheck> };

/** What a model judge says of one answer. */
export type JudgeVerdict = {
  verdict: 'approve' | 'reject' | 'unsure';
  /** One sentence a reviewer can read. */
  reason: string;
  /** The model that answered, as the endpoint named it. */
  model: string;
};

/** An optional model that reviews answers (any OpenAI-compatible chat-completions endpoint). */
export type ModelJudge = {
  judge(input: {
    /** The project's prompt for the judge: what a good answer is. */
    prompt: string;
    instructions: string;
    method: Method;
    item: ItemData;
    answer: unknown;
  }): Promise<JudgeVerdict>;
};

/** What a quality pass over one project reads. */
export type QualitySnapshot = {
  project: ProjectRow;
  items: Map<string, PassItem>;
  answers: PassAnswer[];
  /** Estimated accuracy on the project's method, per contributor who answered. */
  accuracy: Map<string, number>;
  flags: PassFlag[];
  /** Labels a reviewer or the requester fixed, by item. */
  fixed: Map<string, unknown>;
};

export type QualityStore = {
  snapshot(projectId: string): Promise<QualitySnapshot | null>;
  /**
   * Writes a pass in one transaction: labels, overlap changes, flags and the decisions whose answers are still
   * in the state the pass saw. Marks the contributors whose answers changed for a progress refresh.
   */
  apply(
    projectId: string,
    result: QualityPassResult,
    now: Date,
  ): Promise<{ decided: number; users: string[] }>;
  /** Runs `fn` holding the project's pass lock; null without running it when another pass holds it. */
  withPassLock<T>(projectId: string, fn: () => Promise<T>): Promise<T | null>;
  /** Adds a screening verdict to a pending answer; the answer's outcome becomes the harshest of its verdicts. */
  addVerdict(answerId: string, verdict: Verdict): Promise<void>;
  /** The data of the given items (what the model judge is shown). */
  itemData(itemIds: string[]): Promise<Map<string, ItemData>>;
  /** Projects with answers waiting for a pass (what a sweep after a restart picks up). */
  projectsWithPending(): Promise<string[]>;
  report(project: ProjectRow): Promise<QualityReport>;
  labels(projectId: string, afterItemId: string | null, limit: number): Promise<ItemLabelEntry[]>;
  flags(status: 'open' | 'confirmed' | 'cleared' | 'all', limit: number): Promise<SybilFlagEntry[]>;
  /**
   * An admin's ruling on a flag. Clearing one hands the answers it rejected back to the quality pass (unless
   * another standing flag still holds them); null when there is no such flag.
   */
  resolveFlag(
    id: string,
    status: 'confirmed' | 'cleared',
    adminId: string,
    now: Date,
  ): Promise<SybilFlagEntry | null>;
};

/** One contributor's evidence on one method and domain ('*' = all). */
export type SkillEvidence = {
  userId: string;
  method: string;
  domain: string;
  goldCorrect: number;
  goldTotal: number;
  reviewApproved: number;
  reviewRejected: number;
  consensusAgree: number;
  consensusTotal: number;
};

/** What achievements and streaks are computed from. */
export type ActivityStats = {
  approvedTotal: number;
  approvedByDomain: Record<string, { approved: number; accuracy: number }>;
  /** UTC days with approved work or a check-in, 'YYYY-MM-DD'. */
  activeDays: string[];
};

/** Work that earns XP and has not been granted it yet. */
export type XpDue = {
  userId: string;
  source: string;
  kind: 'answer' | 'review';
  method: string;
  requiredLevel: number;
};

export type Standing = {
  userId: string;
  xp: number;
  baseLevel: number;
  rank: number;
  /** Overall accuracy estimate, its conservative bound and weighted evidence; null without evidence. */
  accuracy: { accuracy: number; lower: number; evidence: number } | null;
};

export type ProfileData = {
  user: { id: string; address: string; displayName: string | null };
  xp: number;
  level: number;
  tier: string;
  accuracy: number | null;
  demotedReason: string | null;
  rank: number | null;
  skills: { method: string; domain: string; accuracy: number; lower: number; evidence: number }[];
  achievements: { id: string; earnedAt: Date }[];
  activeDays: string[];
  checkedInToday: boolean;
  answers: { approved: number; rejected: number; pending: number; review: number };
  reviews: { done: number; goldCorrect: number; goldTotal: number };
  earnings: { answersWei: bigint; reviewsWei: bigint };
  daily: { day: string; xp: number }[];
};

/** Reputation and progress: skills, XP, achievements, levels, tiers, the leaderboard. */
export type ProgressStore = {
  /** Takes up to `limit` contributors marked for a refresh (they are unmarked). */
  takeDirty(limit: number): Promise<string[]>;
  evidence(userIds: string[]): Promise<SkillEvidence[]>;
  saveSkills(
    rows: (SkillEvidence & { accuracy: number; lower: number; evidence: number })[],
    now: Date,
  ): Promise<void>;
  activity(userIds: string[]): Promise<Map<string, ActivityStats>>;
  /** Approved answers and done reviews without XP yet; and drops the XP of answers no longer approved. */
  xpDue(userIds: string[]): Promise<XpDue[]>;
  grantXp(events: { userId: string; source: string; xp: number }[], now: Date): Promise<void>;
  /** Records achievements; returns those new to each user. */
  award(
    rows: { userId: string; achievement: string }[],
    now: Date,
  ): Promise<{ userId: string; achievement: string }[]>;
  /** Sums each user's XP into users.xp and reads what levels and tiers are decided from. */
  standings(userIds: string[]): Promise<Standing[]>;
  saveStandings(
    rows: {
      userId: string;
      level: number;
      tier: string;
      accuracy: number | null;
      demotedReason: string | null;
    }[],
  ): Promise<void>;
  profile(userId: string, today: string): Promise<ProfileData | null>;
  userIdByAddress(address: string): Promise<string | null>;
  leaderboard(offset: number, limit: number): Promise<Leaderboard>;
  /** Records today's check-in; false if already checked in. Marks the user for a refresh. */
  checkIn(userId: string, day: string, now: Date): Promise<boolean>;
  importReputation(
    source: string,
    entries: { address: string; xp: number; level?: number | undefined }[],
    now: Date,
  ): Promise<{ imported: number; skipped: number }>;
  markDirty(userIds: string[], now: Date): Promise<void>;
};

/** A reviewer's review work in one project. */
export type ReviewStats = { done: number; goldCorrect: number; goldTotal: number; earnedWei: bigint };

/** What deciding whether someone may review a project takes, read in one go. */
export type ReviewStanding = {
  project: ProjectRow;
  /** Answers in review the reviewer could be given (not their own, not reviewed by them yet), counted up to a cap. */
  waiting: number;
  /** Their estimated accuracy on the project's method (skills, domain '*'); null without evidence. */
  accuracy: number | null;
  stats: ReviewStats;
};

/** A leased review as stored; `isGold`, the raw reason and the gold verdict never leave the server as they are. */
export type ReviewTask = {
  id: string;
  projectId: string;
  projectName: string;
  annotation: Annotation;
  instructions: string;
  itemId: string;
  itemData: ItemData;
  answer: unknown;
  decisionReason: string | null;
  screening: Verdict[];
  isGold: boolean;
  leasedAt: Date;
  expiresAt: Date;
};

export type ReviewSubmitContext = {
  id: string;
  reviewerId: string;
  status: 'leased' | 'done' | 'expired';
  isGold: boolean;
  expiresAt: Date;
  project: ProjectRow;
  answerId: string;
  answer: unknown;
  answerStatus: 'pending' | 'review' | 'approved' | 'rejected';
  /** Whether the answer matches its gold item (gold reviews only). */
  answerIsCorrect: boolean | null;
  itemData: ItemData;
};

export type ReviewSubmitInput = {
  id: string;
  verdict: 'approve' | 'reject' | 'fix';
  reasonCode: string | null;
  note: string | null;
  fixedAnswer: unknown | null;
  /** Gold reviews: whether the verdict matched the truth; null otherwise. */
  isCorrect: boolean | null;
  rewardWei: bigint;
  /** What the answer becomes, applied only if it is still in review (never for gold reviews). */
  answerStatus: 'approved' | 'rejected';
  decisionReason: string;
  now: Date;
};

/** Peer review: blind review tasks leased to reviewers, their verdicts, and what they decide. */
export type ReviewStore = {
  /** The reviewer's standing in each active project with answers waiting for them or a review they hold, and in each project they reviewed in. */
  standings(reviewerId: string, now: Date): Promise<ReviewStanding[]>;
  /** In one read: the reviewer's standing in the project and the review they hold there, if any. */
  leaseContext(
    projectId: string,
    reviewerId: string,
    now: Date,
  ): Promise<{ standing: ReviewStanding; live: ReviewTask | null } | null>;
  /**
   * Leases an answer in review (`gold` false) or a random answer on a gold item (`gold` true) to the reviewer:
   * never their own, never one they reviewed, never one another reviewer holds. Null when none is left.
   */
  lease(project: ProjectRow, reviewerId: string, now: Date, gold: boolean): Promise<ReviewTask | null>;
  submitContext(reviewId: string): Promise<ReviewSubmitContext | null>;
  /**
   * Closes the review and, for a normal review of an answer still in review, decides the answer (and, for a fix,
   * the item's label), all in one transaction; marks the contributor and reviewer for a progress refresh.
   * Null if the lease was no longer open.
   */
  submit(input: ReviewSubmitInput): Promise<{ answerChanged: boolean } | null>;
};

/** A decided answer shown to the requester for a quality check, with who gave it. */
export type QaSampleRow = {
  answerId: string;
  itemId: string;
  externalId: string | null;
  itemData: ItemData;
  answer: unknown;
  status: 'approved' | 'rejected';
  decidedBy: string | null;
  decisionReason: string | null;
  decidedAt: Date | null;
  consensusScore: number | null;
  label: { label: unknown; confidence: number; source: 'aggregation' | 'review' | 'qa' } | null;
  contributor: string;
};

/** The requester's own check of decided answers (not blind). */
export type QaStore = {
  /** A random sample of decided, not yet checked work answers on non-gold items, with the project's counts. */
  sample(
    projectId: string,
    size: number,
  ): Promise<{ rows: QaSampleRow[]; alreadyChecked: number; decided: number }>;
  /** The work answer with its item, or null. */
  answer(answerId: string): Promise<{
    answerId: string;
    projectId: string;
    itemData: ItemData;
    answer: unknown;
  } | null>;
  /** Overrides the answer's decision (and, for a fix, the item's label) in one statement; marks the contributor. */
  apply(input: {
    answerId: string;
    verdict: 'accept' | 'fix' | 'reject';
    status: 'approved' | 'rejected';
    fixedAnswer: unknown | null;
    decisionReason: string;
    now: Date;
  }): Promise<{ status: 'approved' | 'rejected'; decidedAt: Date }>;
};

export type DatasetId = Brand<string, 'DatasetId'>;

/** A published community dataset, as stored: frozen once written, except for its chain commitment. */
export type DatasetRow = {
  id: DatasetId;
  /** The list's order and cursor (newest first). */
  seq: string;
  projectId: ProjectId;
  orgId: OrgId;
  name: string;
  description: string;
  licenseSummary: string;
  status: 'published';
  publishedAt: Date;
  /** Work items with at least one counted answer. */
  rowCount: number;
  answerCount: number;
  reviewCount: number;
  contributorCount: number;
  shareRoot: Hex;
  totalWeight: bigint;
  formulaVersion: number;
  /** Filled in when the asset registry commits the root on chain. */
  assetId: string | null;
  commitTxHash: string | null;
  committedAt: Date | null;
  /** The project's annotation method and modality, for the list. */
  method: Method;
  modality: string;
};

/** One co-owner of a dataset, in rank order (largest weight first), with its proof against the share root. */
export type DatasetShareRow = {
  rank: number;
  account: string;
  weight: bigint;
  sharePpm: bigint;
  answersCounted: number;
  reviewsCounted: number;
  accuracyPpm: number;
  proof: Hex[];
};

/** A dataset to publish with its computed shares; `shares[i].proof` is the packed proof of `shares[i]`. */
export type NewDataset = Omit<
  DatasetRow,
  'id' | 'seq' | 'status' | 'assetId' | 'commitTxHash' | 'committedAt' | 'method' | 'modality'
> & {
  publishedBy: UserId;
  shares: (Omit<DatasetShareRow, 'proof' | 'rank'> & { proof: Uint8Array })[];
};

export type DatasetStore = {
  /** What the co-ownership formula reads of a project: its work answers, labels, reviews and evidence. */
  shareInputs(projectId: ProjectId): Promise<CoOwnershipInput>;
  /** Stores a dataset and its shares in one transaction; null when the project was already published. */
  publish(dataset: NewDataset): Promise<DatasetRow | null>;
  byProject(projectId: ProjectId): Promise<DatasetRow | null>;
  get(id: string): Promise<DatasetRow | null>;
  /** Newest first, after the `cursor` (a `seq`), optionally those whose name contains `search`. */
  list(query: { search: string | null; cursor: string | null; limit: number }): Promise<DatasetRow[]>;
  /** Co-owners by rank after `afterRank`. */
  shares(datasetId: DatasetId, afterRank: number, limit: number): Promise<DatasetShareRow[]>;
  /** One account's shares in every dataset, newest dataset first. */
  sharesOf(account: string): Promise<{ dataset: DatasetRow; share: DatasetShareRow }[]>;
  /** One co-owner's share of a dataset, if they hold one. */
  shareOf(datasetId: DatasetId, account: string): Promise<DatasetShareRow | null>;
  /** Records the registry's commitment of the share root, once (a second call with other values is refused). */
  recordCommitment(
    datasetId: DatasetId,
    commitment: { assetId: string; commitTxHash: string; committedAt: Date },
  ): Promise<DatasetRow>;
};

export type AssetId = Brand<string, 'AssetId'>;

/** An asset of the marketplace: a draft until the registry's AssetRegistered names it. */
export type AssetRow = {
  id: AssetId;
  /** The list's order and cursor (newest first). */
  seq: string;
  chainAssetId: bigint | null;
  kind: AssetKind;
  name: string;
  description: string;
  modality: string;
  tags: string[];
  ownerUserId: UserId;
  orgId: OrgId;
  /** Its owner on chain (checksummed). */
  ownerAddress: string;
  datasetId: DatasetId | null;
  contentHash: Hex;
  metadataUri: string;
  terms: AssetTerms;
  sampleRows: unknown[];
  endpointUrl: string | null;
  status: 'draft' | 'registered';
  registerTxHash: string | null;
  registeredAt: Date | null;
  createdAt: Date;
};

export type NewAsset = Omit<
  AssetRow,
  'seq' | 'chainAssetId' | 'status' | 'registerTxHash' | 'registeredAt' | 'endpointUrl' | 'createdAt'
> & { parents: { parentId: AssetId; relation: AssetRelation }[] };

/** Registered assets matching every filter given, newest first after `cursor` (a `seq`). */
export type AssetFilter = {
  search: string | null;
  kind: AssetKind | null;
  modality: string | null;
  commercial: boolean | null;
  derivatives: boolean | null;
  minPriceWei: bigint | null;
  maxPriceWei: bigint | null;
  currency: string | null;
  cursor: string | null;
  limit: number;
};

/** A LicensePurchased event as mirrored; `expiresAt` null is perpetual. */
export type LicenseRow = {
  txHash: string;
  chainAssetId: bigint;
  buyer: string;
  currency: string;
  priceWei: bigint;
  expiresAt: Date | null;
  purchasedAt: Date | null;
};

/** One node of an asset's lineage: negative depths are ancestors, positive ones descendants. */
export type LineageNode = Pick<AssetRow, 'id' | 'name' | 'kind' | 'chainAssetId'> & { depth: number };
export type LineageEdge = { parentId: AssetId; childId: AssetId; relation: AssetRelation };

/** Marketplace assets and the mirrors of the registry's events (see migration 0006_market.sql). */
export type MarketStore = {
  /** Stores a draft with its parents; null when its dataset already has one. */
  create(asset: NewAsset, now: Date): Promise<AssetRow | null>;
  get(id: string): Promise<AssetRow | null>;
  byDataset(datasetId: DatasetId): Promise<AssetRow | null>;
  /** Datasets whose asset draft was made before `before` and whose registration on chain is not yet recorded. */
  unfinishedDatasetRegistrations(before: Date): Promise<DatasetId[]>;
  byChainId(chainAssetId: bigint): Promise<AssetRow | null>;
  list(filter: AssetFilter): Promise<AssetRow[]>;
  /** Marks a draft registered (the event mirror does the same when it syncs the registration). */
  markRegistered(id: AssetId, r: { chainAssetId: bigint; txHash: string; at: Date }): Promise<void>;
  /** Ancestors and descendants up to `depth` levels away, with the edges between them. */
  lineage(id: AssetId, depth: number): Promise<{ nodes: LineageNode[]; edges: LineageEdge[] }>;
  /** An account's licenses, newest first, each with its asset (null for an asset registered elsewhere). */
  licensesOf(buyer: string): Promise<(LicenseRow & { asset: AssetRow | null })[]>;
  salesCount(chainAssetId: bigint): Promise<number>;
  /** Registered sole-owner assets whose chain owner is `address`. */
  ownedBy(address: string): Promise<AssetRow[]>;
  /** The tokens each asset was ever credited in, by chain id. */
  creditTokens(chainAssetIds: bigint[]): Promise<Map<bigint, string[]>>;
  /** A dataset's rows: each labelled item's data and label, in item order after `afterItemId`. */
  datasetRows(
    projectId: ProjectId,
    afterItemId: string | null,
    limit: number,
  ): Promise<{ itemId: string; externalId: string | null; data: unknown; label: unknown }[]>;
};

export type BudgetId = Brand<string, 'BudgetId'>;
export type GatewayCallId = Brand<string, 'GatewayCallId'>;

/** A model's or agent's upstream with its pricing and revenue split (see migration 0007_gateway.sql). */
export type GatewayEndpointRow = {
  assetId: AssetId;
  url: string;
  /** The upstream's key: used to call it, never presented, never logged. */
  apiKey: string | null;
  model: string;
  /** The currency calls are priced and paid in (checksummed). */
  token: string;
  pricePerCallWei: bigint;
  pricePer1kTokensWei: bigint;
  developerBps: number;
  dataProvidersBps: number;
  validatorsBps: number;
  updatedAt: Date;
};

/** A caller organization's prepaid budget in one token: its escrow as mirrored, and what calls took of it. */
export type GatewayBudgetBalance = {
  budgetId: BudgetId;
  token: string;
  fundedWei: bigint;
  releasedWei: bigint;
  refundedWei: bigint;
  /** What finished calls cost. */
  spentWei: bigint;
  /** The worst-case cost of calls under way. */
  reservedWei: bigint;
  requester: string | null;
  deadline: Date | null;
};

/** Who an asset's calls pay: its developer, and the co-owners of the published datasets in its lineage. */
export type GatewayPayees = {
  developerUserId: UserId;
  datasets: { datasetId: DatasetId; shares: { userId: UserId; weight: bigint; reviewsCounted: number }[] }[];
};

export type NewGatewayCall = {
  id: GatewayCallId;
  assetId: AssetId;
  orgId: OrgId;
  userId: UserId;
  apiKeyId: string | null;
  token: string;
  model: string;
  reservedWei: bigint;
  requestSha256: Hex;
  now: Date;
};

export type FinishedGatewayCall = {
  id: GatewayCallId;
  status: 'ok' | 'failed';
  promptTokens: number | null;
  completionTokens: number | null;
  costWei: bigint;
  upstreamStatus: number | null;
  error: string | null;
  latencyMs: number;
  responseSha256: Hex | null;
  receipt: string | null;
  receiptSignature: Hex | null;
  receiptSigner: string | null;
  /** What each payee accrues of the cost (they sum to it), paid from the caller's budget. */
  payouts: { userId: UserId; amountWei: bigint }[];
  now: Date;
};

export type GatewayCallRow = Omit<
  FinishedGatewayCall,
  'payouts' | 'now' | 'status' | 'upstreamStatus' | 'latencyMs'
> & {
  latencyMs: number | null;
  seq: string;
  assetId: AssetId;
  assetName: string;
  orgId: OrgId;
  apiKeyId: string | null;
  token: string;
  model: string;
  status: 'pending' | 'ok' | 'failed';
  requestSha256: Hex;
  createdAt: Date;
};

export type GatewayUsageDay = {
  /** 'YYYY-MM-DD', UTC. */
  day: string;
  calls: number;
  failedCalls: number;
  promptTokens: number;
  completionTokens: number;
  revenueWei: bigint;
};

/** The metered gateway's tables: endpoints, budgets and their escrow mirrors, calls, and the accruals of calls. */
export type GatewayStore = {
  /** Stores an asset's upstream; `apiKey` undefined keeps the stored key. Sets the asset's public endpoint URL. */
  setEndpoint(
    e: Omit<GatewayEndpointRow, 'updatedAt' | 'apiKey'> & {
      apiKey: string | null | undefined;
      publicUrl: string;
      updatedBy: UserId;
      now: Date;
    },
  ): Promise<GatewayEndpointRow>;
  endpoint(assetId: string): Promise<GatewayEndpointRow | null>;
  /** The organization's budget id, made on first use. */
  budget(orgId: OrgId, now: Date): Promise<BudgetId>;
  /** The organization's budget in a token; reservations older than `staleBefore` no longer count. */
  balance(orgId: OrgId, token: string, staleBefore: Date): Promise<GatewayBudgetBalance | null>;
  /**
   * Records a call as pending with its worst-case cost held, if the budget (locked meanwhile) has that much
   * available; otherwise records nothing and says what is available.
   */
  /**
   * Holds the call's most possible cost against the budget, in one transaction, if the budget has it and stays in
   * escrow until `settleBy` (its funder cannot refund it before the call is paid); else says what it has.
   */
  reserve(
    call: NewGatewayCall,
    staleBefore: Date,
    settleBy: Date,
  ): Promise<
    | { reserved: true }
    | {
        reserved: false;
        /** What stood in the way: too little available, or a refund deadline before `settleBy`. */
        refused: 'balance' | 'deadline';
        availableWei: bigint;
        refundableFrom: Date | null;
      }
  >;
  /** Meters a pending call and writes its accruals, once, in one transaction; false if it was not pending. */
  finish(call: FinishedGatewayCall): Promise<boolean>;
  payees(assetId: AssetId): Promise<GatewayPayees | null>;
  /** The id of the live API key with this hash. */
  apiKeyId(keyHash: Uint8Array): Promise<string | null>;
  usage(assetId: AssetId, since: Date): Promise<GatewayUsageDay[]>;
  /** A user's calls, newest first, before the `beforeSeq` cursor. */
  calls(userId: UserId, beforeSeq: string | null, limit: number): Promise<GatewayCallRow[]>;
};

/** What an upstream answered: a chat completion with its usage, or why it could not be used. */
export type UpstreamReply =
  | {
      ok: true;
      status: number;
      text: string;
      promptTokens: number;
      completionTokens: number;
      latencyMs: number;
    }
  | { ok: false; status: number | null; reason: string; text: string | null; latencyMs: number };

/** Calls models' OpenAI-compatible upstreams (src/gateway). */
export type GatewayUpstream = {
  /** Why this server may not call the URL (not http, loopback or a private network), or null. */
  refuse(url: string): Promise<string | null>;
  /** POSTs a chat-completions body to `<url>/chat/completions`; never throws for what the upstream did. */
  chat(target: { url: string; apiKey: string | null }, body: string): Promise<UpstreamReply>;
};

/** Signs execution receipts (EIP-191 personal messages) with the platform's operator key. */
export type ReceiptSigner = { address: string; sign(message: string): Promise<Hex> };
