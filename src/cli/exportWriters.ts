import fs from 'node:fs/promises';
import path from 'node:path';
import { fileWriter, ParquetWriter, schemaFromColumnData } from 'hyparquet-writer';
import { cocoAnnotations } from '../domain/export/cocoAnnotations.ts';
import { cocoImage } from '../domain/export/cocoImage.ts';
import { csvLine } from '../domain/export/csvLine.ts';
import type { ExportRecord } from '../domain/export/exportRecord.ts';
import { FLAT_COLUMNS, flatRecord } from '../domain/export/flatRecord.ts';
import { labelStudioResult } from '../domain/export/labelStudioResult.ts';
import { yoloDataYaml } from '../domain/export/yoloDataYaml.ts';
import { yoloLines } from '../domain/export/yoloLines.ts';
import type { Project } from '../shared/api.ts';
import type { ExportFormat } from './exportManifest.ts';
import { lineFile } from './lineFile.ts';

export type WrittenFile = { path: string; rows: number | null };
/** Writes one format's files a record at a time; `finish` names the files written and what was skipped. */
export type RecordWriter = {
  write(r: ExportRecord): Promise<void>;
  finish(): Promise<{ files: WrittenFile[]; warnings: string[] }>;
};
export type ImageSizeOf = (r: ExportRecord) => Promise<{ width: number; height: number } | null>;

/** Rows per Parquet row group: what the writer holds in memory at most. */
export const PARQUET_ROW_GROUP = 10_000;

const labelsOf = (project: Project): string[] => {
  const config = project.annotation.config as { labels?: { value: string }[] };
  return (config.labels ?? []).map((l) => l.value);
};
const imageUrl = (r: ExportRecord) => (typeof r.data.image === 'string' ? r.data.image : '');

/** The writer of one export format into `dir`. COCO, YOLO and Label Studio expect records grouped by item. */
export async function recordWriter(
  format: ExportFormat,
  o: { dir: string; project: Project; imageSizeOf: ImageSizeOf; exportedAt: string },
): Promise<RecordWriter> {
  const { dir, project } = o;
  const at = (name: string) => path.join(dir, name);
  if (format === 'jsonl' || format === 'csv') {
    const name = `data.${format}`;
    const file = lineFile(at(name));
    if (format === 'csv') await file.write(csvLine([...FLAT_COLUMNS]));
    let rows = 0;
    return {
      async write(r) {
        const flat = flatRecord(r);
        rows++;
        await file.write(
          format === 'jsonl'
            ? `${JSON.stringify(flat)}\n`
            : csvLine(
                FLAT_COLUMNS.map((c) =>
                  c === 'answer' || c === 'data'
                    ? JSON.stringify(flat[c])
                    : (flat[c] as string | number | null),
                ),
              ),
        );
      },
      async finish() {
        await file.close();
        return { files: [{ path: name, rows }], warnings: [] };
      },
    };
  }
  if (format === 'parquet') return parquetWriter(at('data.parquet'));
  if (format === 'labelstudio') return labelStudioWriter(at('tasks.json'), project, o.imageSizeOf);
  const labels = labelsOf(project);
  if (!['bbox', 'polygon'].includes(project.annotation.method))
    throw new Error(
      `${format} exports are for bbox and polygon projects; this one is ${project.annotation.method}`,
    );
  if (format === 'yolo') return yoloWriter(dir, labels);
  return cocoWriter(dir, project, labels, o.imageSizeOf, o.exportedAt);
}

function parquetWriter(file: string): RecordWriter {
  const columns = () => ({
    answer_id: [] as string[],
    item_id: [] as string[],
    external_id: [] as (string | null)[],
    contributor: [] as string[],
    status: [] as string[],
    duration_ms: [] as (number | null)[],
    created_at: [] as string[],
    ledger_seq: [] as bigint[],
    ledger_hash: [] as string[],
    answer: [] as string[],
    data: [] as string[],
  });
  const types = {
    external_id: 'STRING',
    duration_ms: 'INT32',
    ledger_seq: 'INT64',
  } as const;
  const columnData = (group: ReturnType<typeof columns>) =>
    Object.entries(group).map(([name, data]) => ({
      name,
      data,
      type: (types as Record<string, 'STRING' | 'INT32' | 'INT64'>)[name] ?? ('STRING' as const),
      nullable: name === 'external_id' || name === 'duration_ms',
    }));
  let group = columns();
  let rows = 0;
  const writer = new ParquetWriter({
    writer: fileWriter(file),
    schema: schemaFromColumnData({ columnData: columnData(group) }),
    createdBy: 'caravan',
  });
  // One row group per flush: the writer keeps only the file's metadata between groups.
  const flush = async () => {
    if (!group.answer_id.length) return;
    await writer.write({ columnData: columnData(group), rowGroupSize: PARQUET_ROW_GROUP });
    group = columns();
  };
  return {
    async write(r) {
      group.answer_id.push(r.answerId);
      group.item_id.push(r.itemId);
      group.external_id.push(r.externalId);
      group.contributor.push(r.contributor);
      group.status.push(r.status);
      group.duration_ms.push(r.durationMs);
      group.created_at.push(r.createdAt);
      group.ledger_seq.push(BigInt(r.ledger.seq));
      group.ledger_hash.push(r.ledger.hash);
      group.answer.push(JSON.stringify(r.answer));
      group.data.push(JSON.stringify(r.data));
      rows++;
      if (group.answer_id.length >= PARQUET_ROW_GROUP) await flush();
    },
    async finish() {
      await flush();
      await writer.finish();
      return { files: [{ path: 'data.parquet', rows }], warnings: [] };
    },
  };
}

function labelStudioWriter(file: string, project: Project, imageSizeOf: ImageSizeOf): RecordWriter {
  const out = lineFile(file);
  const method = project.annotation.method;
  const toName =
    method === 'pairwise'
      ? 'a'
      : method === 'span'
        ? 'text'
        : project.modality === 'hybrid'
          ? 'text'
          : project.modality;
  let task: {
    id: number;
    data: Record<string, unknown>;
    meta: Record<string, unknown>;
    annotations: unknown[];
  } | null = null;
  let itemId = '';
  let tasks = 0;
  let size: { width: number; height: number } | null = null;
  // One task a line inside the array, so a reader can take the file a task at a time.
  const flush = async () => {
    if (task) await out.write(`${tasks++ ? ',\n' : '[\n'}${JSON.stringify(task)}`);
  };
  return {
    async write(r) {
      if (r.itemId !== itemId) {
        await flush();
        itemId = r.itemId;
        task = { id: Number(r.itemId), data: r.data, meta: { external_id: r.externalId }, annotations: [] };
        size = ['bbox', 'polygon'].includes(method) ? await imageSizeOf(r) : null;
      }
      task!.annotations.push({
        id: Number(r.answerId),
        completed_by: r.contributor,
        result: labelStudioResult(method, r.answer, {
          toName,
          text: typeof r.data.text === 'string' ? r.data.text : '',
          image: size,
          idPrefix: r.answerId,
        }),
        created_at: r.createdAt,
        updated_at: r.createdAt,
        lead_time: r.durationMs === null ? null : r.durationMs / 1000,
        was_cancelled: false,
        ground_truth: false,
        task: Number(r.itemId),
        meta: { status: r.status, ledger_seq: r.ledger.seq },
      });
    },
    async finish() {
      await flush();
      await out.write(tasks ? '\n]\n' : '[]\n');
      await out.close();
      return { files: [{ path: 'tasks.json', rows: tasks }], warnings: [] };
    },
  };
}

async function yoloWriter(dir: string, labels: string[]): Promise<RecordWriter> {
  await fs.mkdir(path.join(dir, 'labels'), { recursive: true });
  const classes = new Map(labels.map((l, i) => [l, i]));
  const files: WrittenFile[] = [];
  return {
    async write(r) {
      // One label file per answer (an item answered three times has three), named after the item and answer.
      const stem = `${(r.externalId ?? r.itemId).replace(/[^A-Za-z0-9._-]+/g, '_')}__${r.answerId}`;
      const lines = yoloLines(r.answer, classes);
      const name = `labels/${stem}.txt`;
      await fs.writeFile(path.join(dir, name), lines.map((l) => `${l}\n`).join(''));
      files.push({ path: name, rows: lines.length });
    },
    async finish() {
      await fs.writeFile(path.join(dir, 'data.yaml'), yoloDataYaml(labels));
      return { files: [{ path: 'data.yaml', rows: null }, ...files], warnings: [] };
    },
  };
}

async function cocoWriter(
  dir: string,
  project: Project,
  labels: string[],
  imageSizeOf: ImageSizeOf,
  exportedAt: string,
): Promise<RecordWriter> {
  // Images and annotations go to two temporary files as they come, then into one JSON document.
  const imagesPart = path.join(dir, '.images.part');
  const annotationsPart = path.join(dir, '.annotations.part');
  const images = lineFile(imagesPart);
  const annotations = lineFile(annotationsPart);
  const categoryIds = new Map(labels.map((l, i) => [l, i + 1]));
  let imageCount = 0;
  let annotationCount = 0;
  let itemId = '';
  let size: { width: number; height: number } | null = null;
  const skipped: string[] = [];
  let skippedCount = 0;
  return {
    async write(r) {
      if (r.itemId !== itemId) {
        itemId = r.itemId;
        size = await imageSizeOf(r);
        if (size) {
          imageCount++;
          const image = cocoImage({
            id: Number(r.itemId),
            itemId: r.itemId,
            externalId: r.externalId,
            url: imageUrl(r),
            ...size,
          });
          await images.write(`${imageCount > 1 ? ',\n' : ''}${JSON.stringify(image)}`);
        } else if (skippedCount++ < 5) skipped.push(r.itemId);
      }
      if (!size) return;
      for (const a of cocoAnnotations(r.answer, {
        imageId: Number(r.itemId),
        image: size,
        categoryIds,
        firstId: annotationCount + 1,
        answerId: r.answerId,
        contributor: r.contributor,
      }))
        await annotations.write(`${annotationCount++ ? ',\n' : ''}${JSON.stringify(a)}`);
    },
    async finish() {
      await images.close();
      await annotations.close();
      const out = lineFile(path.join(dir, 'annotations.json'));
      const head = {
        info: { description: project.name, version: '1', date_created: exportedAt, contributor: 'Caravan' },
        licenses: [],
        categories: labels.map((l, i) => ({ id: i + 1, name: l, supercategory: '' })),
      };
      await out.write(`${JSON.stringify(head).slice(0, -1)},\n"images":[\n`);
      for await (const chunk of (await fs.open(imagesPart)).createReadStream())
        await out.write(chunk as Buffer);
      await out.write('\n],\n"annotations":[\n');
      for await (const chunk of (await fs.open(annotationsPart)).createReadStream())
        await out.write(chunk as Buffer);
      await out.write('\n]}\n');
      await out.close();
      await fs.rm(imagesPart);
      await fs.rm(annotationsPart);
      const warnings = skippedCount
        ? [
            `${skippedCount} image(s) of unknown size were left out of annotations.json (their answers stay in proofs.jsonl): give items "width" and "height", or upload the images as blobs; first: item ${skipped.slice(0, 5).join(', ')}`,
          ]
        : [];
      return { files: [{ path: 'annotations.json', rows: annotationCount }], warnings };
    },
  };
}
