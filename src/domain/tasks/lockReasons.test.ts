import { describe, expect, it } from 'vitest';
import type { ExamStatus } from '../../shared/api.ts';
import { lockReasons } from './lockReasons.ts';

function exam(status: ExamStatus['status'], more: Partial<ExamStatus> = {}): ExamStatus {
  return {
    status,
    questionCount: 5,
    answered: 0,
    correct: 0,
    passRate: 0.8,
    attemptsUsed: 0,
    maxAttempts: 2,
    score: null,
    ...more,
  };
}

const open = { level: 2, requiredLevel: 1, exam: exam('not_required'), doneToday: 0, dailyCap: 100 };

describe('lockReasons', () => {
  it('is empty when nothing stands in the way', () => {
    expect(lockReasons(open)).toEqual([]);
    expect(lockReasons({ ...open, exam: exam('passed') })).toEqual([]);
  });

  it('is empty at exactly the required level', () => {
    expect(lockReasons({ ...open, level: 1 })).toEqual([]);
  });

  it('asks for the required level', () => {
    expect(lockReasons({ ...open, level: 0, requiredLevel: 3 })).toEqual([
      { kind: 'level', message: 'reach level 3 (you are level 0)' },
    ]);
  });

  it.each(['not_started', 'in_progress'] as const)('asks to pass the exam when it is %s', (status) => {
    expect(lockReasons({ ...open, exam: exam(status) })).toEqual([
      { kind: 'exam', message: 'pass the qualification exam (5 questions, 80% to pass)' },
    ]);
  });

  it('asks to pass the exam again after a failure with attempts left', () => {
    expect(lockReasons({ ...open, exam: exam('failed', { attemptsUsed: 1, maxAttempts: 2 }) })).toEqual([
      { kind: 'exam', message: 'pass the qualification exam (5 questions, 80% to pass)' },
    ]);
  });

  it('rounds the pass rate to a whole percent', () => {
    expect(
      lockReasons({ ...open, exam: exam('not_started', { questionCount: 3, passRate: 2 / 3 }) }),
    ).toEqual([{ kind: 'exam', message: 'pass the qualification exam (3 questions, 67% to pass)' }]);
  });

  it('says the exam is failed for good once no attempts are left', () => {
    expect(lockReasons({ ...open, exam: exam('failed', { attemptsUsed: 2, maxAttempts: 2 }) })).toEqual([
      { kind: 'exam_failed', message: 'qualification exam failed 2 time(s); no attempts left' },
    ]);
  });

  it('reports the daily cap once it is reached', () => {
    expect(lockReasons({ ...open, doneToday: 99 })).toEqual([]);
    expect(lockReasons({ ...open, doneToday: 100 })).toEqual([
      { kind: 'daily_cap', message: 'daily cap of 100 reached; it resets at 00:00 UTC' },
    ]);
    expect(lockReasons({ ...open, doneToday: 101 })).toHaveLength(1);
  });

  it('lists every reason at once, level first and daily cap last', () => {
    const reasons = lockReasons({
      level: 0,
      requiredLevel: 2,
      exam: exam('not_started'),
      doneToday: 10,
      dailyCap: 10,
    });
    expect(reasons.map((r) => r.kind)).toEqual(['level', 'exam', 'daily_cap']);
  });
});
