import type {
  Assignment,
  HistoryEntry,
  Me,
  Project,
  QaSample,
  ReviewQueue,
  ReviewTask,
} from '../shared/api.ts';
import type {
  ApiKeyRow,
  HistoryRow,
  Lease,
  Membership,
  ProjectRow,
  QaSampleRow,
  UserRow,
} from '../usecases/ports.ts';
import type { BlindReviewTask } from '../usecases/review/blindReviewTask.ts';
import type { ReviewQueueEntry } from '../usecases/review/listReviewQueue.ts';

// Presenters name every field that leaves the server, so a new column never leaks by accident.

export const presentMe = (u: UserRow & { orgs: Membership[] }): Me => ({
  id: u.id,
  address: u.address,
  displayName: u.displayName,
  isAdmin: u.isAdmin,
  isReviewer: u.isReviewer,
  level: u.level,
  xp: u.xp,
  orgs: u.orgs.map((o) => ({ id: o.id, name: o.name, role: o.role })),
});

export const presentApiKey = (k: ApiKeyRow) => ({
  id: k.id,
  name: k.name,
  prefix: k.prefix,
  createdAt: k.createdAt.toISOString(),
  lastUsedAt: k.lastUsedAt ? k.lastUsedAt.toISOString() : null,
});

export const presentProject = (p: ProjectRow): Project => ({
  id: p.id,
  orgId: p.orgId,
  name: p.name,
  description: p.description,
  taskType: p.taskType,
  modality: p.modality,
  annotation: p.annotation,
  instructions: p.instructions,
  overlap: p.overlap,
  rewardPerItemWei: p.rewardPerItemWei,
  budgetWei: p.budgetWei,
  dailyCap: p.dailyCap,
  requiredLevel: p.requiredLevel,
  languages: p.languages,
  domains: p.domains,
  deadline: p.deadline,
  exam: p.exam,
  goldShare: p.goldShare,
  leaseSeconds: p.leaseSeconds,
  quality: p.quality,
  partnerToken: p.partnerToken,
  partnerRewardPerItemWei: p.partnerRewardPerItemWei,
  gates: p.gates,
  status: p.status,
  itemCount: p.itemCount,
  goldCount: p.goldCount,
  createdAt: p.createdAt,
});

/** An assignment as the contributor sees it: the item's data, never whether it is gold. */
export const presentAssignment = (l: Lease): Assignment => ({
  id: l.id,
  projectId: l.projectId,
  kind: l.kind,
  item: { id: l.itemId, data: l.data },
  leasedAt: l.leasedAt.toISOString(),
  expiresAt: l.expiresAt.toISOString(),
});

export const presentHistory = (h: HistoryRow): HistoryEntry => ({
  answerId: h.answerId,
  kind: h.kind,
  projectId: h.projectId,
  projectName: h.projectName,
  method: h.method,
  itemId: h.itemId,
  answer: h.answer,
  createdAt: h.createdAt.toISOString(),
  ledgerSeq: h.ledgerSeq,
  rewardWei: h.rewardWei.toString(),
});

const presentReviewStats = (s: ReviewQueueEntry['stats']): ReviewQueue['stats'] => ({
  done: s.done,
  goldCorrect: s.goldCorrect,
  goldTotal: s.goldTotal,
  earnedWei: s.earnedWei.toString(),
});

export const presentReviewQueue = (q: {
  projects: ReviewQueueEntry[];
  stats: ReviewQueueEntry['stats'];
}): ReviewQueue => ({
  projects: q.projects.map((e) => ({
    projectId: e.project.id,
    name: e.project.name,
    description: e.project.description,
    method: e.project.annotation.method,
    modality: e.project.modality,
    waiting: e.waiting,
    rewardWei: e.rewardWei.toString(),
    stats: presentReviewStats(e.stats),
  })),
  stats: presentReviewStats(q.stats),
});

/** A review task, blind: nothing about who answered, nor whether it is a gold review. */
export const presentReviewTask = (t: BlindReviewTask): ReviewTask => ({
  id: t.id,
  projectId: t.projectId,
  projectName: t.projectName,
  annotation: t.annotation,
  instructions: t.instructions,
  item: { id: t.itemId, data: t.itemData },
  answer: t.answer,
  reason: t.reason,
  screening: t.screening.map((v) => ({ rule: v.rule, outcome: v.outcome, reason: v.reason })),
  leasedAt: t.leasedAt.toISOString(),
  expiresAt: t.expiresAt.toISOString(),
});

export const presentQaAnswer = (a: QaSampleRow): QaSample['answers'][number] => ({
  answerId: a.answerId,
  item: { id: a.itemId, externalId: a.externalId, data: a.itemData },
  answer: a.answer,
  status: a.status,
  decidedBy: a.decidedBy,
  decisionReason: a.decisionReason,
  decidedAt: a.decidedAt ? a.decidedAt.toISOString() : null,
  consensusScore: a.consensusScore,
  label: a.label ? { label: a.label.label, confidence: a.label.confidence, source: a.label.source } : null,
  contributor: a.contributor,
});
