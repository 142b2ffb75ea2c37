import type { Method } from '../../shared/methods.ts';

/** Typical seconds per item before a project has its own timings. */
const DEFAULT_SECONDS: Record<Method, number> = {
  single_choice: 8,
  multi_choice: 12,
  span: 40,
  bbox: 45,
  polygon: 90,
  transcription: 90,
  pairwise: 30,
  rating: 10,
  free_text: 60,
};

/** Seconds per item: the median of the project's recent answers once it has a few, else the method's default. */
export function estimateSecondsPerItem(method: Method, medianMs: number | null, samples: number): number {
  if (medianMs !== null && samples >= 5) return Math.max(1, Math.round(medianMs / 1000));
  return DEFAULT_SECONDS[method];
}

/** Reward per hour of work, in base units, from the reward per item and the seconds an item takes. */
export function rewardPerHourWei(rewardPerItemWei: bigint, secondsPerItem: number): bigint {
  return (rewardPerItemWei * 3600n) / BigInt(Math.max(1, Math.round(secondsPerItem)));
}
