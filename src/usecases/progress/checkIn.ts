import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { refreshProgress } from './refreshProgress.ts';

/** The daily check-in: once per UTC day, it keeps the streak and earns the day's check-in bonus. */
export async function checkIn(
  deps: Pick<Deps, 'progress' | 'clock' | 'settings'>,
  actor: Actor,
): Promise<{ day: string; xp: number; alreadyCheckedIn: boolean }> {
  const now = deps.clock.now();
  const day = now.toISOString().slice(0, 10);
  const fresh = await deps.progress.checkIn(actor.id, day, now);
  await refreshProgress(deps, { userIds: [actor.id] });
  const profile = await deps.progress.profile(actor.id, day);
  return { day, xp: profile?.xp ?? 0, alreadyCheckedIn: !fresh };
}
