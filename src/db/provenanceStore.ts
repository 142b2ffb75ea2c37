import type { Hex } from 'viem';
import type { AnswerProvenance, ProvenanceBatch, ProvenanceStore } from '../usecases/chainPorts.ts';
import { hexOf, splitProof } from './bytes.ts';
import { type Db, inTransaction } from './pool.ts';
import { isUuid } from './projectStore.ts';

type RawBatch = {
  batch_id: Hex;
  root: Hex;
  entry_count: number;
  manifest_hash: Hex;
  status: 'built' | 'anchored';
  tx_hash: Hex | null;
  block_number: string | null;
  anchored_at: Date | null;
};
const BATCH_COLUMNS =
  'batch_id, root, entry_count, manifest_hash, status, tx_hash, block_number, anchored_at';
const toBatch = (r: RawBatch): ProvenanceBatch => ({
  batchId: r.batch_id,
  root: r.root,
  count: r.entry_count,
  manifestHash: r.manifest_hash,
  status: r.status,
  txHash: r.tx_hash,
  blockNumber: r.block_number === null ? null : Number(r.block_number),
  anchoredAt: r.anchored_at,
});

/** Provenance batches and their leaves in PostgreSQL (see migration 0003_chain.sql). */
export function provenanceStore(db: Db): ProvenanceStore {
  return {
    async unbatched(limit) {
      // Each project's entries after the last one already in a batch (the primary key finds it backwards).
      const r = await db.query<{ project_id: string; seq: string; hash: Buffer }>(
        `select e.project_id, e.seq, e.hash
         from ledger_heads h
         cross join lateral (select coalesce(max(pl.seq), 0) as done from provenance_leaves pl where pl.project_id = h.project_id) d
         cross join lateral (
           select le.project_id, le.seq, le.hash from ledger_entries le
           where le.project_id = h.project_id and le.seq > d.done order by le.seq limit $1
         ) e
         where h.seq > d.done
         order by e.project_id, e.seq
         limit $1`,
        [limit],
      );
      return r.rows.map((x) => ({ projectId: x.project_id, seq: Number(x.seq), hash: hexOf(x.hash) }));
    },

    async builtBatch() {
      const r = await db.query<RawBatch>(
        `select ${BATCH_COLUMNS} from provenance_batches where status = 'built' order by created_at limit 1`,
      );
      return r.rows[0] ? toBatch(r.rows[0]) : null;
    },

    saveBatch: (b) =>
      inTransaction(db, async (tx) => {
        await tx.query(
          `insert into provenance_batches (batch_id, root, entry_count, manifest_hash, status, created_at)
           values ($1, $2, $3, $4, 'built', $5)`,
          [b.batchId, b.root, b.entries.length, b.manifestHash, b.now],
        );
        for (let k = 0; k < b.entries.length; k += 5000) {
          const { positions, proofs } = b.proofs(k, Math.min(k + 5000, b.entries.length));
          const part = Array.from(positions, (i) => b.entries[i]!);
          await tx.query(
            `insert into provenance_leaves (project_id, seq, batch_id, leaf_index, proof)
             select p, s, $1, i, pr from unnest($2::uuid[], $3::bigint[], $4::int[], $5::bytea[]) as t(p, s, i, pr)`,
            [
              b.batchId,
              part.map((e) => e.projectId),
              part.map((e) => e.seq),
              Array.from(positions),
              proofs.map((p) => Buffer.from(p.buffer, p.byteOffset, p.byteLength)),
            ],
          );
        }
      }),

    async markAnchored(batchId, tx, at) {
      await db.query(
        `update provenance_batches set status = 'anchored', tx_hash = $2, block_number = $3,
           anchored_at = coalesce(anchored_at, $4)
         where batch_id = $1`,
        [batchId, tx.hash, tx.blockNumber, at],
      );
    },

    async answer(answerId) {
      if (!/^\d{1,18}$/.test(answerId)) return null;
      const r = await db.query<{
        project_id: string;
        seq: string;
        contributor: string;
        item_id: string;
        answer_hash: Buffer;
        created_at: Date;
        prev_hash: Buffer;
        hash: Buffer;
        answer: unknown;
        status: string;
        proof: Buffer | null;
        batch: RawBatch | null;
      }>(
        `select e.project_id, e.seq, e.contributor, e.item_id::text, e.answer_hash, e.created_at, e.prev_hash, e.hash,
           a.answer, a.status, l.proof,
           case when b.batch_id is null then null else json_build_object(
             'batch_id', b.batch_id, 'root', b.root, 'entry_count', b.entry_count, 'manifest_hash', b.manifest_hash,
             'status', b.status, 'tx_hash', b.tx_hash, 'block_number', b.block_number::text,
             'anchored_at', b.anchored_at) end as batch
         from answers a
           join ledger_entries e on e.project_id = a.project_id and e.seq = a.ledger_seq
           left join provenance_leaves l on l.project_id = e.project_id and l.seq = e.seq
           left join provenance_batches b on b.batch_id = l.batch_id
         where a.id = $1`,
        [answerId],
      );
      const x = r.rows[0];
      if (!x) return null;
      const batch = x.batch
        ? toBatch({ ...x.batch, anchored_at: x.batch.anchored_at ? new Date(x.batch.anchored_at) : null })
        : null;
      const out: AnswerProvenance = {
        answerId,
        projectId: x.project_id,
        seq: Number(x.seq),
        contributor: x.contributor,
        itemId: x.item_id,
        answerHash: hexOf(x.answer_hash),
        createdAt: x.created_at.toISOString(),
        prevHash: hexOf(x.prev_hash),
        hash: hexOf(x.hash),
        answer: x.answer,
        status: x.status,
        batch,
        proof: x.proof ? splitProof(x.proof) : [],
      };
      return out;
    },

    async projectProofs(projectId, answerIds) {
      const out = new Map<string, { batchId: Hex; root: Hex; txHash: Hex | null; proof: Hex[] }>();
      if (!isUuid(projectId) || !answerIds.length) return out;
      const r = await db.query<{ id: string; batch_id: Hex; root: Hex; tx_hash: Hex | null; proof: Buffer }>(
        `select a.id::text, b.batch_id, b.root, b.tx_hash, l.proof
         from answers a
           join provenance_leaves l on l.project_id = a.project_id and l.seq = a.ledger_seq
           join provenance_batches b on b.batch_id = l.batch_id
         where a.project_id = $1 and a.id = any($2::bigint[])`,
        [projectId, answerIds],
      );
      for (const x of r.rows)
        out.set(x.id, { batchId: x.batch_id, root: x.root, txHash: x.tx_hash, proof: splitProof(x.proof) });
      return out;
    },
  };
}
