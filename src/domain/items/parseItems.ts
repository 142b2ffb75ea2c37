import { parse as parseCsv } from 'csv-parse/sync';
import {
  type Annotation,
  answerSchemaFor,
  type ItemData,
  type Modality,
  requiredItemFields,
} from '../../shared/methods.ts';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../shared/text.ts';
import { DomainError } from '../errors.ts';
import { answerFromLabelStudio } from '../export/answerFromLabelStudio.ts';

export type ImportFormat = 'jsonl' | 'csv' | 'labelstudio';

/** One item read from an import file, checked against the project it goes into. */
export type ParsedItem = { externalId: string | null; data: ItemData; gold: unknown | null };

export type ItemRules = { annotation: Annotation; modality: Modality };

export type ImportProblem = { line: number; message: string };

const MEDIA_FIELDS = new Set(['image', 'audio', 'video']);
const MAX_PROBLEMS = 20;

/**
 * Reads an import file and checks every item against the project's method and modality.
 * Refuses the whole file if any item is bad, naming the line (or task) and the problem.
 */
export function parseItems(text: string, format: ImportFormat, rules: ItemRules): ParsedItem[] {
  const problems: ImportProblem[] = [];
  const items: ParsedItem[] = [];
  const seen = new Map<string, number>();
  const unit = format === 'labelstudio' ? 'task' : 'line';

  const accept = (line: number, raw: unknown) => {
    const result = toItem(raw, format, rules);
    if (typeof result === 'string') {
      problems.push({ line, message: result });
      return;
    }
    if (result.externalId !== null) {
      const first = seen.get(result.externalId);
      if (first !== undefined) {
        problems.push({ line, message: `id "${result.externalId}" repeats the item on ${unit} ${first}` });
        return;
      }
      seen.set(result.externalId, line);
    }
    items.push(result);
  };

  if (format === 'jsonl') {
    const lines = text.split('\n');
    for (let i = 0; i < lines.length && problems.length < MAX_PROBLEMS; i++) {
      const line = lines[i]!.trim();
      if (!line) continue;
      let value: unknown;
      try {
        value = JSON.parse(line);
      } catch (e) {
        problems.push({ line: i + 1, message: `not valid JSON (${(e as Error).message})` });
        continue;
      }
      accept(i + 1, value);
    }
  } else if (format === 'csv') {
    let records: { record: Record<string, string>; info: { lines: number } }[];
    try {
      records = parseCsv(text, {
        columns: csvHeader,
        skip_empty_lines: true,
        bom: true,
        info: true,
        trim: false,
      });
    } catch (e) {
      if (e instanceof DomainError) throw e;
      const err = e as Error & { lines?: number };
      throw new DomainError(
        'IMPORT_INVALID',
        `line ${err.lines ?? '?'}: ${err.message.replace(/^Invalid Record Length: /, '')}`,
        {
          problems: [{ line: err.lines ?? 0, message: err.message }],
        },
      );
    }
    for (const { record, info } of records) {
      if (problems.length >= MAX_PROBLEMS) break;
      accept(info.lines, record);
    }
  } else {
    let tasks: unknown;
    try {
      tasks = JSON.parse(text);
    } catch (e) {
      throw new DomainError(
        'IMPORT_INVALID',
        `the Label Studio file is not valid JSON (${(e as Error).message})`,
        {
          problems: [{ line: 0, message: (e as Error).message }],
        },
      );
    }
    if (!Array.isArray(tasks)) tasks = [tasks];
    const list = tasks as unknown[];
    for (let i = 0; i < list.length && problems.length < MAX_PROBLEMS; i++) accept(i + 1, list[i]);
  }

  if (problems.length) {
    const first = problems[0]!;
    const more =
      problems.length > 1
        ? ` (and ${problems.length - 1} more problem${problems.length > 2 ? 's' : ''})`
        : '';
    throw new DomainError('IMPORT_INVALID', `${unit} ${first.line}: ${first.message}${more}`, { problems });
  }
  if (!items.length) throw new DomainError('IMPORT_INVALID', 'the file has no items', { problems: [] });
  return items;
}

function toItem(raw: unknown, format: ImportFormat, rules: ItemRules): ParsedItem | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return 'each item must be a JSON object';
  const record = raw as Record<string, unknown>;
  if (hasUnstorableText(record)) return `the item ${UNSTORABLE_MESSAGE}`;
  const { id, gold, ...rest } = record;
  // Label Studio tasks (and JSONL lines in that shape) keep the fields under `data`.
  let data: Record<string, unknown> = rest;
  let goldFromTask: unknown;
  if (
    format === 'labelstudio' ||
    (isObject(rest.data) &&
      Object.keys(rest).every((k) => ['data', 'annotations', 'predictions', 'meta'].includes(k)))
  ) {
    if (!isObject(rest.data)) return 'a Label Studio task needs a "data" object';
    data = rest.data;
    // An annotation marked ground truth is the item's gold answer, read back from Label Studio's regions.
    const truth = Array.isArray(rest.annotations)
      ? (rest.annotations as unknown[]).find((a) => isObject(a) && a.ground_truth === true)
      : undefined;
    if (isObject(truth) && (gold === undefined || gold === null || gold === '')) {
      const read = answerFromLabelStudio(rules.annotation.method, truth.result);
      if (!read.ok) return `the ground-truth annotation cannot be read: ${read.problem}`;
      goldFromTask = read.answer;
    }
  }

  let externalId: string | null = null;
  if (id !== undefined && id !== null && id !== '') {
    if (typeof id !== 'string' && typeof id !== 'number') return '"id" must be a string or a number';
    if (typeof id === 'number' && !Number.isSafeInteger(id))
      return `"id" ${id} cannot be kept exactly as a JSON number; write it as a string ("id": "…")`;
    externalId = String(id);
    if (externalId.length > 200) return '"id" is longer than 200 characters';
  }

  for (const field of requiredItemFields(rules.annotation.method, rules.modality)) {
    const value = data[field];
    if (typeof value !== 'string' || !value.trim())
      return `missing "${field}": every item of this ${rules.modality} ${rules.annotation.method} project needs it`;
  }
  for (const [field, value] of Object.entries(data)) {
    if (!MEDIA_FIELDS.has(field) || value === undefined || value === '') continue;
    const media = normalizeMedia(value);
    if (media === null) return `"${field}" must be an http(s) URL, a /blobs/<sha256> path or blob:<sha256>`;
    data[field] = media;
  }

  let goldAnswer: unknown | null = null;
  if (goldFromTask !== undefined || (gold !== undefined && gold !== null && gold !== '')) {
    let value: unknown = goldFromTask ?? gold;
    // Text cells (CSV) and bare JSON values (`"gold": 3`) take the short forms; objects are answers already.
    if (goldFromTask === undefined && typeof gold !== 'object')
      value = parseGoldText(String(gold), rules.annotation);
    const parsed = answerSchemaFor(rules.annotation, data).safeParse(value);
    if (!parsed.success)
      return `"gold" is not a valid answer: ${parsed.error.issues[0]?.message ?? 'wrong shape'}`;
    goldAnswer = parsed.data;
  }
  return { externalId, data, gold: goldAnswer };
}

/** CSV cells are text: accept JSON, or the bare value for methods with one obvious field. */
function parseGoldText(text: string, annotation: Annotation): unknown {
  try {
    const value = JSON.parse(text);
    if (isObject(value)) return value;
  } catch {
    // not JSON: fall through to the bare forms below
  }
  switch (annotation.method) {
    case 'single_choice':
      return { choice: text };
    case 'multi_choice':
      return {
        choices: text
          .split(/[|;]/)
          .map((s) => s.trim())
          .filter(Boolean),
      };
    case 'rating':
      return { value: Number(text) };
    case 'pairwise':
      return { winner: text.trim().toLowerCase() };
    case 'transcription':
    case 'free_text':
      return { text };
    default:
      return text;
  }
}

function normalizeMedia(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const blob = /^blob:([0-9a-f]{64})$/.exec(value);
  if (blob) return `/blobs/${blob[1]}`;
  if (/^\/blobs\/[0-9a-f]{64}$/.test(value)) return value;
  try {
    const url = new URL(value);
    return url.protocol === 'http:' || url.protocol === 'https:' ? value : null;
  } catch {
    return null;
  }
}

/** Checks the CSV header: every column named, none twice (a repeated column would silently lose data). */
function csvHeader(names: string[]): string[] {
  const seen = new Set<string>();
  for (const [i, raw] of names.entries()) {
    const name = raw.trim();
    if (!name)
      throw new DomainError('IMPORT_INVALID', `line 1: column ${i + 1} of the header has no name`, {
        problems: [{ line: 1, message: 'unnamed column' }],
      });
    if (seen.has(name))
      throw new DomainError('IMPORT_INVALID', `line 1: the header names column "${name}" twice`, {
        problems: [{ line: 1, message: `duplicate column ${name}` }],
      });
    seen.add(name);
  }
  return names.map((n) => n.trim());
}

function isObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}
