import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  nextReviewBody,
  reviewLeaseBody,
  reviewQueueBody,
  reviewResultBody,
  submitReviewBody,
} from '../../shared/api.ts';
import { listReviewQueue } from '../../usecases/review/listReviewQueue.ts';
import { nextReview } from '../../usecases/review/nextReview.ts';
import { submitReview } from '../../usecases/review/submitReview.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentReviewQueue, presentReviewTask } from '../presenters.ts';

const reviewParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'review ids are whole numbers') });

const OUTCOME_MESSAGES = {
  recorded: 'Thank you: your review is recorded.',
  already_decided:
    'Your review is recorded and counts, but the answer had already been decided meanwhile, so it stays as it was.',
} as const;

/** Peer review: the projects a reviewer may review, blind review tasks, and verdicts. */
export function reviewRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/reviews',
      tags: ['review'],
      responses: ok(reviewQueueBody, 'Projects you may review now, with what waits, and your reviews so far'),
    }),
    async (c) => c.json(presentReviewQueue(await listReviewQueue(deps, requireActor(c))), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews/next',
      tags: ['review'],
      summary: 'Lease the next answer to review',
      description:
        'Returns the review you already hold in the project (a reload), or leases a new one; `{ review: null }` when ' +
        'nothing waits for you. Reviews are blind: nothing says who answered.',
      request: json(nextReviewBody),
      responses: ok(reviewLeaseBody, 'The review task, or null'),
    }),
    async (c) => {
      const task = await nextReview(deps, requireActor(c), { projectId: c.req.valid('json').projectId });
      return c.json({ review: task ? presentReviewTask(task) : null }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reviews/{id}',
      tags: ['review'],
      summary: 'Approve, reject (with a reason code) or fix the answer under review',
      request: { params: reviewParams, ...json(submitReviewBody) },
      responses: ok(reviewResultBody, 'The review is recorded'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await submitReview(deps, requireActor(c), {
        reviewId: c.req.valid('param').id,
        verdict: body.verdict,
        reasonCode: body.reasonCode,
        note: body.note,
        fixedAnswer: body.fixedAnswer,
      });
      return c.json(
        {
          id: result.id,
          verdict: result.verdict,
          outcome: result.outcome,
          message: OUTCOME_MESSAGES[result.outcome],
        },
        200,
      );
    },
  );

  return app;
}
