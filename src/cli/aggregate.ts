import fs from 'node:fs';
import {
  CATEGORICAL_METHODS,
  type CategoricalMethod,
} from '../domain/quality/aggregate/categoricalMethods.ts';
import { encodeAnswers } from '../domain/quality/aggregate/encodeAnswers.ts';
import { readCrowdCsv, readCsvColumns } from '../domain/quality/aggregate/readCrowdCsv.ts';

export type AggregateSummary = {
  method: CategoricalMethod;
  items: number;
  workers: number;
  answers: number;
  classes: number;
  seconds: number;
  meanConfidence: number;
  /** Share of the truth file's items labelled correctly; null without --truth. */
  accuracy: number | null;
  truthItems: number | null;
};

/**
 * `caravan aggregate`: reads `item,worker,label` answers, infers one label per item with a confidence, writes
 * `item,label,confidence` lines through `write`, and scores them against `item,truth` when given.
 */
export function aggregateFile(
  input: { answers: string; method: CategoricalMethod; truth?: string | undefined },
  write: (line: string) => void,
): AggregateSummary {
  const encoded = encodeAnswers(readCrowdCsv(readFile(input.answers), input.answers));
  const started = performance.now();
  const result = CATEGORICAL_METHODS[input.method].run(encoded.answers);
  const seconds = (performance.now() - started) / 1000;

  write('item,label,confidence\n');
  let confidenceSum = 0;
  const chosen = new Map<string, string>();
  const chunk: string[] = [];
  encoded.itemIds.forEach((item, i) => {
    const label = encoded.classIds[result.labels[i]!] ?? '';
    const confidence = result.confidence[i]!;
    confidenceSum += confidence;
    chosen.set(item, label);
    chunk.push(`${csvCell(item)},${csvCell(label)},${confidence.toFixed(6)}\n`);
    if (chunk.length >= 10_000) write(chunk.splice(0).join(''));
  });
  if (chunk.length) write(chunk.join(''));

  let accuracy: number | null = null;
  let truthItems: number | null = null;
  if (input.truth) {
    const truth = readCsvColumns(readFile(input.truth), ['item', 'truth'] as const, input.truth);
    const scored = truth.filter((t) => chosen.has(t.item));
    truthItems = scored.length;
    accuracy = scored.length
      ? scored.filter((t) => chosen.get(t.item) === t.truth).length / scored.length
      : null;
  }
  const a = encoded.answers;
  return {
    method: input.method,
    items: a.nItems,
    workers: a.nWorkers,
    answers: a.items.length,
    classes: a.nClasses,
    seconds,
    meanConfidence: a.nItems ? confidenceSum / a.nItems : 0,
    accuracy,
    truthItems,
  };
}

function readFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch (e) {
    throw new Error(
      `cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}`,
    );
  }
}

function csvCell(s: string): string {
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
