import { z } from 'zod';
import { annotationSchema, METHODS, MODALITIES, TASK_TYPES } from './methods.ts';
import { storableText } from './text.ts';

/** Schemas of every request and response body of the REST API, shared by the server, the web app and the CLI. */

/** A non-negative integer amount of token base units, sent as a decimal string. */
export const weiString = z
  .string()
  .regex(
    /^\d{1,78}$/,
    'amounts are whole numbers of base units, written as a decimal string like "1000000000000000000"',
  );

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
  })
  .refine(
    (p) => p.taskType === 'community' || !/^\d+$/.test(p.rewardPerItemWei) || BigInt(p.rewardPerItemWei) > 0n,
    {
      message: 'enterprise and dual-reward projects pay a reward per item above 0',
      path: ['rewardPerItemWei'],
    },
  );
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
  status: projectStatus,
  itemCount: z.number().int(),
  goldCount: z.number().int(),
  createdAt: z.string(),
});
export type Project = z.infer<typeof projectBody>;
export const projectListBody = z.object({ projects: z.array(projectBody) });
export const updateProjectBody = z.object({ status: projectStatus });

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

export const exportQuery = z.object({ format: z.enum(['jsonl', 'csv']).default('jsonl') });

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
  kind: z.enum(['level', 'exam', 'exam_failed', 'daily_cap']),
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
