import type { Hex } from 'viem';

/** One exported answer with everything its ledger entry and Merkle proof commit to. */
export type ExportRecord = {
  answerId: string;
  itemId: string;
  externalId: string | null;
  data: Record<string, unknown>;
  contributor: string;
  answer: unknown;
  status: string;
  durationMs: number | null;
  createdAt: string;
  ledger: {
    seq: number;
    hash: Hex;
    prevHash: Hex;
    contributor: string;
    itemId: string;
    answerHash: Hex;
    createdAt: string;
  };
  /** Null while the entry is not in an anchored batch yet. */
  provenance: { batchId: Hex; root: Hex; anchorTx: Hex | null; proof: Hex[] } | null;
};
