import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { qaQuery, qaResultBody, qaSampleBody, submitQaBody } from '../../shared/api.ts';
import { sampleForQa } from '../../usecases/qa/sampleForQa.ts';
import { submitQa } from '../../usecases/qa/submitQa.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentQaAnswer } from '../presenters.ts';

const projectParams = z.object({ id: z.string().uuid('project ids are UUIDs') });
const answerParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'answer ids are whole numbers') });

/** The requester's own quality check: a sample of decided answers, and verdicts that override the machine's. */
export function qaRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/qa',
      tags: ['qa'],
      summary: 'A random sample of decided answers not checked yet, with who gave them',
      request: { params: projectParams, query: qaQuery },
      responses: ok(qaSampleBody, 'The sample and how much of the project was checked'),
    }),
    async (c) => {
      const result = await sampleForQa(deps, requireActor(c), {
        projectId: c.req.valid('param').id,
        size: c.req.valid('query').size,
      });
      return c.json({ answers: result.answers.map(presentQaAnswer), counts: result.counts }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/answers/{id}/qa',
      tags: ['qa'],
      summary: 'Accept, fix or reject an answer, over any earlier decision',
      request: { params: answerParams, ...json(submitQaBody) },
      responses: ok(qaResultBody, 'The answer as decided now'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const result = await submitQa(deps, requireActor(c), {
        answerId: c.req.valid('param').id,
        verdict: body.verdict,
        fixedAnswer: body.fixedAnswer,
        note: body.note,
      });
      return c.json(
        {
          answerId: result.answerId,
          verdict: result.verdict,
          status: result.status,
          decidedAt: result.decidedAt.toISOString(),
        },
        200,
      );
    },
  );

  return app;
}
