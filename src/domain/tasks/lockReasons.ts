import type { ExamStatus } from '../../shared/api.ts';
import { belowGoldBar, type GoldBar } from '../quality/screening/belowGoldBar.ts';

export type LockReason = { kind: 'level' | 'exam' | 'exam_failed' | 'daily_cap' | 'gold'; message: string };

/** Why a contributor cannot work on a task right now, and what unlocks it. Empty when they can. */
export function lockReasons(input: {
  level: number;
  requiredLevel: number;
  exam: ExamStatus;
  doneToday: number;
  dailyCap: number;
  /** The contributor's gold answers in this project, and the project's bar. */
  gold?: { correct: number; total: number; bar: GoldBar };
}): LockReason[] {
  const reasons: LockReason[] = [];
  if (input.level < input.requiredLevel)
    reasons.push({
      kind: 'level',
      message: `reach level ${input.requiredLevel} (you are level ${input.level})`,
    });
  const { exam } = input;
  if (exam.status === 'failed' && exam.attemptsUsed >= exam.maxAttempts)
    reasons.push({
      kind: 'exam_failed',
      message: `qualification exam failed ${exam.attemptsUsed} time(s); no attempts left`,
    });
  else if (exam.status === 'not_started' || exam.status === 'in_progress' || exam.status === 'failed')
    reasons.push({
      kind: 'exam',
      message: `pass the qualification exam (${exam.questionCount} questions, ${Math.round(exam.passRate * 100)}% to pass)`,
    });
  const stopped = input.gold && belowGoldBar(input.gold.correct, input.gold.total, input.gold.bar);
  if (stopped) reasons.push({ kind: 'gold', message: stopped });
  if (input.doneToday >= input.dailyCap)
    reasons.push({
      kind: 'daily_cap',
      message: `daily cap of ${input.dailyCap} reached; it resets at 00:00 UTC`,
    });
  return reasons;
}
