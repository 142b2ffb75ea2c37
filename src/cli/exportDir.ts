import fs from 'node:fs/promises';
import path from 'node:path';
import type { Hex } from 'viem';
import { datasetCard } from '../domain/export/datasetCard.ts';
import type { ExportRecord } from '../domain/export/exportRecord.ts';
import { imageSize } from '../domain/export/imageSize.ts';
import type { Client } from '../shared/client.ts';
import { toExportRecord } from './exportLine.ts';
import type { ExportFormat, ExportManifest } from './exportManifest.ts';
import { recordWriter } from './exportWriters.ts';
import { hashFile } from './hashFile.ts';
import { lineFile } from './lineFile.ts';

export type ExportDirResult = {
  rows: number;
  batches: number;
  unanchored: number;
  files: number;
  warnings: string[];
};

/** How many leading bytes of an image are read for its size: headers sit in the first few kilobytes. */
const HEADER_BYTES = 64 * 1024;

/**
 * Writes a project's answers into `dir` in one format, with `proofs.jsonl` (each answer's ledger payload and
 * Merkle proof, in the data's order) and `manifest.json` (files with sha256 and size, the chain, the batches).
 * Rows stream from the server's export a page at a time and are written as they come.
 */
export async function exportDir(
  deps: { client: Client; baseUrl: string; now: () => Date; onProgress?: (rows: number) => void },
  input: { projectId: string; format: ExportFormat; dir: string; license: string },
): Promise<ExportDirResult> {
  const { client } = deps;
  const { dir, format } = input;
  const project = await client.getProject(input.projectId);
  const chain = await client.chainInfo().catch(() => null);
  const exportedAt = deps.now().toISOString();
  await fs.mkdir(dir, { recursive: true });

  const writer = await recordWriter(format, {
    dir,
    project,
    imageSizeOf: (r) => imageSizeOf(deps.baseUrl, r),
    exportedAt,
  });
  const proofs = lineFile(path.join(dir, 'proofs.jsonl'));
  // Only the lossy formats need the answer itself beside the proof; the others give it back from their records.
  const keepAnswer = format === 'coco' || format === 'yolo';
  const batches = new Map<Hex, { root: Hex; txHash: Hex | null; firstAnswer: string }>();
  const contributors = new Set<string>();
  const statuses: Record<string, number> = {};
  let rows = 0;
  let unanchored = 0;

  const response = await client.send('GET', `/api/projects/${project.id}/export`, undefined, {
    format: 'jsonl',
    what: 'answers',
    provenance: 'true',
    order: format === 'jsonl' || format === 'csv' || format === 'parquet' ? 'answer' : 'item',
  });
  let buffer = '';
  const decoder = new TextDecoder();
  const take = async (line: string) => {
    const r: ExportRecord = toExportRecord(line);
    await writer.write(r);
    const p = r.provenance;
    if (p && !batches.has(p.batchId))
      batches.set(p.batchId, { root: p.root, txHash: p.anchorTx, firstAnswer: r.answerId });
    if (!p) unanchored++;
    contributors.add(r.contributor);
    statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    await proofs.write(
      `${JSON.stringify({
        answer_id: r.answerId,
        seq: r.ledger.seq,
        entry_hash: r.ledger.hash,
        prev_hash: r.ledger.prevHash,
        contributor: r.ledger.contributor,
        item_id: r.ledger.itemId,
        answer_hash: r.ledger.answerHash,
        created_at: r.ledger.createdAt,
        batch_id: p?.batchId ?? null,
        proof: p?.proof ?? [],
        ...(keepAnswer ? { answer: r.answer } : {}),
      })}\n`,
    );
    rows++;
    if (rows % 1000 === 0) deps.onProgress?.(rows);
  };
  for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
    buffer += decoder.decode(chunk, { stream: true });
    let start = 0;
    for (let nl = buffer.indexOf('\n'); nl >= 0; nl = buffer.indexOf('\n', start)) {
      await take(buffer.slice(start, nl));
      start = nl + 1;
    }
    buffer = buffer.slice(start);
  }
  if (buffer.trim()) await take(buffer);
  deps.onProgress?.(rows);
  await proofs.close();
  const written = await writer.finish();

  // Block and entry count of each batch, from the proof of one of its answers (a call per batch, not per row).
  const batchList: ExportManifest['batches'] = [];
  for (const [batchId, b] of batches) {
    const proof = await client.answerProof(b.firstAnswer);
    batchList.push({
      batchId,
      root: b.root,
      txHash: b.txHash,
      blockNumber: proof.batch?.blockNumber ?? null,
      count: proof.batch?.count ?? null,
    });
  }
  const warnings = [...written.warnings];
  if (unanchored)
    warnings.push(
      `${unanchored} answer(s) are not in an anchored batch yet; export again after the next anchoring round`,
    );
  const files = [...written.files, { path: 'proofs.jsonl', rows }];
  if (format === 'jsonl' || format === 'csv' || format === 'parquet') {
    const card = datasetCard(project, {
      rows,
      contributors: contributors.size,
      statuses,
      dataFile: written.files[0]!.path,
      license: input.license,
      chainId: chain?.chainId ?? null,
      registry: chain?.contracts.provenance ?? null,
      batches: batchList.length,
    });
    await fs.writeFile(path.join(dir, 'README.md'), card);
    files.push({ path: 'README.md', rows: null });
  }
  const manifest: ExportManifest = {
    manifest: 'caravan-export-1',
    project: {
      id: project.id,
      name: project.name,
      method: project.annotation.method,
      modality: project.modality,
    },
    exportedAt,
    format,
    files: [],
    chain: chain
      ? { chainId: chain.chainId, provenanceRegistry: chain.contracts.provenance, rpcUrl: chain.rpcUrl }
      : null,
    batches: batchList,
    records: { file: 'proofs.jsonl', count: rows },
    warnings,
  };
  for (const f of files) manifest.files.push({ ...f, ...(await hashFile(path.join(dir, f.path))) });
  await fs.writeFile(path.join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return { rows, batches: batchList.length, unanchored, files: files.length + 1, warnings };
}

/** An image's pixel size: from the item's width/height, else from the image's first bytes; null if neither. */
async function imageSizeOf(
  baseUrl: string,
  r: ExportRecord,
): Promise<{ width: number; height: number } | null> {
  const { width, height, image } = r.data;
  if (typeof width === 'number' && typeof height === 'number' && width > 0 && height > 0)
    return { width, height };
  if (typeof image !== 'string') return null;
  const url = image.startsWith('/blobs/') ? `${baseUrl}${image}` : image;
  try {
    const response = await fetch(url);
    if (!response.ok || !response.body) return null;
    const reader = response.body.getReader();
    const parts: Uint8Array[] = [];
    let length = 0;
    while (length < HEADER_BYTES) {
      const { done, value } = await reader.read();
      if (done) break;
      parts.push(value);
      length += value.length;
    }
    await reader.cancel();
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const p of parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return imageSize(bytes);
  } catch (cause) {
    // An unreachable image is reported as of unknown size in the export's warnings, not a failed export.
    void cause;
    return null;
  }
}
