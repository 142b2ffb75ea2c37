import { ledgerChecker } from '../../domain/ledger/verifyLedger.ts';
import type { LedgerCheck } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from './accessProject.ts';

/** Re-hashes a project's whole contribution ledger, page by page, and reports the first tampered entry. */
export async function verifyProjectLedger(
  deps: Pick<Deps, 'projects'>,
  actor: Actor,
  projectId: string,
): Promise<LedgerCheck> {
  const project = await accessProject(deps, actor, projectId);
  const head = await deps.projects.ledgerHead(project.id);
  const checker = ledgerChecker();
  pages: for await (const page of deps.projects.ledger(project.id)) {
    for (const entry of page) if (!checker.add(entry)) break pages;
  }
  return checker.finish(head ?? undefined);
}
