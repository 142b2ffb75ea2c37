import { z } from 'zod';

const hex = z.string().regex(/^0x[0-9a-fA-F]*$/) as unknown as z.ZodType<`0x${string}`>;

export const EXPORT_FORMATS = ['jsonl', 'csv', 'parquet', 'coco', 'yolo', 'labelstudio'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

/** manifest.json of an export directory: what was exported, every file's hash, the chain and its batches. */
export const exportManifest = z.object({
  manifest: z.literal('caravan-export-1'),
  project: z.object({ id: z.string().uuid(), name: z.string(), method: z.string(), modality: z.string() }),
  exportedAt: z.string(),
  format: z.enum(EXPORT_FORMATS),
  files: z.array(
    z.object({
      path: z.string(),
      sha256: z.string().regex(/^[0-9a-f]{64}$/),
      bytes: z.number().int(),
      rows: z.number().int().nullable(),
    }),
  ),
  chain: z
    .object({ chainId: z.number().int(), provenanceRegistry: z.string(), rpcUrl: z.string().nullable() })
    .nullable(),
  batches: z.array(
    z.object({
      batchId: hex,
      root: hex,
      txHash: hex.nullable(),
      blockNumber: z.number().int().nullable(),
      count: z.number().int().nullable(),
    }),
  ),
  /** One line per exported answer, in the order of the data file: its ledger payload and Merkle proof. */
  records: z.object({ file: z.string(), count: z.number().int() }),
  warnings: z.array(z.string()),
});
export type ExportManifest = z.infer<typeof exportManifest>;

/** One line of proofs.jsonl. `answer` is there for formats whose records cannot give the exact answer back. */
export const proofLineSchema = z.object({
  answer_id: z.string(),
  seq: z.number().int(),
  entry_hash: hex,
  prev_hash: hex,
  contributor: z.string(),
  item_id: z.string(),
  answer_hash: hex,
  created_at: z.string(),
  batch_id: hex.nullable(),
  proof: z.array(hex),
  answer: z.unknown().optional(),
});
