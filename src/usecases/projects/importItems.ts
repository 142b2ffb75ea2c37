import { DomainError } from '../../domain/errors.ts';
import { type ImportFormat, parseItems } from '../../domain/items/parseItems.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from './accessProject.ts';

export type ImportProgress = { phase: 'parse' | 'insert'; done: number; total: number };

/** Reads an import file into a project: every item is checked first, then all are stored in one transaction. */
export async function importItems(
  deps: Pick<Deps, 'projects'>,
  actor: Actor,
  input: { projectId: string; format: ImportFormat; text: string; onProgress?: (p: ImportProgress) => void },
): Promise<{ imported: number; gold: number; itemCount: number }> {
  const project = await accessProject(deps, actor, input.projectId);
  if (project.status === 'closed')
    throw new DomainError('PROJECT_NOT_ACTIVE', 'this project is closed; reopen it to add items');
  const items = parseItems(input.text, input.format, {
    annotation: project.annotation,
    modality: project.modality,
  });
  input.onProgress?.({ phase: 'parse', done: items.length, total: items.length });
  const result = await deps.projects.insertItems(project.id, items, (done) =>
    input.onProgress?.({ phase: 'insert', done, total: items.length }),
  );
  return { ...result, itemCount: project.itemCount + result.imported };
}

/** The import format the request named; a raw body carries no file name to guess it from. */
export function importFormatOf(explicit: ImportFormat | undefined): ImportFormat {
  if (explicit) return explicit;
  throw new DomainError(
    'VALIDATION_FAILED',
    'say which format the file is in: ?format=jsonl, csv or labelstudio',
  );
}
