import { parse as parseCsv } from 'csv-parse/sync';
import { DomainError } from '../../errors.ts';
import type { AnswerTriple } from './encodeAnswers.ts';

/**
 * Reads a CSV whose header names exactly `columns` (in any order) and returns its rows as records.
 * Refuses a missing header, a missing or empty cell and a ragged row, naming the line.
 */
export function readCsvColumns<C extends string>(
  text: string,
  columns: readonly C[],
  what: string,
): Record<C, string>[] {
  let rows: { record: Record<string, string>; info: { lines: number } }[];
  try {
    rows = parseCsv(text, {
      columns: (header: string[]) => {
        const names = header.map((h) => h.trim());
        const missing = columns.filter((c) => !names.includes(c));
        if (missing.length)
          throw new DomainError(
            'VALIDATION_FAILED',
            `${what}: line 1 must be a header naming ${columns.join(',')} (missing ${missing.join(', ')})`,
          );
        return names;
      },
      bom: true,
      skip_empty_lines: true,
      trim: true,
      info: true,
    });
  } catch (e) {
    if (e instanceof DomainError) throw e;
    const err = e as Error & { lines?: number };
    throw new DomainError('VALIDATION_FAILED', `${what}: line ${err.lines ?? '?'}: ${err.message}`);
  }
  if (!rows.length) throw new DomainError('VALIDATION_FAILED', `${what}: no rows after the header`);
  return rows.map(({ record, info }) => {
    for (const c of columns)
      if (!record[c])
        throw new DomainError('VALIDATION_FAILED', `${what}: line ${info.lines}: "${c}" is empty`);
    return record as Record<C, string>;
  });
}

/** A crowd's answers from CSV text with the header `item,worker,label`. */
export function readCrowdCsv(text: string, what = 'answers'): AnswerTriple[] {
  return readCsvColumns(text, ['item', 'worker', 'label'] as const, what);
}
