import type { Assignment, HistoryEntry, Me, Project } from '../shared/api.ts';
import type { ApiKeyRow, HistoryRow, Lease, Membership, ProjectRow, UserRow } from '../usecases/ports.ts';

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
