import type { UserId } from '../../shared/brand.ts';
import type { Deps } from '../deps.ts';
import type { Actor, GatewayCallRow } from '../ports.ts';

/** The actor's own gateway calls, newest first, a page at a time (the cursor is the last call's `seq`). */
export async function myGatewayCalls(
  deps: Pick<Deps, 'gateway'>,
  actor: Actor,
  input: { cursor?: string | undefined; limit: number },
): Promise<{ calls: GatewayCallRow[]; nextCursor: string | null }> {
  const calls = await deps.gateway.calls(actor.id as UserId, input.cursor ?? null, input.limit);
  return { calls, nextCursor: calls.length === input.limit ? calls.at(-1)!.seq : null };
}
