import { DomainError } from '../../domain/errors.ts';
import type { ExamStatus } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor, Lease, ProjectRow } from '../ports.ts';

/** Opens (or resumes) a qualification exam: a set of the project's gold items, answered like work. */
export async function startExam(
  deps: Pick<Deps, 'work' | 'projects' | 'clock'>,
  actor: Actor,
  projectId: string,
): Promise<{ status: ExamStatus; assignments: Lease[] }> {
  const project = await activeProject(deps, projectId);
  if (!project.exam.enabled)
    throw new DomainError('EXAM_NOT_AVAILABLE', 'this project has no qualification exam: start working');
  if (actor.level < project.requiredLevel)
    throw new DomainError(
      'LEVEL_TOO_LOW',
      `this project needs level ${project.requiredLevel}; you are level ${actor.level}`,
    );
  const status = await deps.work.examStatus(project, actor.id);
  if (status.status === 'passed') return { status, assignments: [] };
  if (status.status === 'failed' && status.attemptsUsed >= status.maxAttempts)
    throw new DomainError('EXAM_FAILED', `you used all ${status.maxAttempts} exam attempts for this project`);
  if (project.goldCount < project.exam.questionCount)
    throw new DomainError(
      'EXAM_NOT_AVAILABLE',
      `the exam is not ready: the requester has ${project.goldCount} of the ${project.exam.questionCount} gold items it needs`,
    );
  const assignments = await deps.work.startExam(project, actor.id, deps.clock.now());
  return { status: await deps.work.examStatus(project, actor.id), assignments };
}

/** A project contributors can work on now. */
export async function activeProject(
  deps: Pick<Deps, 'projects' | 'clock'>,
  projectId: string,
): Promise<ProjectRow> {
  const project = await deps.projects.getProject(projectId);
  if (!project) throw new DomainError('NOT_FOUND', `no task ${projectId}`);
  checkActive(project, deps.clock.now());
  return project;
}

/** Refuses work on a project that is paused, closed or past its deadline. */
export function checkActive(project: ProjectRow, now: Date): void {
  if (project.status !== 'active')
    throw new DomainError('PROJECT_NOT_ACTIVE', `this task is ${project.status}; it takes no work now`);
  if (project.deadline && new Date(project.deadline) <= now)
    throw new DomainError('PROJECT_NOT_ACTIVE', 'this task has passed its deadline');
}
