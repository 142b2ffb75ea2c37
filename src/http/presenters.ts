import type {
  Asset,
  AssetDetail as AssetDetailBody,
  AssetEarning as AssetEarningBody,
  AssetLink,
  Assignment,
  Dataset,
  DatasetShare,
  HistoryEntry,
  Me,
  Project,
  Purchase as PurchaseBody,
  QaSample,
  ReviewQueue,
  ReviewTask,
} from '../shared/api.ts';
import type { AssetDetail } from '../usecases/market/getAsset.ts';
import type { AssetEarning } from '../usecases/market/myEarnings.ts';
import type { Purchase } from '../usecases/market/myPurchases.ts';
import type {
  ApiKeyRow,
  AssetRow,
  DatasetRow,
  DatasetShareRow,
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

/** A published dataset; its organization's id stays inside (buyers see the dataset, not who owns the project). */
export const presentDataset = (d: DatasetRow): Dataset => ({
  id: d.id,
  projectId: d.projectId,
  name: d.name,
  description: d.description,
  licenseSummary: d.licenseSummary,
  status: d.status,
  publishedAt: d.publishedAt.toISOString(),
  method: d.method,
  modality: d.modality,
  rowCount: d.rowCount,
  answerCount: d.answerCount,
  reviewCount: d.reviewCount,
  contributorCount: d.contributorCount,
  shareRoot: d.shareRoot,
  totalWeight: d.totalWeight.toString(),
  formulaVersion: d.formulaVersion,
  assetId: d.assetId,
  commitTxHash: d.commitTxHash,
  committedAt: d.committedAt ? d.committedAt.toISOString() : null,
});

export const presentDatasetShare = (s: DatasetShareRow): DatasetShare => ({
  rank: s.rank,
  account: s.account,
  weight: s.weight.toString(),
  sharePpm: Number(s.sharePpm),
  answersCounted: s.answersCounted,
  reviewsCounted: s.reviewsCounted,
  accuracyPpm: s.accuracyPpm,
  proof: s.proof,
});

export const presentAsset = (a: AssetRow): Asset => ({
  id: a.id,
  chainAssetId: a.chainAssetId?.toString() ?? null,
  kind: a.kind,
  name: a.name,
  description: a.description,
  modality: a.modality,
  tags: a.tags,
  ownerAddress: a.ownerAddress,
  datasetId: a.datasetId,
  contentHash: a.contentHash,
  metadataUri: a.metadataUri,
  terms: {
    commercialUse: a.terms.commercialUse,
    derivativesAllowed: a.terms.derivativesAllowed,
    parentShareBps: a.terms.parentShareBps,
    priceWei: a.terms.priceWei,
    currency: a.terms.currency,
    durationSeconds: a.terms.durationSeconds,
    attributionRequired: a.terms.attributionRequired,
  },
  status: a.status,
  registerTxHash: a.registerTxHash,
  registeredAt: a.registeredAt?.toISOString() ?? null,
  createdAt: a.createdAt.toISOString(),
});

const presentAssetLink = (a: Pick<AssetRow, 'id' | 'name' | 'kind' | 'chainAssetId'>): AssetLink => ({
  id: a.id,
  name: a.name,
  kind: a.kind,
  chainAssetId: a.chainAssetId?.toString() ?? null,
});

export const presentAssetDetail = (d: AssetDetail): AssetDetailBody => ({
  asset: presentAsset(d.asset),
  lineage: {
    nodes: d.lineage.nodes.map((n) => ({ ...presentAssetLink(n), depth: n.depth })),
    edges: d.lineage.edges.map((e) => ({ parentId: e.parentId, childId: e.childId, relation: e.relation })),
  },
  owners: {
    kind: d.owners.kind,
    owner: d.owners.owner,
    totalWeight: d.owners.totalWeight?.toString() ?? null,
    shares: d.owners.shares.map((s) => ({
      account: s.account,
      weight: s.weight.toString(),
      sharePpm: Number(s.sharePpm),
    })),
    more: d.owners.more,
  },
  sampleRows: d.asset.sampleRows,
  provenance: {
    contentHash: d.asset.contentHash,
    metadataUri: d.asset.metadataUri,
    registerTxHash: d.asset.registerTxHash,
    shareRoot: d.dataset?.shareRoot ?? null,
    commitTxHash: d.dataset?.commitTxHash ?? null,
  },
  license: {
    held: d.license.held,
    expiresAt: d.license.expiresAt?.toISOString() ?? null,
    owner: d.license.owner,
  },
  sales: { count: d.salesCount },
  feeBps: d.feeBps,
});

export const presentPurchase = (p: Purchase): PurchaseBody => ({
  asset: p.asset ? presentAssetLink(p.asset) : null,
  chainAssetId: p.chainAssetId.toString(),
  buyer: p.buyer,
  priceWei: p.priceWei.toString(),
  currency: p.currency,
  symbol: p.symbol,
  decimals: p.decimals,
  expiresAt: p.expiresAt?.toISOString() ?? null,
  purchasedAt: p.purchasedAt?.toISOString() ?? null,
  txHash: p.txHash,
  active: p.active,
});

export const presentEarning = (e: AssetEarning): AssetEarningBody => ({
  asset: presentAssetLink(e.asset),
  role: e.role,
  weight: e.weight.toString(),
  totalWeight: e.totalWeight.toString(),
  tokens: e.tokens.map((t) => ({
    token: t.token,
    symbol: t.symbol,
    decimals: t.decimals,
    creditedWei: t.creditedWei.toString(),
    claimedWei: t.claimedWei.toString(),
    claimableWei: t.claimableWei.toString(),
  })),
});
