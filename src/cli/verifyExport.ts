import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import { parse as parseCsv } from 'csv-parse';
import { asyncBufferFromFile, parquetMetadataAsync, parquetReadObjects } from 'hyparquet';
import { createPublicClient, getAddress, type Hex, http } from 'viem';
import { provenanceRegistryAbi } from '../chain/contracts.generated.ts';
import { answerFromLabelStudio } from '../domain/export/answerFromLabelStudio.ts';
import { checkRecord } from '../domain/export/checkRecord.ts';
import { type ExportManifest, exportManifest, proofLineSchema } from './exportManifest.ts';
import { hashFile } from './hashFile.ts';

export type ExportProblem = { answerId: string | null; message: string };
export type ExportVerification = {
  manifest: ExportManifest;
  files: number;
  records: number;
  /** Records whose answer was re-hashed and proof climbed (none of a data file that failed its check). */
  checked: number;
  batches: number;
  /** Batches whose root the registry holds; null when no chain was asked. */
  anchored: number | null;
  problems: ExportProblem[];
  /** All problems found, of which `problems` keeps the first few. */
  problemCount: number;
};

const KEPT_PROBLEMS = 20;

/** Each exported answer, in file order, as the data file gives it back. */
async function* exportedAnswers(
  dir: string,
  m: ExportManifest,
): AsyncGenerator<{ answerId: string; answer: unknown }> {
  const file = path.join(dir, m.files[0]!.path);
  const lines = () =>
    readline.createInterface({ input: fs.createReadStream(file), crlfDelay: Number.POSITIVE_INFINITY });
  if (m.format === 'jsonl')
    for await (const line of lines()) {
      if (!line.trim()) continue;
      const row = JSON.parse(line) as { answer_id: string; answer: unknown };
      yield { answerId: row.answer_id, answer: row.answer };
    }
  else if (m.format === 'csv')
    for await (const row of fs
      .createReadStream(file)
      .pipe(parseCsv({ columns: true, bom: true })) as AsyncIterable<Record<string, string>>)
      yield { answerId: row.answer_id!, answer: JSON.parse(row.answer!) };
  else if (m.format === 'parquet') {
    const buffer = await asyncBufferFromFile(file);
    const metadata = await parquetMetadataAsync(buffer);
    let start = 0;
    for (const group of metadata.row_groups) {
      const end = start + Number(group.num_rows);
      const rows = (await parquetReadObjects({
        file: buffer,
        metadata,
        columns: ['answer_id', 'answer'],
        rowStart: start,
        rowEnd: end,
      })) as { answer_id: string; answer: string }[];
      for (const row of rows) yield { answerId: row.answer_id, answer: JSON.parse(row.answer) };
      start = end;
    }
  } else if (m.format === 'labelstudio')
    // The export writes one task a line between "[" and "]".
    for await (const line of lines()) {
      const text = line.trim().replace(/,$/, '');
      if (text === '[' || text === ']' || text === '[]' || !text) continue;
      const task = JSON.parse(text) as { annotations: { id: number; result: unknown }[] };
      for (const a of task.annotations) {
        const read = answerFromLabelStudio(m.project.method, a.result);
        yield { answerId: String(a.id), answer: read.ok ? read.answer : { unreadable: read.problem } };
      }
    }
}

/**
 * Checks an export directory: every file's sha256 and size against the manifest; each answer's hash, ledger
 * entry hash, leaf and Merkle proof up to its batch root; and, with a chain RPC, that the provenance registry
 * holds each batch's root and entry count.
 */
export async function verifyExport(input: {
  dir: string;
  rpcUrl?: string | undefined;
}): Promise<ExportVerification> {
  const problems: ExportProblem[] = [];
  let problemCount = 0;
  const problem = (answerId: string | null, message: string) => {
    problemCount++;
    if (problems.length < KEPT_PROBLEMS) problems.push({ answerId, message });
  };
  const manifestFile = path.join(input.dir, 'manifest.json');
  if (!fs.existsSync(manifestFile))
    throw new Error(`${input.dir} has no manifest.json: is it a caravan export?`);
  const parsed = exportManifest.safeParse(JSON.parse(fs.readFileSync(manifestFile, 'utf8')));
  if (!parsed.success)
    throw new Error(
      `manifest.json is not a Caravan export manifest: ${parsed.error.issues[0]?.path.join('.')} ${parsed.error.issues[0]?.message}`,
    );
  const m = parsed.data;

  for (const f of m.files) {
    const file = path.join(input.dir, f.path);
    if (path.relative(input.dir, file).startsWith('..')) {
      problem(null, `${f.path} lies outside the export`);
      continue;
    }
    if (!fs.existsSync(file)) {
      problem(null, `${f.path} is missing`);
      continue;
    }
    const h = await hashFile(file);
    if (h.bytes !== f.bytes) problem(null, `${f.path} is ${h.bytes} bytes, the manifest says ${f.bytes}`);
    else if (h.sha256 !== f.sha256)
      problem(null, `${f.path} has sha256 ${h.sha256}, the manifest says ${f.sha256}`);
  }

  const roots = new Map(m.batches.map((b) => [b.batchId.toLowerCase(), b.root]));
  const proofs = readline.createInterface({
    input: fs.createReadStream(path.join(input.dir, m.records.file)),
    crlfDelay: Number.POSITIVE_INFINITY,
  });
  // A data file that failed its check is still read, to name the answers that changed; one that cannot be read
  // at all (a cut Parquet file) is reported once, and its answers are not re-hashed.
  let dataBroken = !fs.existsSync(path.join(input.dir, m.files[0]!.path));
  const fromData = m.format === 'coco' || m.format === 'yolo' ? null : exportedAnswers(input.dir, m);
  let records = 0;
  let checked = 0;
  for await (const text of proofs) {
    if (!text.trim()) continue;
    records++;
    const p = proofLineSchema.parse(JSON.parse(text));
    let answer = p.answer;
    if (dataBroken && answer === undefined) continue;
    if (fromData && !dataBroken) {
      const next = await fromData.next().catch((error: Error) => {
        problem(null, `${m.files[0]!.path} cannot be read: ${error.message}`);
        dataBroken = true;
        return null;
      });
      if (!next) continue;
      if (next.done) {
        problem(p.answer_id, `answer ${p.answer_id} is in proofs.jsonl but not in ${m.files[0]!.path}`);
        continue;
      }
      if (next.value.answerId !== p.answer_id) {
        problem(
          p.answer_id,
          `${m.files[0]!.path} has answer ${next.value.answerId} where proofs.jsonl has ${p.answer_id}`,
        );
        continue;
      }
      answer = next.value.answer;
    }
    checked++;
    for (const message of checkRecord(
      m.project.id,
      {
        answerId: p.answer_id,
        seq: p.seq,
        entryHash: p.entry_hash,
        prevHash: p.prev_hash,
        contributor: p.contributor,
        itemId: p.item_id,
        answerHash: p.answer_hash,
        createdAt: p.created_at,
        batchId: p.batch_id,
        proof: p.proof,
      },
      answer,
      p.batch_id ? roots.get(p.batch_id.toLowerCase()) : undefined,
    ))
      problem(p.answer_id, `answer ${p.answer_id}: ${message}`);
  }
  if (fromData && !dataBroken && !(await fromData.next()).done)
    problem(null, `${m.files[0]!.path} has answers proofs.jsonl does not`);
  if (records !== m.records.count)
    problem(null, `proofs.jsonl has ${records} records, the manifest says ${m.records.count}`);

  let anchored: number | null = null;
  const rpcUrl = input.rpcUrl ?? m.chain?.rpcUrl ?? null;
  if (rpcUrl && m.chain && m.batches.length) {
    const chain = createPublicClient({ transport: http(rpcUrl) });
    const chainId = await chain.getChainId();
    if (chainId !== m.chain.chainId)
      problem(null, `${rpcUrl} is chain ${chainId}, the export was anchored on ${m.chain.chainId}`);
    anchored = 0;
    for (const b of m.batches) {
      const onChain = await chain.readContract({
        address: getAddress(m.chain.provenanceRegistry),
        abi: provenanceRegistryAbi,
        functionName: 'batchOf',
        args: [b.batchId as Hex],
      });
      if (onChain.anchoredAt === 0n) problem(null, `batch ${b.batchId} is not anchored in the registry`);
      else if (onChain.root.toLowerCase() !== b.root.toLowerCase())
        problem(null, `the registry holds root ${onChain.root} for batch ${b.batchId}, not ${b.root}`);
      else if (b.count !== null && Number(onChain.count) !== b.count)
        problem(
          null,
          `the registry counts ${onChain.count} entries in batch ${b.batchId}, the manifest ${b.count}`,
        );
      else anchored++;
    }
  }
  return {
    manifest: m,
    files: m.files.length,
    records,
    checked,
    batches: m.batches.length,
    anchored,
    problems,
    problemCount,
  };
}
