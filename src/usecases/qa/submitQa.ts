import { DomainError } from '../../domain/errors.ts';
import { checkAgainstConsensus } from '../../domain/quality/review/checkAgainstConsensus.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { accessProject } from '../projects/accessProject.ts';
import { parseFixedAnswer } from '../review/parseFixedAnswer.ts';

export type QaVerdict = 'accept' | 'fix' | 'reject';

/**
 * A requester's check of one answer, over any earlier decision: accept approves it, reject rejects it, fix makes
 * the corrected answer the item's final label and approves the answer only if it agrees with the correction.
 */
export async function submitQa(
  deps: Pick<Deps, 'projects' | 'qa' | 'clock' | 'qualityQueue'>,
  actor: Actor,
  input: { answerId: string; verdict: QaVerdict; fixedAnswer?: unknown; note?: string | undefined },
): Promise<{ answerId: string; verdict: QaVerdict; status: 'approved' | 'rejected'; decidedAt: Date }> {
  const notFound = () => new DomainError('NOT_FOUND', `no answer ${input.answerId} in your projects`);
  const found = await deps.qa.answer(input.answerId);
  if (!found) throw notFound();
  let project: Awaited<ReturnType<typeof accessProject>>;
  try {
    project = await accessProject(deps, actor, found.projectId);
  } catch (error) {
    // Told as the answer not existing: an outsider learns nothing, not even which project it is in.
    if (error instanceof DomainError && error.code === 'NOT_FOUND') throw notFound();
    throw error;
  }
  const fixed =
    input.verdict === 'fix' ? parseFixedAnswer(project.annotation, found.itemData, input.fixedAnswer) : null;
  const check = fixed === null ? null : checkAgainstConsensus(project.annotation, found.answer, fixed);
  const status = input.verdict === 'accept' || check?.agrees ? 'approved' : 'rejected';
  const head =
    input.verdict === 'accept'
      ? 'Accepted by the requester.'
      : input.verdict === 'reject'
        ? 'Rejected by the requester.'
        : `Corrected by the requester; the answer ${check?.agrees ? 'agrees with' : 'differs from'} the correction.`;
  const result = await deps.qa.apply({
    answerId: found.answerId,
    verdict: input.verdict,
    status,
    fixedAnswer: fixed,
    decisionReason: input.note ? `${head} ${input.note}` : head,
    now: deps.clock.now(),
  });
  deps.qualityQueue.touch(project.id);
  return { answerId: found.answerId, verdict: input.verdict, ...result };
}
