import { z } from 'zod';
import type { ExportRecord } from '../domain/export/exportRecord.ts';

const hex = z.string().regex(/^0x[0-9a-f]*$/i) as unknown as z.ZodType<`0x${string}`>;

/** One line of `GET /api/projects/:id/export?provenance=true` (JSONL), as the server writes it. */
export const exportLine = z.object({
  answer_id: z.string(),
  item_id: z.string(),
  external_id: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
  contributor: z.string(),
  answer: z.unknown(),
  status: z.string(),
  duration_ms: z.number().nullable(),
  created_at: z.string(),
  ledger_seq: z.number().int(),
  ledger_hash: hex,
  ledger: z.object({
    prev_hash: hex,
    contributor: z.string(),
    item_id: z.string(),
    answer_hash: hex,
    created_at: z.string(),
  }),
  provenance: z
    .object({ batch_id: hex, root: hex, anchor_tx: hex.nullable(), proof: z.array(hex) })
    .nullable(),
});

/** Parses one export line from the server into the record the converters take. */
export function toExportRecord(text: string): ExportRecord {
  const l = exportLine.parse(JSON.parse(text));
  return {
    answerId: l.answer_id,
    itemId: l.item_id,
    externalId: l.external_id,
    data: l.data,
    contributor: l.contributor,
    answer: l.answer,
    status: l.status,
    durationMs: l.duration_ms,
    createdAt: l.created_at,
    ledger: {
      seq: l.ledger_seq,
      hash: l.ledger_hash,
      prevHash: l.ledger.prev_hash,
      contributor: l.ledger.contributor,
      itemId: l.ledger.item_id,
      answerHash: l.ledger.answer_hash,
      createdAt: l.ledger.created_at,
    },
    provenance: l.provenance
      ? {
          batchId: l.provenance.batch_id,
          root: l.provenance.root,
          anchorTx: l.provenance.anchor_tx,
          proof: l.provenance.proof,
        }
      : null,
  };
}
