import type { Assignment } from '../../shared/api.ts';
import { apiClient } from './apiClient.ts';

/**
 * Leases the next item of a task. With `afterId` (the assignment on screen) the server hands out a
 * different item to preload, or the lease after it that this contributor already holds.
 * The shared client's nextAssignment cannot pass `?after=` yet, so this goes through `send`.
 */
export async function leaseNext(projectId: string, afterId?: string): Promise<Assignment | null> {
  const response = await apiClient.send(
    'POST',
    `/api/tasks/${encodeURIComponent(projectId)}/assignments`,
    undefined,
    afterId ? { after: afterId } : undefined,
  );
  if (response.status === 204) return null;
  return (await response.json()) as Assignment;
}
