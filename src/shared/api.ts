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
export const reviewQueueBody = z.object({
  projects: z.array(
    z.object({
      projectId: z.string(),
      name: z.string(),
      description: z.string(),
      method: z.enum(METHODS),
      modality: z.enum(MODALITIES),
      /** Answers waiting for a review you could give. */
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
