import type { ExportRecord } from './exportRecord.ts';

/** The columns of the tabular exports (JSONL, CSV, Parquet), in order. */
export const FLAT_COLUMNS = [
  'answer_id',
  'item_id',
  'external_id',
  'contributor',
  'status',
  'duration_ms',
  'created_at',
  'ledger_seq',
  'ledger_hash',
  'answer',
  'data',
] as const;
export type FlatColumn = (typeof FLAT_COLUMNS)[number];

/** One answer as a flat row; `answer` and `data` stay JSON values (text in CSV and Parquet). */
export function flatRecord(r: ExportRecord): Record<FlatColumn, unknown> {
  return {
    answer_id: r.answerId,
    item_id: r.itemId,
    external_id: r.externalId,
    contributor: r.contributor,
    status: r.status,
    duration_ms: r.durationMs,
    created_at: r.createdAt,
    ledger_seq: r.ledger.seq,
    ledger_hash: r.ledger.hash,
    answer: r.answer,
    data: r.data,
  };
}
