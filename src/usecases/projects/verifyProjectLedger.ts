import { type StoredLedgerEntry, verifyLedger } from '../../domain/ledger/verifyLedger.ts';
import type { LedgerCheck } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from './accessProject.ts';

/** Re-hashes a project's whole contribution ledger and reports the first edited, removed or reordered entry. */
export async function verifyProjectLedger(
  deps: Pick<Deps, 'projects'>,
  actor: Actor,
  projectId: string,
): Promise<LedgerCheck> {
  const project = await accessProject(deps, actor, projectId);
  const head = await deps.projects.ledgerHead(project.id);
  async function* all(): AsyncGenerator<StoredLedgerEntry> {
    for await (const page of deps.projects.ledger(project.id)) yield* page;
  }
  const entries: StoredLedgerEntry[] = [];
  for await (const e of all()) entries.push(e);
  return verifyLedger(entries, head ?? undefined);
}
