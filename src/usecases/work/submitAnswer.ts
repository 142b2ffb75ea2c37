import { DomainError } from '../../domain/errors.ts';
import { answerHash } from '../../domain/ledger/answerHash.ts';
import { canonicalJson } from '../../domain/ledger/canonicalJson.ts';
import { ledgerPayloadText } from '../../domain/ledger/ledgerEntryHash.ts';
import { answerText, TEXT_ANSWER_METHODS } from '../../domain/quality/screening/answerText.ts';
import { lshBuckets } from '../../domain/quality/screening/lshBuckets.ts';
import { minHashSignature } from '../../domain/quality/screening/minHashSignature.ts';
import { screenAnswer } from '../../domain/quality/screening/screenAnswer.ts';
import { answerMatchesGold } from '../../domain/tasks/answerMatchesGold.ts';
import { utcDayStart } from '../../domain/tasks/utcDayStart.ts';
import type { ExamStatus } from '../../shared/api.ts';
import type { UserId } from '../../shared/brand.ts';
import { answerSchemaFor } from '../../shared/methods.ts';
import { hasUnstorableText, UNSTORABLE_MESSAGE } from '../../shared/text.ts';
import type { Deps } from '../deps.ts';
import type { Actor, StoredAnswer } from '../ports.ts';

export type SubmitOutcome = StoredAnswer & { replayed: boolean; exam: ExamStatus | null };

/**
 * Accepts a contributor's answer exactly once: validated against the project's method, then stored with its
 * hash-chained ledger entry in one transaction. A retry with the same idempotency key returns the first result.
 */
export async function submitAnswer(
  deps: Pick<Deps, 'work' | 'clock' | 'qualityQueue'>,
  actor: Actor,
  input: {
    assignmentId: string;
    answer: unknown;
    durationMs?: number | undefined;
    idempotencyKey?: string | undefined;
  },
): Promise<SubmitOutcome> {
  const now = deps.clock.now();
  const key = input.idempotencyKey ?? null;
  const context = await deps.work.submitContext(input.assignmentId, actor.id, key, utcDayStart(now));
  const earlier = context
    ? context.earlier
    : key
      ? await deps.work.answerByIdempotencyKey(actor.id, key)
      : null;
  if (earlier) {
    if (earlier.assignmentId !== input.assignmentId)
      throw new DomainError(
        'IDEMPOTENCY_CONFLICT',
        'this idempotency key was already used for another assignment',
      );
    return { ...earlier, replayed: true, exam: null };
  }
  if (!context || context.assignment.userId !== actor.id)
    throw new DomainError('NOT_FOUND', `no assignment ${input.assignmentId} of yours`);
  const { assignment, project } = context;
  if (assignment.status !== 'leased')
    throw new DomainError('ASSIGNMENT_CLOSED', `this assignment was already ${assignment.status}`);
  if (assignment.expiresAt <= now)
    throw new DomainError(
      'LEASE_EXPIRED',
      'your time on this item ran out and it went back to the pool; take the next one',
    );
  if (project.status !== 'active')
    throw new DomainError('PROJECT_NOT_ACTIVE', `this task is ${project.status}; it takes no answers now`);
  if (project.deadline && new Date(project.deadline) <= now)
    throw new DomainError('PROJECT_NOT_ACTIVE', 'this task has passed its deadline; it takes no answers now');

  const parsed = answerSchemaFor(project.annotation, assignment.itemData).safeParse(input.answer);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new DomainError(
      'ANSWER_INVALID',
      first ? `${first.path.join('.') || 'answer'}: ${first.message}` : 'invalid answer',
      {
        issues: parsed.error.issues.map((i) => ({ path: i.path, message: i.message })),
      },
    );
  }
  if (assignment.kind === 'work' && context.doneToday >= project.dailyCap)
    throw new DomainError(
      'DAILY_CAP_REACHED',
      `you reached this project's daily cap of ${project.dailyCap}; it resets at 00:00 UTC`,
    );
  const answer = parsed.data;
  if (hasUnstorableText(answer)) throw new DomainError('ANSWER_INVALID', `the answer ${UNSTORABLE_MESSAGE}`);
  const hash = answerHash(answer);
  const isCorrect =
    assignment.isGold && assignment.goldAnswer !== null
      ? answerMatchesGold(project.annotation, answer, assignment.goldAnswer)
      : null;
  // The server's own clock bounds the time taken: a client may report less, never more.
  const elapsedMs = now.getTime() - assignment.leasedAt.getTime();
  const durationMs = Math.max(0, Math.min(input.durationMs ?? elapsedMs, elapsedMs));
  const rules = project.quality.screening;
  const text = TEXT_ANSWER_METHODS.has(project.annotation.method) ? answerText(answer) : null;
  const signature =
    text !== null && rules.nearDuplicate.enabled && text.trim().length >= rules.nearDuplicate.minLength
      ? minHashSignature(text)
      : null;
  const fingerprint = signature ? { signature, buckets: lshBuckets(signature) } : null;
  const screened =
    assignment.kind === 'exam'
      ? { outcome: 'pass' as const, verdicts: [] }
      : screenAnswer(rules, {
          annotation: project.annotation,
          itemData: assignment.itemData,
          contributorId: actor.id as UserId,
          answer,
          durationMs,
          recentAnswers: context.recent.map((a) => canonicalJson(a)),
          earlierTexts: fingerprint
            ? (await deps.work.similarTexts(project.id, fingerprint.buckets)).map((t) => ({
                contributorId: t.contributorId as UserId,
                signature: t.signature,
              }))
            : [],
          ...(assignment.isGold && assignment.goldAnswer !== null ? { gold: assignment.goldAnswer } : {}),
        });
  let stored: StoredAnswer | null;
  try {
    stored = await deps.work.submit({
      assignment,
      project,
      contributor: actor.address,
      answer,
      answerHash: hash,
      payloadText: ledgerPayloadText({
        contributor: actor.address,
        itemId: assignment.itemId,
        answerHash: hash,
        createdAt: now.toISOString(),
      }),
      durationMs,
      idempotencyKey: input.idempotencyKey ?? null,
      isCorrect,
      screening: screened.verdicts,
      screenOutcome: screened.outcome,
      rewardWei: assignment.kind === 'work' ? BigInt(project.rewardPerItemWei) : 0n,
      now,
    });
  } catch (error) {
    // Two requests raced with the same key: the other one stored it; answer as a replay.
    if (input.idempotencyKey && (error as { code?: string }).code === '23505') {
      const earlier = await deps.work.answerByIdempotencyKey(actor.id, input.idempotencyKey);
      if (earlier?.assignmentId === input.assignmentId) return { ...earlier, replayed: true, exam: null };
      if (earlier)
        throw new DomainError(
          'IDEMPOTENCY_CONFLICT',
          'this idempotency key was already used for another assignment',
        );
    }
    throw error;
  }
  if (!stored) {
    // Between our read and the write, the lease was submitted by a parallel request or ran out.
    const latest = await deps.work.assignment(input.assignmentId);
    if (latest?.status === 'submitted')
      throw new DomainError('ASSIGNMENT_CLOSED', 'this assignment was already submitted');
    throw new DomainError(
      'LEASE_EXPIRED',
      'your time on this item ran out and it went back to the pool; take the next one',
    );
  }
  if (fingerprint)
    await deps.work.saveTextSignature({
      answerId: stored.answerId,
      projectId: project.id,
      userId: actor.id,
      signature: fingerprint.signature,
      buckets: fingerprint.buckets,
    });
  if (assignment.kind === 'work') deps.qualityQueue.touch(project.id);
  const exam = assignment.kind === 'exam' ? await deps.work.examStatus(project, actor.id) : null;
  return { ...stored, replayed: false, exam };
}
