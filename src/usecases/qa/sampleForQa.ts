import type { Deps } from '../deps.ts';
import type { Actor, QaSampleRow } from '../ports.ts';
import { accessProject } from '../projects/accessProject.ts';

/**
 * A random sample of a project's decided answers that no one checked yet, for its requesters to check by hand,
 * with who gave each (QA is not blind) and how much of the project was checked so far.
 */
export async function sampleForQa(
  deps: Pick<Deps, 'projects' | 'qa'>,
  actor: Actor,
  input: { projectId: string; size: number },
): Promise<{ answers: QaSampleRow[]; counts: { sampled: number; alreadyChecked: number; decided: number } }> {
  const project = await accessProject(deps, actor, input.projectId);
  const { rows, alreadyChecked, decided } = await deps.qa.sample(project.id, input.size);
  return { answers: rows, counts: { sampled: rows.length, alreadyChecked, decided } };
}
