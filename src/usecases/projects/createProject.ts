import { DomainError } from '../../domain/errors.ts';
import type { CreateProject } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor, ProjectRow } from '../ports.ts';
import { requesterOrg } from './accessProject.ts';

/** Creates a labeling project in the requester's organization. */
export async function createProject(
  deps: Pick<Deps, 'projects' | 'clock'>,
  actor: Actor,
  input: CreateProject,
): Promise<ProjectRow> {
  const orgId = requesterOrg(actor, input.orgId);
  if (input.deadline && new Date(input.deadline) <= deps.clock.now())
    throw new DomainError('VALIDATION_FAILED', 'the deadline must be in the future', { path: ['deadline'] });
  if (input.exam.enabled && input.exam.questionCount < 1)
    throw new DomainError('VALIDATION_FAILED', 'an exam needs at least one question', {
      path: ['exam', 'questionCount'],
    });
  return deps.projects.createProject(orgId, actor.id, input);
}
