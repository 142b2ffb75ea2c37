import { DomainError } from '../../domain/errors.ts';
import type { OrgId } from '../../shared/brand.ts';
import type { Actor } from '../ports.ts';

/**
 * The organization whose prepaid budget pays the actor's gateway calls: an API key's own, else the one named, else
 * the actor's first. Someone in no organization is told how to get one.
 */
export function callerOrg(actor: Actor, orgId?: string): OrgId {
  if (actor.apiKeyOrgId) {
    if (orgId && orgId !== actor.apiKeyOrgId)
      throw new DomainError('FORBIDDEN', 'this API key acts for its own organization only');
    return actor.apiKeyOrgId as OrgId;
  }
  if (orgId) {
    if (!actor.orgs.some((o) => o.id === orgId))
      throw new DomainError('FORBIDDEN', 'you are not a member of that organization');
    return orgId as OrgId;
  }
  const first = actor.orgs[0];
  if (!first)
    throw new DomainError(
      'FORBIDDEN',
      'gateway calls are paid from an organization’s prepaid budget: create an organization (POST /api/orgs), then fund it (POST /api/gateway/fund-calls)',
    );
  return first.id as OrgId;
}
