import { DomainError } from '../../domain/errors.ts';
import { checkAgainstConsensus } from '../../domain/quality/review/checkAgainstConsensus.ts';
import type { ReviewReason } from '../../shared/api.ts';
import type { Deps } from '../deps.ts';
import type { Actor } from '../ports.ts';
import { parseFixedAnswer } from './parseFixedAnswer.ts';
import { reviewsAsRequester } from './reviewRefusal.ts';

export type ReviewVerdict = 'approve' | 'reject' | 'fix';

/** `recorded`: the review decided the answer (or was a check of the reviewer); `already_decided`: it came too late. */
export type ReviewOutcome = { id: string; verdict: ReviewVerdict; outcome: 'recorded' | 'already_decided' };

/**
 * Records a reviewer's verdict. A normal review decides an answer still in review: approve, reject, or fix (the
 * fix becomes the item's label; the answer is approved if it agrees with it). A gold review only scores the
 * reviewer. Either way the review is paid, except a gold review judged wrong; requesters are not paid.
 */
export async function submitReview(
  deps: Pick<Deps, 'reviews' | 'clock' | 'qualityQueue'>,
  actor: Actor,
  input: {
    reviewId: string;
    verdict: ReviewVerdict;
    reasonCode?: ReviewReason | undefined;
    note?: string | undefined;
    fixedAnswer?: unknown;
  },
): Promise<ReviewOutcome> {
  const now = deps.clock.now();
  const review = await deps.reviews.submitContext(input.reviewId);
  if (!review || review.reviewerId !== actor.id)
    throw new DomainError('NOT_FOUND', `no review ${input.reviewId} of yours`);
  if (review.status === 'done') throw new DomainError('REVIEW_CLOSED', 'you already submitted this review');
  if (review.status === 'expired' || review.expiresAt <= now)
    throw new DomainError('LEASE_EXPIRED', 'your time on this review ran out; take the next one');
  const { project } = review;
  const fixed =
    input.verdict === 'fix' ? parseFixedAnswer(project.annotation, review.itemData, input.fixedAnswer) : null;

  // A fix says the answer was not right as given: for scoring a gold review it counts as a rejection.
  const isCorrect = review.isGold ? (input.verdict === 'approve') === review.answerIsCorrect : null;
  const check =
    fixed === null || review.isGold ? null : checkAgainstConsensus(project.annotation, review.answer, fixed);
  const answerStatus =
    input.verdict === 'approve' || (input.verdict === 'fix' && check?.agrees) ? 'approved' : 'rejected';
  const rewardWei =
    reviewsAsRequester(actor, project) || isCorrect === false ? 0n : BigInt(project.quality.review.rewardWei);
  const result = await deps.reviews.submit({
    id: review.id,
    verdict: input.verdict,
    reasonCode: input.reasonCode ?? null,
    note: input.note ?? null,
    fixedAnswer: fixed,
    isCorrect,
    rewardWei,
    answerStatus,
    decisionReason: decisionReason(input, check?.agrees ?? null),
    now,
  });
  if (!result) {
    // Between our read and the write, the review was submitted by a parallel request or ran out.
    const latest = await deps.reviews.submitContext(input.reviewId);
    if (latest?.status === 'done')
      throw new DomainError('REVIEW_CLOSED', 'you already submitted this review');
    throw new DomainError('LEASE_EXPIRED', 'your time on this review ran out; take the next one');
  }
  if (result.answerChanged) deps.qualityQueue.touch(project.id);
  return {
    id: review.id,
    verdict: input.verdict,
    outcome: review.isGold || result.answerChanged ? 'recorded' : 'already_decided',
  };
}

/** What the contributor is told about their answer: the verdict, the reason code and the reviewer's note. */
function decisionReason(
  input: { verdict: ReviewVerdict; reasonCode?: string | undefined; note?: string | undefined },
  agreesWithFix: boolean | null,
): string {
  const code = input.reasonCode ? ` (${input.reasonCode})` : '';
  const head =
    input.verdict === 'approve'
      ? `Approved in review${code}.`
      : input.verdict === 'reject'
        ? `Rejected in review${code}.`
        : `Corrected in review${code}; the answer ${agreesWithFix ? 'agrees with' : 'differs from'} the correction.`;
  return input.note ? `${head} ${input.note}` : head;
}
