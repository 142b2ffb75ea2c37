import { estimateSecondsPerItem, rewardPerHourWei } from '../../domain/tasks/estimateSecondsPerItem.ts';
import { lockReasons } from '../../domain/tasks/lockReasons.ts';
import type { TaskCard, TaskDetail } from '../../shared/api.ts';
import type { Method, Modality } from '../../shared/methods.ts';
import type { Deps } from '../deps.ts';
import type { Actor, TaskRow } from '../ports.ts';

export type TaskFilters = {
  method?: Method | undefined;
  modality?: Modality | undefined;
  language?: string | undefined;
  level?: number | undefined;
};

/** The tasks a contributor can pick from: those open to them first, locked ones last with what unlocks them. */
export async function listTasks(
  deps: Pick<Deps, 'work' | 'clock'>,
  actor: Actor,
  filters: TaskFilters,
): Promise<TaskCard[]> {
  const rows = await deps.work.tasks(actor.id, deps.clock.now());
  return rows
    .filter(
      ({ project: p, remainingItems }) =>
        remainingItems > 0 &&
        (!filters.method || p.annotation.method === filters.method) &&
        (!filters.modality || p.modality === filters.modality) &&
        (!filters.language || p.languages.includes(filters.language)) &&
        (filters.level === undefined || p.requiredLevel <= filters.level),
    )
    .map((row) => toCard(row, actor.level))
    .sort(
      (a, b) =>
        Number(a.locked) - Number(b.locked) ||
        compareDesc(BigInt(a.rewardPerHourWei), BigInt(b.rewardPerHourWei)),
    );
}

/** One task with its instructions and method, for the task page. */
export async function getTask(
  deps: Pick<Deps, 'work' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<TaskDetail | null> {
  const [row] = await deps.work.tasks(actor.id, deps.clock.now(), projectId);
  if (!row) return null;
  const p = row.project;
  return {
    ...toCard(row, actor.level),
    instructions: p.instructions,
    annotation: p.annotation,
    leaseSeconds: p.leaseSeconds,
    exam: p.exam,
  };
}

function toCard(row: TaskRow, level: number): TaskCard {
  const p = row.project;
  const seconds = estimateSecondsPerItem(p.annotation.method, row.medianMs, row.timedAnswers);
  const reasons = lockReasons({
    level,
    requiredLevel: p.requiredLevel,
    exam: row.exam,
    doneToday: row.doneToday,
    dailyCap: p.dailyCap,
    gold: { ...row.gold, bar: p.quality.gold },
  });
  return {
    projectId: p.id,
    name: p.name,
    description: p.description,
    taskType: p.taskType,
    method: p.annotation.method,
    modality: p.modality,
    languages: p.languages,
    domains: p.domains,
    requiredLevel: p.requiredLevel,
    rewardPerItemWei: p.rewardPerItemWei,
    rewardPerHourWei: rewardPerHourWei(BigInt(p.rewardPerItemWei), seconds).toString(),
    secondsPerItem: seconds,
    remainingItems: row.remainingItems,
    deadline: p.deadline,
    examRequired: p.exam.enabled,
    examPassed: row.exam.status === 'passed',
    doneToday: row.doneToday,
    dailyCap: p.dailyCap,
    locked: reasons.length > 0,
    lockReasons: reasons,
  };
}

const compareDesc = (a: bigint, b: bigint) => (a > b ? -1 : a < b ? 1 : 0);
