import type { Hex } from 'viem';
import type { StoredLedgerEntry } from '../domain/ledger/verifyLedger.ts';
import type { CreateProject, ExamSettings, ExamStatus, Project, ProjectStats } from '../shared/api.ts';
import type { Annotation, ItemData, Method } from '../shared/methods.ts';

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
  setStatus(id: string, status: Project['status']): Promise<ProjectRow>;
  /** Inserts items in one transaction, reporting progress; refuses external ids the project already has. */
  insertItems(
    projectId: string,
    items: NewItem[],
    onProgress?: (done: number) => void,
  ): Promise<{ imported: number; gold: number }>;
  listItems(projectId: string, afterId: string | null, limit: number): Promise<ItemRowOut[]>;
  stats(projectId: string, now: Date): Promise<ProjectStats>;
  exportRows(projectId: string): AsyncIterable<ExportRow[]>;
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
  durationMs: number | null;
  createdAt: Date;
  ledgerSeq: number;
  ledgerHash: Hex;
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

export type LeaseContext = { project: ProjectRow; doneToday: number; live: Lease[] };
export type SubmitContext = {
  assignment: AssignmentRow;
  project: ProjectRow;
  doneToday: number;
  earlier: StoredAnswer | null;
};

export type AssignmentRow = {
  id: string;
  projectId: string;
  itemId: string;
  userId: string;
  kind: 'work' | 'exam';
  status: 'leased' | 'submitted' | 'skipped' | 'expired';
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
