import type { Deps } from '../deps.ts';
import { refreshProgress } from '../progress/refreshProgress.ts';
import { runQualityPass } from './runQualityPass.ts';

/**
 * What follows new answers in a project: its quality pass, then the progress (accuracy, XP, level, tier) of
 * everyone whose answers or reviews were decided since the last refresh.
 */
export async function settleProject(
  deps: Pick<Deps, 'quality' | 'progress' | 'clock' | 'judge' | 'links' | 'settings'>,
  projectId: string,
): Promise<void> {
  await runQualityPass(deps, projectId);
  while ((await refreshProgress(deps)).length);
}
