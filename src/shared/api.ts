import { z } from 'zod';
import { annotationSchema, METHODS, MODALITIES, TASK_TYPES } from './methods.ts';
import { qualitySettings } from './qualitySettings.ts';
import { storableText } from './text.ts';
import { weiString } from './weiString.ts';

/** Schemas of every request and response body of the REST API, shared by the server, the web app and the CLI. */

export const errorBody = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});
export type ErrorBody = z.infer<typeof errorBody>;

// ---------------------------------------------------------------- accounts

export const orgRole = z.enum(['owner', 'requester']);
export const meBody = z.object({
  id: z.string(),
  address: z.string(),
  displayName: z.string().nullable(),
  isAdmin: z.boolean(),
  isReviewer: z.boolean(),
  level: z.number().int(),
  xp: z.number().int(),
  orgs: z.array(z.object({ id: z.string(), name: z.string(), role: orgRole })),
});
export type Me = z.infer<typeof meBody>;

export const nonceBody = z.object({ nonce: z.string() });
export const siweLoginBody = z.object({
  message: storableText().min(1).max(4000),
  signature: z.string().regex(/^0x[0-9a-fA-F]+$/, 'signature must be 0x-prefixed hex'),
});
export const devLoginBody = z.object({ account: z.string().min(1).max(64) });
export const authConfigBody = z.object({
  chainId: z.number().int(),
  devWallets: z.boolean(),
  devAccounts: z.array(z.object({ name: z.string(), address: z.string(), description: z.string() })),
});
export type AuthConfig = z.infer<typeof authConfigBody>;

export const createOrgBody = z.object({ name: storableText().trim().min(2).max(100) });
export const orgBody = z.object({ id: z.string(), name: z.string(), role: orgRole });
export const createApiKeyBody = z.object({ name: storableText().trim().min(1).max(100) });
export const apiKeyBody = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
});
export const createdApiKeyBody = apiKeyBody.extend({ key: z.string() });

// ---------------------------------------------------------------- projects

export const examSettings = z.object({
  enabled: z.boolean().default(false),
  questionCount: z.number().int().min(1).max(100).default(5),
  passRate: z.number().min(0).max(1).default(0.8),
  maxAttempts: z.number().int().min(1).max(10).default(2),
});
export type ExamSettings = z.infer<typeof examSettings>;

const languageCode = z
  .string()
  .trim()
  .regex(/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})?$/, 'languages are codes like en, es or pt-BR');

/** An EVM address (0x and 40 hex digits). */
export const addressString = z
  .string()
  .trim()
  .regex(/^0x[0-9a-fA-F]{40}$/, 'an address is 0x followed by 40 hex digits');

/** What a contributor must hold on chain before this project offers them work. */
export const projectGates = z.object({
  /** Platform tokens locked in the stake vault. */
  minStakeWei: weiString.default('0'),
  /** A tier badge (0 Initiate … 5 Demigod) the contributor must hold. */
  badgeTier: z.number().int().min(0).max(255).nullable().default(null),
  /** An ERC-20 the contributor must hold at least `minTokenWei` of. */
  token: addressString.nullable().default(null),
  minTokenWei: weiString.default('0'),
});
export type ProjectGates = z.infer<typeof projectGates>;

export const createProjectBody = z
  .object({
    orgId: z.string().uuid().optional(),
    name: storableText().trim().min(3, 'name needs at least 3 characters').max(120),
    description: storableText().max(2000).default(''),
    taskType: z.enum(TASK_TYPES).default('enterprise'),
    modality: z.enum(MODALITIES),
    annotation: annotationSchema,
    instructions: storableText().max(20_000).default(''),
    overlap: z.number().int().min(1).max(50).default(3),
    rewardPerItemWei: weiString.default('0'),
    budgetWei: weiString.default('0'),
    dailyCap: z.number().int().min(1).max(100_000).default(500),
    requiredLevel: z.number().int().min(0).max(100).default(0),
    languages: z.array(languageCode).max(20).default(['en']),
    domains: z.array(storableText().trim().min(1).max(50)).max(20).default([]),
    deadline: z.iso.datetime({ offset: true }).nullable().default(null),
    exam: examSettings.default({ enabled: false, questionCount: 5, passRate: 0.8, maxAttempts: 2 }),
    goldShare: z.number().min(0).max(0.5).default(0),
    leaseSeconds: z.number().int().min(30).max(86_400).default(600),
    quality: qualitySettings,
    /** Dual-reward projects: the partner's ERC-20 and what each approved answer earns in it. */
    partnerToken: addressString.nullable().default(null),
    partnerRewardPerItemWei: weiString.default('0'),
    gates: projectGates.default({ minStakeWei: '0', badgeTier: null, token: null, minTokenWei: '0' }),
  })
  .refine(
    (p) => p.taskType === 'community' || !/^\d+$/.test(p.rewardPerItemWei) || BigInt(p.rewardPerItemWei) > 0n,
    {
      message: 'enterprise and dual-reward projects pay a reward per item above 0',
      path: ['rewardPerItemWei'],
    },
  )
  .refine((p) => p.taskType !== 'dual_reward' || p.partnerToken !== null, {
    message: 'a dual-reward project names its partner token (the ERC-20 address)',
    path: ['partnerToken'],
  })
  .refine(
    (p) =>
      (p.partnerToken === null) ===
      (!/^\d+$/.test(p.partnerRewardPerItemWei) || BigInt(p.partnerRewardPerItemWei) === 0n),
    {
      message: 'a partner token and a partner reward per item above 0 go together',
      path: ['partnerRewardPerItemWei'],
    },
  )
  .refine((p) => p.gates.token === null || BigInt(p.gates.minTokenWei) > 0n, {
    message: 'a token gate needs a minimum balance above 0',
    path: ['gates', 'minTokenWei'],
  });
export type CreateProjectInput = z.input<typeof createProjectBody>;
export type CreateProject = z.output<typeof createProjectBody>;

export const projectStatus = z.enum(['active', 'paused', 'closed']);
export const projectBody = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  description: z.string(),
  taskType: z.enum(TASK_TYPES),
  modality: z.enum(MODALITIES),
  annotation: annotationSchema,
  instructions: z.string(),
  overlap: z.number().int(),
  rewardPerItemWei: weiString,
  budgetWei: weiString,
  dailyCap: z.number().int(),
  requiredLevel: z.number().int(),
  languages: z.array(z.string()),
  domains: z.array(z.string()),
  deadline: z.string().nullable(),
  exam: examSettings,
  goldShare: z.number(),
  leaseSeconds: z.number().int(),
  quality: qualitySettings,
  partnerToken: z.string().nullable(),
  partnerRewardPerItemWei: weiString,
  gates: projectGates,
  status: projectStatus,
  itemCount: z.number().int(),
  goldCount: z.number().int(),
  createdAt: z.string(),
});
export type Project = z.infer<typeof projectBody>;
export const projectListBody = z.object({ projects: z.array(projectBody) });
export const updateProjectBody = z
  .object({
    status: projectStatus.optional(),
    /** Quality settings to change; what is left out keeps its current value (see qualitySettings). */
    quality: z.record(z.string(), z.unknown()).optional(),
  })
  .refine(
    (b) => b.status !== undefined || b.quality !== undefined,
    'send a status, quality settings or both',
  );

export const importFormat = z.enum(['jsonl', 'csv', 'labelstudio']);
export type ImportFormat = z.infer<typeof importFormat>;

/** The import format a file's name suggests: .jsonl/.ndjson, .csv, or .json (a Label Studio task export). */
export function importFormatFromFileName(name: string): ImportFormat | null {
  const lower = name.toLowerCase();
  if (lower.endsWith('.jsonl') || lower.endsWith('.ndjson')) return 'jsonl';
  if (lower.endsWith('.csv')) return 'csv';
  if (lower.endsWith('.json')) return 'labelstudio';
  return null;
}
export const importQuery = z.object({ format: importFormat.optional() });
export const importResultBody = z.object({
  imported: z.number().int(),
  gold: z.number().int(),
  itemCount: z.number().int(),
});
export type ImportResult = z.infer<typeof importResultBody>;

export const pageQuery = z.object({
  cursor: z
    .string()
    .regex(/^\d{1,18}$/, 'cursor is the nextCursor of the previous page')
    .optional(),
  limit: z.coerce
    .number({ error: 'limit is a whole number from 1 to 500' })
    .int('limit is a whole number from 1 to 500')
    .min(1, 'limit is a whole number from 1 to 500')
    .max(500, 'limit is a whole number from 1 to 500')
    .default(50),
});
export const itemBody = z.object({
  id: z.string(),
  externalId: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  isGold: z.boolean(),
  answerCount: z.number().int(),
});
export const itemPageBody = z.object({ items: z.array(itemBody), nextCursor: z.string().nullable() });

export const projectStatsBody = z.object({
  itemCount: z.number().int(),
  goldCount: z.number().int(),
  itemsDone: z.number().int(),
  answersTotal: z.number().int(),
  answersNeeded: z.number().int(),
  answersLastHour: z.number().int(),
  contributors: z.number().int(),
  /** Share of answer pairs on the same item that agree exactly; null until some item has two answers. */
  agreement: z.number().nullable(),
  skips: z.number().int(),
  /** Answers per hour over the last 24 hours, oldest first. */
  hourly: z.array(z.object({ hour: z.string(), answers: z.number().int() })),
  spentWei: weiString,
});
export type ProjectStats = z.infer<typeof projectStatsBody>;

export const exportQuery = z.object({
  format: z.enum(['jsonl', 'csv']).default('jsonl'),
  /** answers: every answer with its status; labels: each item's aggregated label and confidence. */
  what: z.enum(['answers', 'labels'], { error: 'what is answers or labels' }).default('answers'),
  /** With answers: each answer's provenance batch, its anchored root, the anchoring transaction and the proof. */
  provenance: z
    .enum(['true', 'false'], { error: 'provenance is true or false' })
    .default('false')
    .transform((v) => v === 'true'),
  /** Rows by answer id (the default), or by item then answer so an item's answers come together. */
  order: z.enum(['answer', 'item'], { error: 'order is answer or item' }).default('answer'),
});

export const ledgerCheckBody = z.object({
  ok: z.boolean(),
  entries: z.number().int(),
  head: z.string().nullable(),
  problem: z.object({ seq: z.number().int(), reason: z.string() }).nullable(),
});
export type LedgerCheck = z.infer<typeof ledgerCheckBody>;

// ---------------------------------------------------------------- contributors

export const taskQuery = z.object({
  method: z.enum(METHODS).optional(),
  modality: z.enum(MODALITIES).optional(),
  language: languageCode.optional(),
  level: z.coerce.number().int().min(0).max(100).optional(),
});
export const lockReason = z.object({
  kind: z.enum(['level', 'exam', 'exam_failed', 'daily_cap', 'gold']),
  message: z.string(),
});
export const taskCardBody = z.object({
  projectId: z.string(),
  name: z.string(),
  description: z.string(),
  taskType: z.enum(TASK_TYPES),
  method: z.enum(METHODS),
  modality: z.enum(MODALITIES),
  languages: z.array(z.string()),
  domains: z.array(z.string()),
  requiredLevel: z.number().int(),
  rewardPerItemWei: weiString,
  /** Estimated from the median time contributors take per item (or a per-method default). */
  rewardPerHourWei: weiString,
  secondsPerItem: z.number(),
  remainingItems: z.number().int(),
  deadline: z.string().nullable(),
  examRequired: z.boolean(),
  examPassed: z.boolean(),
  doneToday: z.number().int(),
  dailyCap: z.number().int(),
  locked: z.boolean(),
  lockReasons: z.array(lockReason),
});
export type TaskCard = z.infer<typeof taskCardBody>;
export const taskListBody = z.object({ tasks: z.array(taskCardBody) });
export const taskDetailBody = taskCardBody.extend({
  instructions: z.string(),
  annotation: annotationSchema,
  leaseSeconds: z.number().int(),
  exam: examSettings,
});
export type TaskDetail = z.infer<typeof taskDetailBody>;

export const assignmentBody = z.object({
  id: z.string(),
  projectId: z.string(),
  kind: z.enum(['work', 'exam']),
  item: z.object({ id: z.string(), data: z.record(z.string(), z.unknown()) }),
  leasedAt: z.string(),
  expiresAt: z.string(),
});
export type Assignment = z.infer<typeof assignmentBody>;

export const examStatusBody = z.object({
  status: z.enum(['not_required', 'not_started', 'in_progress', 'passed', 'failed']),
  questionCount: z.number().int(),
  answered: z.number().int(),
  correct: z.number().int(),
  passRate: z.number(),
  attemptsUsed: z.number().int(),
  maxAttempts: z.number().int(),
  score: z.number().nullable(),
});
export type ExamStatus = z.infer<typeof examStatusBody>;
export const examStartBody = z.object({ status: examStatusBody, assignments: z.array(assignmentBody) });

/** A client-chosen key that makes a retry safe. */
export const idempotencyKey = z
  .string()
  .regex(/^[\x21-\x7e]{8,100}$/, 'an idempotency key is 8 to 100 visible ASCII characters, e.g. a UUID');

export const submitAnswerBody = z.object({
  answer: z
    .unknown()
    .refine((v) => v !== undefined, 'send your answer as "answer", in the shape of the task’s method'),
  /** Milliseconds the contributor spent on the item, measured by the client. */
  durationMs: z.number().int().min(0).max(86_400_000).optional(),
  /** A client-chosen key that makes retries safe: the same key never stores a second answer. */
  idempotencyKey: idempotencyKey.optional(),
});
export const submitResultBody = z.object({
  answerId: z.string(),
  ledgerSeq: z.number().int(),
  ledgerHash: z.string(),
  replayed: z.boolean(),
  exam: examStatusBody.nullable(),
});
export type SubmitResult = z.infer<typeof submitResultBody>;

export const SKIP_REASONS = ['unclear', 'broken_media', 'offensive', 'not_my_language', 'other'] as const;
export const skipBody = z.object({ reason: z.enum(SKIP_REASONS), note: storableText().max(1000).optional() });

export const historyEntryBody = z.object({
  answerId: z.string(),
  kind: z.enum(['work', 'exam']),
  projectId: z.string(),
  projectName: z.string(),
  method: z.enum(METHODS),
  itemId: z.string(),
  answer: z.unknown(),
  createdAt: z.string(),
  ledgerSeq: z.number().int(),
  rewardWei: weiString,
});
export const historyPageBody = z.object({
  entries: z.array(historyEntryBody),
  nextCursor: z.string().nullable(),
});
export type HistoryEntry = z.infer<typeof historyEntryBody>;

export const blobBody = z.object({
  sha256: z.string(),
  url: z.string(),
  size: z.number().int(),
  contentType: z.string(),
});

// ---------------------------------------------------------------- quality

export const ANSWER_STATUSES = ['pending', 'review', 'approved', 'rejected'] as const;
export const SYBIL_KINDS = ['random_clicker', 'constant_answerer', 'colluder'] as const;

/** A project's quality at a glance: the requester's dashboard. */
export const qualityReportBody = z.object({
  answers: z.object({
    pending: z.number().int(),
    review: z.number().int(),
    approved: z.number().int(),
    rejected: z.number().int(),
  }),
  items: z.object({
    /** Work items with a label. */
    labelled: z.number().int(),
    final: z.number().int(),
    /** Items that asked for more answers than the project's overlap (dynamic overlap). */
    extended: z.number().int(),
    /** Items that stopped before the project's overlap because they were already sure. */
    stoppedEarly: z.number().int(),
    meanConfidence: z.number().nullable(),
  }),
  /** Share of answers on settled items that agree with the item's label. */
  agreement: z.number().nullable(),
  gold: z.object({ correct: z.number().int(), total: z.number().int() }),
  /** Why answers were rejected: by the step that decided and the screening rule. */
  rejections: z.array(z.object({ reason: z.string(), count: z.number().int() })),
  /** Screening verdicts that flagged or rejected answers, by rule. */
  screening: z.array(z.object({ rule: z.string(), outcome: z.string(), count: z.number().int() })),
  contributors: z.array(
    z.object({
      address: z.string(),
      displayName: z.string().nullable(),
      answers: z.number().int(),
      approved: z.number().int(),
      rejected: z.number().int(),
      goldCorrect: z.number().int(),
      goldTotal: z.number().int(),
      /** Agreement with the consensus on settled items. */
      agreement: z.number().nullable(),
      /** Estimated accuracy on this project's method. */
      accuracy: z.number().nullable(),
      flagged: z.array(z.enum(SYBIL_KINDS)),
    }),
  ),
  method: z.string().nullable(),
});
export type QualityReport = z.infer<typeof qualityReportBody>;

export const qualityRunBody = z.object({
  decided: z.number().int(),
  judged: z.number().int(),
  judgeErrors: z.number().int(),
});

export const itemLabelBody = z.object({
  itemId: z.string(),
  externalId: z.string().nullable(),
  label: z.unknown(),
  confidence: z.number(),
  answerCount: z.number().int(),
  isFinal: z.boolean(),
  source: z.enum(['aggregation', 'review', 'qa']),
});
export const labelPageBody = z.object({ labels: z.array(itemLabelBody), nextCursor: z.string().nullable() });
export type ItemLabelEntry = z.infer<typeof itemLabelBody>;

export const sybilFlagBody = z.object({
  id: z.string(),
  kind: z.enum(SYBIL_KINDS),
  score: z.number(),
  evidence: z.string(),
  status: z.enum(['open', 'confirmed', 'cleared']),
  user: z.object({ id: z.string(), address: z.string(), displayName: z.string().nullable() }),
  project: z.object({ id: z.string(), name: z.string() }),
  peers: z.array(z.object({ id: z.string(), address: z.string() })),
  /** The flagged contributor's answers in the project, and how many the flag rejected. */
  answers: z.number().int(),
  rejectedAsSpam: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type SybilFlagEntry = z.infer<typeof sybilFlagBody>;
export const sybilFlagListBody = z.object({ flags: z.array(sybilFlagBody) });
export const flagQuery = z.object({
  status: z.enum(['open', 'confirmed', 'cleared', 'all']).default('open'),
});
export const resolveFlagBody = z.object({
  status: z.enum(['confirmed', 'cleared'], {
    error: 'status is confirmed (it is spam) or cleared (it is not)',
  }),
});

// ---------------------------------------------------------------- progress

export const skillBody = z.object({
  method: z.string(),
  domain: z.string(),
  accuracy: z.number(),
  /** A conservative bound: the accuracy is very likely at least this. */
  lower: z.number(),
  /** Weighted count of the evidence behind it (gold, reviews, consensus). */
  evidence: z.number(),
});

export const profileBody = z.object({
  user: z.object({ id: z.string(), address: z.string(), displayName: z.string().nullable() }),
  xp: z.number().int(),
  level: z.number().int(),
  levelProgress: z.object({
    /** The level XP alone would give. */
    level: z.number().int(),
    xpIntoLevel: z.number().int(),
    xpForNextLevel: z.number().int().nullable(),
    nextLevelAt: z.number().int().nullable(),
  }),
  /** Why the level held is below what XP gives, when accuracy fell. */
  demotedReason: z.string().nullable(),
  tier: z.string(),
  nextTier: z.object({ name: z.string(), missing: z.string() }).nullable(),
  rank: z.number().int().nullable(),
  accuracy: z.number().nullable(),
  skills: z.array(skillBody),
  achievements: z.array(
    z.object({
      id: z.string(),
      title: z.string(),
      description: z.string(),
      xp: z.number().int(),
      earnedAt: z.string(),
    }),
  ),
  streak: z.object({ current: z.number().int(), longest: z.number().int() }),
  checkedInToday: z.boolean(),
  answers: z.object({
    approved: z.number().int(),
    rejected: z.number().int(),
    pending: z.number().int(),
    review: z.number().int(),
  }),
  reviews: z.object({ done: z.number().int(), goldCorrect: z.number().int(), goldTotal: z.number().int() }),
  earnings: z.object({ answersWei: weiString, reviewsWei: weiString, totalWei: weiString }),
  /** XP per UTC day over the last 30 days, oldest first. */
  daily: z.array(z.object({ day: z.string(), xp: z.number().int() })),
});
export type Profile = z.infer<typeof profileBody>;

export const leaderboardQuery = z.object({
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});
export const leaderboardBody = z.object({
  entries: z.array(
    z.object({
      rank: z.number().int(),
      address: z.string(),
      displayName: z.string().nullable(),
      xp: z.number().int(),
      level: z.number().int(),
      tier: z.string(),
      accuracy: z.number().nullable(),
    }),
  ),
  total: z.number().int(),
});
export type Leaderboard = z.infer<typeof leaderboardBody>;

export const checkInBody = z.object({ day: z.string(), xp: z.number().int(), alreadyCheckedIn: z.boolean() });

/** Early adopters' progress, imported by an admin or signed by the configured reputation signer. */
export const reputationImportBody = z.object({
  /** Names the file; importing the same source twice changes nothing. */
  source: z.string().trim().min(1).max(100),
  entries: z
    .array(
      z.object({
        address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'addresses are 0x followed by 40 hex digits'),
        xp: z.number().int().min(0).max(100_000_000),
        level: z.number().int().min(0).max(100).optional(),
      }),
    )
    .min(1, 'the file lists no one')
    .max(100_000),
  /** EIP-191 signature by the reputation signer over the canonical JSON of { source, entries }. */
  signature: z
    .string()
    .regex(/^0x[0-9a-fA-F]+$/)
    .optional(),
});
export const reputationImportResultBody = z.object({ imported: z.number().int(), skipped: z.number().int() });

// ---------------------------------------------------------------- peer review and requester QA

/** Why a reviewer rejects an answer. */
export const REVIEW_REASONS = [
  'wrong_answer',
  'incomplete',
  'low_effort',
  'spam',
  'off_topic',
  'other',
] as const;
export type ReviewReason = (typeof REVIEW_REASONS)[number];

const reviewStatsBody = z.object({
  done: z.number().int(),
  /** Control reviews (of answers whose correctness is known) judged right, of all judged. */
  goldCorrect: z.number().int(),
  goldTotal: z.number().int(),
  earnedWei: weiString,
});
/** The review queue counts waiting answers up to this many: the count costs what it counts, and more says nothing new. */
export const REVIEW_WAITING_CAP = 100;
export const reviewQueueBody = z.object({
  projects: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      description: z.string(),
      method: z.enum(METHODS),
      modality: z.enum(MODALITIES),
      /** Answers waiting for a review you could give, counted up to REVIEW_WAITING_CAP (shown as "100+"). */
      waiting: z.number().int(),
      /** What one review pays you. */
      rewardWei: weiString,
      stats: reviewStatsBody,
    }),
  ),
  /** Your reviews in every project. */
  stats: reviewStatsBody,
});
export type ReviewQueue = z.infer<typeof reviewQueueBody>;

export const nextReviewBody = z.object({ projectId: z.string().uuid('projectId is a project UUID') });

/** A review task: an answer to judge, blind to who gave it. */
export const reviewTaskBody = z.object({
  id: z.string(),
  projectId: z.string(),
  projectName: z.string(),
  annotation: annotationSchema,
  instructions: z.string(),
  item: z.object({ id: z.string(), data: z.record(z.string(), z.unknown()) }),
  answer: z.unknown(),
  /** Why the answer is in review. */
  reason: z.string().nullable(),
  /** The screening checks that flagged it. */
  screening: z.array(z.object({ rule: z.string(), outcome: z.enum(['flag', 'reject']), reason: z.string() })),
  leasedAt: z.string(),
  expiresAt: z.string(),
});
export type ReviewTask = z.infer<typeof reviewTaskBody>;
export const reviewLeaseBody = z.object({ review: reviewTaskBody.nullable() });

export const submitReviewBody = z
  .object({
    verdict: z.enum(['approve', 'reject', 'fix'], { error: 'verdict is approve, reject or fix' }),
    reasonCode: z
      .enum(REVIEW_REASONS, { error: `reasonCode is one of: ${REVIEW_REASONS.join(', ')}` })
      .optional(),
    note: storableText().max(1000, 'a note has at most 1000 characters').optional(),
    /** The corrected answer, in the shape of the project's method: required with verdict fix. */
    fixedAnswer: z.unknown().optional(),
  })
  .superRefine((b, ctx) => {
    if (b.verdict === 'reject' && b.reasonCode === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['reasonCode'],
        message: `say why you reject the answer: reasonCode is one of ${REVIEW_REASONS.join(', ')}`,
      });
    if (b.verdict === 'fix' && b.fixedAnswer === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fixedAnswer'],
        message: 'a fix needs fixedAnswer: the right answer, in the shape of the task’s method',
      });
    if (b.verdict !== 'fix' && b.fixedAnswer !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fixedAnswer'],
        message: 'fixedAnswer goes with verdict fix only',
      });
  });
export type SubmitReviewInput = z.input<typeof submitReviewBody>;
export const reviewResultBody = z.object({
  id: z.string(),
  verdict: z.enum(['approve', 'reject', 'fix']),
  /** recorded: your review counts; already_decided: it counts and is paid, but the answer had been decided meanwhile and stays as it was. */
  outcome: z.enum(['recorded', 'already_decided']),
  message: z.string(),
});

export const qaQuery = z.object({
  size: z.coerce
    .number({ error: 'size is a whole number from 1 to 100' })
    .int('size is a whole number from 1 to 100')
    .min(1, 'size is a whole number from 1 to 100')
    .max(100, 'size is a whole number from 1 to 100')
    .default(20),
});
export const qaSampleBody = z.object({
  answers: z.array(
    z.object({
      answerId: z.string(),
      item: z.object({
        id: z.string(),
        externalId: z.string().nullable(),
        data: z.record(z.string(), z.unknown()),
      }),
      answer: z.unknown(),
      status: z.enum(['approved', 'rejected']),
      decidedBy: z.string().nullable(),
      decisionReason: z.string().nullable(),
      decidedAt: z.string().nullable(),
      consensusScore: z.number().nullable(),
      /** The item's current label, if it has one. */
      label: z
        .object({
          label: z.unknown(),
          confidence: z.number(),
          source: z.enum(['aggregation', 'review', 'qa']),
        })
        .nullable(),
      /** Who answered: requester QA is not blind. */
      contributor: z.string(),
    }),
  ),
  counts: z.object({
    sampled: z.number().int(),
    /** Decided answers a requester already checked. */
    alreadyChecked: z.number().int(),
    /** Decided answers on the project's (non-gold) items. */
    decided: z.number().int(),
  }),
});
export type QaSample = z.infer<typeof qaSampleBody>;
export const submitQaBody = z
  .object({
    verdict: z.enum(['accept', 'fix', 'reject'], { error: 'verdict is accept, fix or reject' }),
    /** The corrected answer, in the shape of the project's method: required with verdict fix. */
    fixedAnswer: z.unknown().optional(),
    note: storableText().max(1000, 'a note has at most 1000 characters').optional(),
  })
  .superRefine((b, ctx) => {
    if (b.verdict === 'fix' && b.fixedAnswer === undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fixedAnswer'],
        message: 'a fix needs fixedAnswer: the right answer, in the shape of the task’s method',
      });
    if (b.verdict !== 'fix' && b.fixedAnswer !== undefined)
      ctx.addIssue({
        code: 'custom',
        path: ['fixedAnswer'],
        message: 'fixedAnswer goes with verdict fix only',
      });
  });
export type SubmitQaInput = z.input<typeof submitQaBody>;
export const qaResultBody = z.object({
  answerId: z.string(),
  verdict: z.enum(['accept', 'fix', 'reject']),
  status: z.enum(['approved', 'rejected']),
  decidedAt: z.string(),
});

// Community datasets: publication and co-ownership shares (docs/datasets.md).

const DATASET_NAME = 'a dataset name has 3 to 120 characters';
export const publishDatasetBody = z.object({
  /** By default the project's name. */
  name: storableText().trim().min(3, DATASET_NAME).max(120, DATASET_NAME).optional(),
  /** By default the project's description. */
  description: storableText().max(2000, 'a description has at most 2000 characters').optional(),
  /** A plain-words summary of the license; by default, co-ownership by the published shares. */
  licenseSummary: storableText()
    .trim()
    .min(3, 'a license summary has 3 to 1000 characters')
    .max(1000, 'a license summary has 3 to 1000 characters')
    .optional(),
});
export type PublishDatasetInput = z.input<typeof publishDatasetBody>;

export const datasetBody = z.object({
  id: z.string(),
  projectId: z.string(),
  name: z.string(),
  description: z.string(),
  licenseSummary: z.string(),
  status: z.enum(['published']),
  publishedAt: z.string(),
  method: z.string(),
  modality: z.string(),
  /** Work items with at least one counted answer. */
  rowCount: z.number().int(),
  answerCount: z.number().int(),
  reviewCount: z.number().int(),
  contributorCount: z.number().int(),
  /** The Merkle root over (address account, uint256 weight) leaves, StandardMerkleTree encoding. */
  shareRoot: z.string(),
  /** The sum of every weight, a decimal string. */
  totalWeight: z.string(),
  formulaVersion: z.number().int(),
  /** Set once the asset registry committed the root on chain. */
  assetId: z.string().nullable(),
  commitTxHash: z.string().nullable(),
  committedAt: z.string().nullable(),
});
export type Dataset = z.infer<typeof datasetBody>;

export const datasetListQuery = z.object({
  search: storableText().max(120, 'search has at most 120 characters').optional(),
  cursor: pageQuery.shape.cursor,
  limit: pageQuery.shape.limit,
});
export const datasetListBody = z.object({
  datasets: z.array(datasetBody),
  nextCursor: z.string().nullable(),
});

export const datasetShareBody = z.object({
  rank: z.number().int(),
  account: z.string(),
  /** An integer, as a decimal string; the leaf's uint256. */
  weight: z.string(),
  /** Parts per million of the dataset; every share of a dataset adds up to exactly 1,000,000. */
  sharePpm: z.number().int(),
  answersCounted: z.number().int(),
  reviewsCounted: z.number().int(),
  /** The accuracy estimate the answers were scaled by, in parts per million. */
  accuracyPpm: z.number().int(),
  /** The Merkle proof of (account, weight) against the share root. */
  proof: z.array(z.string()),
});
export type DatasetShare = z.infer<typeof datasetShareBody>;
export const datasetSharePageBody = z.object({
  shares: z.array(datasetShareBody),
  nextCursor: z.string().nullable(),
});

/** The co-ownership formula's parameters, in parts per million of `scale`. */
export const shareFormulaBody = z.object({
  version: z.number().int(),
  scale: z.number().int(),
  approvedPpm: z.number().int(),
  approvedAfterFixPpm: z.number().int(),
  difficultyBonusPpm: z.number().int(),
  reviewPpm: z.number().int(),
});
export type ShareFormulaParameters = z.infer<typeof shareFormulaBody>;

export const datasetDetailBody = z.object({
  dataset: datasetBody,
  formula: shareFormulaBody,
  shares: z.array(datasetShareBody),
  nextCursor: z.string().nullable(),
});
export type DatasetDetail = z.infer<typeof datasetDetailBody>;

export const myDatasetSharesBody = z.object({
  shares: z.array(z.object({ dataset: datasetBody, share: datasetShareBody })),
});
export type MyDatasetShares = z.infer<typeof myDatasetSharesBody>;

// The marketplace: assets (datasets, models, agents) with license terms and lineage, licenses and royalties.

export const ASSET_KINDS = ['dataset', 'model', 'agent'] as const;
export type AssetKind = (typeof ASSET_KINDS)[number];
/** How an asset came from a parent, in the registry's order (DerivedFrom, TrainedOn, FineTunedFrom). */
export const ASSET_RELATIONS = ['derived_from', 'trained_on', 'fine_tuned_from'] as const;
/** The registry's MAX_PARENTS: at most this many parents per asset. */
export const MAX_PARENTS = 8;
export type AssetRelation = (typeof ASSET_RELATIONS)[number];
/** The longest license term the API speaks of (0 is perpetual); a longer one on chain reads as this. */
export const MAX_LICENSE_SECONDS = 100 * 365 * 86_400;

/** An asset's license terms, as the registry stores them (the one schema for requests, the database and pages). */
export const assetTerms = z.object({
  commercialUse: z.boolean(),
  /** Whether anyone may register a child of the asset; if not, only its owner and licensees may. */
  derivativesAllowed: z.boolean(),
  /** The share of every revenue credit that goes to the asset's parents, in basis points (0 to 10,000). */
  parentShareBps: z
    .number()
    .int('parentShareBps is a whole number of basis points')
    .min(0, 'parentShareBps is 0 to 10000 basis points')
    .max(10_000, 'parentShareBps is 0 to 10000 basis points'),
  /** What a license costs in base units of `currency`; 0 is free (still recorded on chain). */
  priceWei: weiString,
  currency: addressString,
  /** How long a license lasts; 0 is perpetual. */
  durationSeconds: z
    .number()
    .int('durationSeconds is a whole number')
    .min(0, 'durationSeconds is 0 (perpetual) or more')
    .max(MAX_LICENSE_SECONDS, 'durationSeconds is at most a hundred years'),
  attributionRequired: z.boolean(),
});
export type AssetTerms = z.infer<typeof assetTerms>;

const ASSET_NAME = 'an asset name has 3 to 120 characters';
const bytes32 = z.string().regex(/^0x[0-9a-fA-F]{64}$/, 'a hash is 0x followed by 64 hex digits');
const assetTags = z
  .array(storableText().trim().min(1, 'a tag is not empty').max(40, 'a tag has at most 40 characters'))
  .max(10, 'at most 10 tags')
  .default([]);

export const assetParentInput = z.object({
  assetId: z.string().uuid('parent asset ids are UUIDs'),
  relation: z.enum(ASSET_RELATIONS),
});

/** A model, an agent or a dataset of your own to register; your wallet sends the registration. */
export const registerAssetBody = z.object({
  kind: z.enum(ASSET_KINDS),
  name: storableText().trim().min(3, ASSET_NAME).max(120, ASSET_NAME),
  description: storableText().max(4000, 'a description has at most 4000 characters').default(''),
  modality: z.enum(MODALITIES),
  tags: assetTags,
  /** The keccak-256 or sha-256 of the asset's bytes (weights, archive), as 0x and 64 hex digits. */
  contentHash: bytes32.refine((h) => !/^0x0{64}$/.test(h), 'the content hash cannot be zero'),
  terms: assetTerms,
  parents: z
    .array(assetParentInput)
    .max(MAX_PARENTS, `an asset has at most ${MAX_PARENTS} parents`)
    .refine((ps) => new Set(ps.map((p) => p.assetId)).size === ps.length, 'a parent is named once')
    .default([]),
  /** The requester organization that owns it; your first one by default. */
  orgId: z.string().uuid('orgId is an organization UUID').optional(),
});
export type RegisterAssetInput = z.input<typeof registerAssetBody>;

/** A published community dataset to register; the platform registers it and commits its shares. */
export const registerDatasetBody = z.object({
  terms: assetTerms,
  tags: assetTags,
  parents: registerAssetBody.shape.parents,
});
export type RegisterDatasetInput = z.input<typeof registerDatasetBody>;

const booleanQuery = z.enum(['true', 'false'], { error: 'true or false' }).transform((v) => v === 'true');
export const assetListQuery = z.object({
  search: storableText().max(120, 'search has at most 120 characters').optional(),
  kind: z.enum(ASSET_KINDS).optional(),
  modality: z.enum(MODALITIES).optional(),
  /** Only licenses that allow commercial use (true) or that do not (false). */
  commercial: booleanQuery.optional(),
  derivatives: booleanQuery.optional(),
  minPriceWei: weiString.optional(),
  maxPriceWei: weiString.optional(),
  currency: addressString.optional(),
  cursor: pageQuery.shape.cursor,
  limit: z.coerce
    .number({ error: 'limit is a whole number from 1 to 100' })
    .int('limit is a whole number from 1 to 100')
    .min(1, 'limit is a whole number from 1 to 100')
    .max(100, 'limit is a whole number from 1 to 100')
    .default(24),
});
/** The list's query as a client sends it: every value a string or a number. */
export type AssetListQuery = Partial<
  Record<Exclude<keyof z.input<typeof assetListQuery>, 'limit'>, string> & { limit: number }
>;

export const assetBody = z.object({
  id: z.string(),
  /** The registry's id, a decimal string, once registered. */
  chainAssetId: z.string().nullable(),
  kind: z.enum(ASSET_KINDS),
  name: z.string(),
  description: z.string(),
  modality: z.string(),
  tags: z.array(z.string()),
  /** Its owner on chain: who manages its terms (for a community dataset, revenue goes to its co-owners). */
  ownerAddress: z.string(),
  datasetId: z.string().nullable(),
  contentHash: z.string(),
  metadataUri: z.string(),
  terms: assetTerms,
  status: z.enum(['draft', 'registered']),
  registerTxHash: z.string().nullable(),
  registeredAt: z.string().nullable(),
  createdAt: z.string(),
});
export type Asset = z.infer<typeof assetBody>;
export const assetListBody = z.object({ assets: z.array(assetBody), nextCursor: z.string().nullable() });

const assetLink = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(ASSET_KINDS),
  chainAssetId: z.string().nullable(),
});
export type AssetLink = z.infer<typeof assetLink>;

export const assetDetailBody = z.object({
  asset: assetBody,
  /** The lineage up and down, a few levels each way: every asset reached and every parent-child edge. */
  lineage: z.object({
    nodes: z.array(assetLink.extend({ depth: z.number().int() })),
    edges: z.array(
      z.object({ parentId: z.string(), childId: z.string(), relation: z.enum(ASSET_RELATIONS) }),
    ),
  }),
  /** Who the revenue goes to: the owner alone, or a community dataset's co-owners by their frozen shares. */
  owners: z.object({
    kind: z.enum(['sole', 'community']),
    owner: z.string(),
    totalWeight: z.string().nullable(),
    shares: z.array(z.object({ account: z.string(), weight: z.string(), sharePpm: z.number().int() })),
    more: z.boolean(),
  }),
  sampleRows: z.array(z.unknown()),
  provenance: z.object({
    contentHash: z.string(),
    metadataUri: z.string(),
    registerTxHash: z.string().nullable(),
    shareRoot: z.string().nullable(),
    commitTxHash: z.string().nullable(),
  }),
  /** The signed-in person's license: whether they may use it now, and until when (null: never ends). */
  license: z.object({ held: z.boolean(), expiresAt: z.string().nullable(), owner: z.boolean() }),
  sales: z.object({ count: z.number().int() }),
  feeBps: z.number().int().nullable(),
});
export type AssetDetail = z.infer<typeof assetDetailBody>;

const walletCalls = z.array(z.object({ to: z.string(), data: z.string(), label: z.string() }));
export const registeredAssetBody = z.object({
  asset: assetBody,
  /** For your own wallet to send (none when the platform registered it). */
  calls: walletCalls,
});

export const purchaseBody = z.object({
  /** null for an asset registered on chain without Caravan. */
  asset: assetLink.nullable(),
  chainAssetId: z.string(),
  buyer: z.string(),
  priceWei: z.string(),
  currency: z.string(),
  symbol: z.string(),
  decimals: z.number().int(),
  /** null: perpetual. */
  expiresAt: z.string().nullable(),
  purchasedAt: z.string().nullable(),
  txHash: z.string(),
  active: z.boolean(),
});
export type Purchase = z.infer<typeof purchaseBody>;
export const purchasesBody = z.object({ purchases: z.array(purchaseBody) });

export const assetEarningBody = z.object({
  asset: assetLink,
  role: z.enum(['owner', 'co-owner']),
  /** The weight claims are made with: 1 of 1 for a sole owner. */
  weight: z.string(),
  totalWeight: z.string(),
  tokens: z.array(
    z.object({
      token: z.string(),
      symbol: z.string(),
      decimals: z.number().int(),
      /** What the asset's holders were credited in all. */
      creditedWei: z.string(),
      /** What you claimed (a sole owner: what the asset's holders claimed). */
      claimedWei: z.string(),
      claimableWei: z.string(),
    }),
  ),
});
export type AssetEarning = z.infer<typeof assetEarningBody>;
export const earningsBody = z.object({ assets: z.array(assetEarningBody) });
