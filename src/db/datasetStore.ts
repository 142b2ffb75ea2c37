import type { ShareAnswer, ShareItemLabel } from '../domain/datasets/coOwnershipShares.ts';
import type { AccuracyEvidence } from '../domain/quality/reputation/estimateAccuracy.ts';
import type { Method } from '../shared/methods.ts';
import type { DatasetRow, DatasetShareRow, DatasetStore } from '../usecases/ports.ts';
import { hexOf, splitProof } from './bytes.ts';
import { type Db, inTransaction } from './pool.ts';
import { isUuid } from './projectStore.ts';

type RawDataset = {
  id: string;
  seq: string;
  project_id: string;
  org_id: string;
  name: string;
  description: string;
  license_summary: string;
  status: 'published';
  published_at: Date;
  row_count: number;
  answer_count: number;
  review_count: number;
  contributor_count: number;
  share_root: Buffer;
  total_weight: string;
  formula_version: number;
  asset_id: string | null;
  commit_tx_hash: string | null;
  committed_at: Date | null;
  method: Method;
  modality: string;
};
const DATASET_COLUMNS = `d.id, d.seq, d.project_id, d.org_id, d.name, d.description, d.license_summary, d.status,
  d.published_at, d.row_count, d.answer_count, d.review_count, d.contributor_count, d.share_root, d.total_weight,
  d.formula_version, d.asset_id, d.commit_tx_hash, d.committed_at, p.method, p.modality`;
const DATASET_FROM = 'datasets d join projects p on p.id = d.project_id';

const toDataset = (r: RawDataset): DatasetRow => ({
  id: r.id as DatasetRow['id'],
  seq: r.seq,
  projectId: r.project_id as DatasetRow['projectId'],
  orgId: r.org_id as DatasetRow['orgId'],
  name: r.name,
  description: r.description,
  licenseSummary: r.license_summary,
  status: r.status,
  publishedAt: r.published_at,
  rowCount: r.row_count,
  answerCount: r.answer_count,
  reviewCount: r.review_count,
  contributorCount: r.contributor_count,
  shareRoot: hexOf(r.share_root),
  totalWeight: BigInt(r.total_weight),
  formulaVersion: r.formula_version,
  assetId: r.asset_id,
  commitTxHash: r.commit_tx_hash,
  committedAt: r.committed_at,
  method: r.method,
  modality: r.modality,
});

type RawShare = {
  rank: number;
  account: string;
  weight: string;
  share_ppm: number;
  answers_counted: number;
  reviews_counted: number;
  accuracy_ppm: number;
  proof: Buffer;
};
const SHARE_COLUMNS =
  's.rank, s.account, s.weight, s.share_ppm, s.answers_counted, s.reviews_counted, s.accuracy_ppm, s.proof';
const toShare = (r: RawShare): DatasetShareRow => ({
  rank: r.rank,
  account: r.account,
  weight: BigInt(r.weight),
  sharePpm: BigInt(r.share_ppm),
  answersCounted: r.answers_counted,
  reviewsCounted: r.reviews_counted,
  accuracyPpm: r.accuracy_ppm,
  proof: splitProof(r.proof),
});

/** Published datasets and their frozen shares in PostgreSQL (see migration 0005_datasets.sql). */
export function datasetStore(db: Db): DatasetStore {
  return {
    async shareInputs(projectId) {
      // The final word on an answer is its decider's: approved after a fix when the deciding reviewer, or the
      // requester's QA, corrected the item and the correction agreed with the answer.
      const answers = await db.query<ShareAnswer>(
        `select u.address as account, a.item_id::text as "itemId", a.status, i.is_gold as "isGold",
           (a.status = 'approved' and case a.decided_by
              when 'qa' then a.qa_verdict = 'fix'
              when 'review' then exists (select 1 from reviews r where r.answer_id = a.id and r.status = 'done'
                and not r.is_gold and r.verdict = 'fix' and r.decided_at = a.decided_at)
              else false end) as fixed
         from answers a join users u on u.id = a.user_id join items i on i.id = a.item_id
         where a.project_id = $1 and a.kind = 'work'
         order by a.id`,
        [projectId],
      );
      const labels = await db.query<ShareItemLabel>(
        `select item_id::text as "itemId", confidence, source from item_labels where project_id = $1 order by item_id`,
        [projectId],
      );
      // A review stood when it decided its answer and nothing overrode it. Gold reviews only score the reviewer,
      // and the requester's own organization reviews as the buyer, not as a co-owner.
      const reviews = await db.query<{ account: string; accepted: boolean }>(
        `select u.address as account,
           (not r.is_gold and a.decided_by = 'review' and a.decided_at = r.decided_at) as accepted
         from reviews r join answers a on a.id = r.answer_id join users u on u.id = r.reviewer_id
           join projects p on p.id = r.project_id
         where r.project_id = $1 and r.status = 'done'
           and not exists (select 1 from memberships m where m.org_id = p.org_id and m.user_id = r.reviewer_id)
         order by r.id`,
        [projectId],
      );
      // Each contributor's verdicts in this project: gold (work and exam), people's decisions, consensus.
      const evidence = await db.query<AccuracyEvidence & { account: string }>(
        `select u.address as account,
           count(*) filter (where i.is_gold and a.is_correct)::int as "goldCorrect",
           count(*) filter (where i.is_gold and a.is_correct is not null)::int as "goldTotal",
           count(*) filter (where not i.is_gold and a.decided_by in ('review', 'qa') and a.status = 'approved')::int
             as "reviewApproved",
           count(*) filter (where not i.is_gold and a.decided_by in ('review', 'qa') and a.status = 'rejected')::int
             as "reviewRejected",
           count(*) filter (where not i.is_gold and a.consensus_agrees)::int as "consensusAgree",
           count(*) filter (where not i.is_gold and a.consensus_agrees is not null)::int as "consensusTotal"
         from answers a join users u on u.id = a.user_id join items i on i.id = a.item_id
         where a.project_id = $1
         group by u.address`,
        [projectId],
      );
      return {
        answers: answers.rows,
        labels: labels.rows,
        reviews: reviews.rows,
        evidence: new Map(evidence.rows.map(({ account, ...e }) => [account, e])),
      };
    },

    publish: (d) =>
      inTransaction(db, async (tx) => {
        const r = await tx.query<{ id: string }>(
          `insert into datasets (project_id, org_id, name, description, license_summary, published_at, published_by,
             row_count, answer_count, review_count, contributor_count, share_root, total_weight, formula_version)
           values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
           on conflict (project_id) do nothing
           returning id`,
          [
            d.projectId,
            d.orgId,
            d.name,
            d.description,
            d.licenseSummary,
            d.publishedAt,
            d.publishedBy,
            d.rowCount,
            d.answerCount,
            d.reviewCount,
            d.contributorCount,
            Buffer.from(d.shareRoot.slice(2), 'hex'),
            d.totalWeight.toString(),
            d.formulaVersion,
          ],
        );
        const id = r.rows[0]?.id;
        if (!id) return null;
        for (let k = 0; k < d.shares.length; k += 5000) {
          const part = d.shares.slice(k, k + 5000);
          await tx.query(
            `insert into dataset_shares (dataset_id, rank, account, weight, share_ppm, answers_counted, reviews_counted,
               accuracy_ppm, proof)
             select $1, r, a, w, s, ac, rc, acc, pr
             from unnest($2::int[], $3::text[], $4::numeric[], $5::int[], $6::int[], $7::int[], $8::int[], $9::bytea[])
               as t(r, a, w, s, ac, rc, acc, pr)`,
            [
              id,
              part.map((_, i) => k + i + 1),
              part.map((s) => s.account),
              part.map((s) => s.weight.toString()),
              part.map((s) => Number(s.sharePpm)),
              part.map((s) => s.answersCounted),
              part.map((s) => s.reviewsCounted),
              part.map((s) => s.accuracyPpm),
              part.map((s) => Buffer.from(s.proof.buffer, s.proof.byteOffset, s.proof.byteLength)),
            ],
          );
        }
        const stored = await tx.query<RawDataset>(
          `select ${DATASET_COLUMNS} from ${DATASET_FROM} where d.id = $1`,
          [id],
        );
        return toDataset(stored.rows[0]!);
      }),

    async byProject(projectId) {
      if (!isUuid(projectId)) return null;
      const r = await db.query<RawDataset>(
        `select ${DATASET_COLUMNS} from ${DATASET_FROM} where d.project_id = $1`,
        [projectId],
      );
      return r.rows[0] ? toDataset(r.rows[0]) : null;
    },

    async get(id) {
      if (!isUuid(id)) return null;
      const r = await db.query<RawDataset>(`select ${DATASET_COLUMNS} from ${DATASET_FROM} where d.id = $1`, [
        id,
      ]);
      return r.rows[0] ? toDataset(r.rows[0]) : null;
    },

    async list({ search, cursor, limit }) {
      // The search is a plain substring of the name: LIKE's own wildcards in it are escaped.
      const pattern = search ? `%${search.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%` : null;
      const r = await db.query<RawDataset>(
        `select ${DATASET_COLUMNS} from ${DATASET_FROM}
         where ($1::text is null or lower(d.name) like $1) and ($2::bigint is null or d.seq < $2)
         order by d.seq desc limit $3`,
        [pattern, cursor, limit],
      );
      return r.rows.map(toDataset);
    },

    async shares(datasetId, afterRank, limit) {
      if (!isUuid(datasetId)) return [];
      const r = await db.query<RawShare>(
        `select ${SHARE_COLUMNS} from dataset_shares s where s.dataset_id = $1 and s.rank > $2 order by s.rank limit $3`,
        [datasetId, afterRank, limit],
      );
      return r.rows.map(toShare);
    },

    async sharesOf(account) {
      const r = await db.query<RawDataset & { [K in keyof RawShare as `s_${K}`]: RawShare[K] }>(
        `select ${DATASET_COLUMNS}, s.rank as s_rank, s.account as s_account, s.weight as s_weight,
           s.share_ppm as s_share_ppm, s.answers_counted as s_answers_counted, s.reviews_counted as s_reviews_counted,
           s.accuracy_ppm as s_accuracy_ppm, s.proof as s_proof
         from dataset_shares s join datasets d on d.id = s.dataset_id join projects p on p.id = d.project_id
         where s.account = $1 order by d.seq desc`,
        [account],
      );
      return r.rows.map((x) => ({
        dataset: toDataset(x),
        share: toShare({
          rank: x.s_rank,
          account: x.s_account,
          weight: x.s_weight,
          share_ppm: x.s_share_ppm,
          answers_counted: x.s_answers_counted,
          reviews_counted: x.s_reviews_counted,
          accuracy_ppm: x.s_accuracy_ppm,
          proof: x.s_proof,
        }),
      }));
    },

    async shareOf(datasetId, account) {
      if (!isUuid(datasetId)) return null;
      const r = await db.query<RawShare>(
        `select ${SHARE_COLUMNS} from dataset_shares s where s.dataset_id = $1 and s.account = $2`,
        [datasetId, account],
      );
      return r.rows[0] ? toShare(r.rows[0]) : null;
    },

    async recordCommitment(datasetId, c) {
      // The first commitment stays: the trigger of 0005 refuses any change once a field is set.
      await db.query(
        `update datasets set asset_id = $2, commit_tx_hash = $3, committed_at = $4
         where id = $1 and asset_id is null`,
        [datasetId, c.assetId, c.commitTxHash, c.committedAt],
      );
      const r = await db.query<RawDataset>(`select ${DATASET_COLUMNS} from ${DATASET_FROM} where d.id = $1`, [
        datasetId,
      ]);
      const stored = r.rows[0];
      if (!stored) throw new Error(`no dataset ${datasetId}`);
      if (stored.asset_id !== c.assetId)
        throw new Error(`dataset ${datasetId} is already committed as asset ${stored.asset_id}`);
      return toDataset(stored);
    },
  };
}
