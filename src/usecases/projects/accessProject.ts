import { DomainError } from '../../domain/errors.ts';
import type { Deps } from '../deps.ts';
import type { Actor, ProjectRow } from '../ports.ts';

/**
 * The project if the actor may manage it: a member of its organization (an API key: its own organization) or an admin.
 * Anyone else is told it does not exist, so project ids leak nothing.
 */
export async function accessProject(
  deps: Pick<Deps, 'projects'>,
  actor: Actor,
  projectId: string,
): Promise<ProjectRow> {
  const project = await deps.projects.getProject(projectId);
  const allowed =
    project && (actor.orgs.some((o) => o.id === project.orgId) || (actor.isAdmin && actor.via === 'session'));
  if (!project || !allowed)
    throw new DomainError('NOT_FOUND', `no project ${projectId} in your organizations`);
  return project;
}

/** The organization a requester acts for: the one named, or their only (first) one. */
export function requesterOrg(actor: Actor, orgId?: string): string {
  if (orgId) {
    if (!actor.orgs.some((o) => o.id === orgId))
      throw new DomainError('FORBIDDEN', 'you are not a requester in that organization');
    return orgId;
  }
  const first = actor.orgs[0];
  if (!first)
    throw new DomainError('FORBIDDEN', 'create or join an organization to post projects (POST /api/orgs)');
  return first.id;
}
