import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import {
  assignmentBody,
  examStartBody,
  examStatusBody,
  historyPageBody,
  idempotencyKey,
  pageQuery,
  skipBody,
  submitAnswerBody,
  submitResultBody,
  taskDetailBody,
  taskListBody,
  taskQuery,
} from '../../shared/api.ts';
import { getTask, listTasks } from '../../usecases/work/listTasks.ts';
import { nextAssignment } from '../../usecases/work/nextAssignment.ts';
import { releaseAssignment, skipAssignment } from '../../usecases/work/skipAssignment.ts';
import { activeProject, startExam } from '../../usecases/work/startExam.ts';
import { submitAnswer } from '../../usecases/work/submitAnswer.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentAssignment, presentHistory } from '../presenters.ts';

const projectParams = z.object({ projectId: z.string().uuid('task ids are project UUIDs') });
const assignmentParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'assignment ids are numbers') });

/** The contributor's side: discovery, exams, leases, answers, skips and history. */
export function workRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks',
      tags: ['work'],
      request: { query: taskQuery },
      responses: ok(taskListBody, 'Tasks open to you first; locked ones last with what unlocks them'),
    }),
    async (c) => c.json({ tasks: await listTasks(deps, requireActor(c), c.req.valid('query')) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks/{projectId}',
      tags: ['work'],
      request: { params: projectParams },
      responses: ok(taskDetailBody, 'A task with its instructions'),
    }),
    async (c) => {
      const { projectId } = c.req.valid('param');
      const task = await getTask(deps, requireActor(c), projectId);
      if (!task) throw new DomainError('NOT_FOUND', `no open task ${projectId}`);
      return c.json(task, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/tasks/{projectId}/exam',
      tags: ['work'],
      request: { params: projectParams },
      responses: ok(examStatusBody, 'Your standing on the qualification exam'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const project = await activeProject(deps, c.req.valid('param').projectId);
      return c.json(await deps.work.examStatus(project, actor.id), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tasks/{projectId}/exam',
      tags: ['work'],
      request: { params: projectParams },
      responses: ok(examStartBody, 'The exam questions, answered like work'),
    }),
    async (c) => {
      const result = await startExam(deps, requireActor(c), c.req.valid('param').projectId);
      return c.json({ status: result.status, assignments: result.assignments.map(presentAssignment) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/tasks/{projectId}/assignments',
      tags: ['work'],
      summary: 'Lease the next item',
      description:
        'Pass ?after=<assignment id> to get the item after the one you hold (the preloaded next item). 204 when none is left for you.',
      request: {
        params: projectParams,
        query: z.object({
          after: z
            .string()
            .regex(/^\d{1,18}$/, 'after is the id of an assignment you hold')
            .optional(),
        }),
      },
      responses: {
        ...ok(assignmentBody, 'The leased item'),
        204: { description: 'No item is left for you in this task' },
      },
    }),
    async (c) => {
      const lease = await nextAssignment(deps, requireActor(c), {
        projectId: c.req.valid('param').projectId,
        afterId: c.req.valid('query').after,
      });
      if (!lease) return c.body(null, 204);
      return c.json(presentAssignment(lease), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assignments/{id}/answer',
      tags: ['work'],
      request: { params: assignmentParams, ...json(submitAnswerBody) },
      responses: ok(submitResultBody, 'Stored once, with its ledger entry'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const header = c.req.header('idempotency-key');
      if (
        body.idempotencyKey === undefined &&
        header !== undefined &&
        !idempotencyKey.safeParse(header).success
      )
        throw new DomainError(
          'VALIDATION_FAILED',
          'the Idempotency-Key header must be 8 to 100 visible ASCII characters, e.g. a UUID',
        );
      const result = await submitAnswer(deps, requireActor(c), {
        assignmentId: c.req.valid('param').id,
        answer: body.answer,
        durationMs: body.durationMs,
        idempotencyKey: body.idempotencyKey ?? header,
      });
      return c.json(
        {
          answerId: result.answerId,
          ledgerSeq: result.ledgerSeq,
          ledgerHash: result.ledgerHash,
          replayed: result.replayed,
          exam: result.exam,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assignments/{id}/skip',
      tags: ['work'],
      request: { params: assignmentParams, ...json(skipBody) },
      responses: { 204: { description: 'Skipped; the item goes to someone else' } },
    }),
    async (c) => {
      const body = c.req.valid('json');
      await skipAssignment(deps, requireActor(c), {
        assignmentId: c.req.valid('param').id,
        reason: body.reason,
        note: body.note,
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assignments/{id}/release',
      tags: ['work'],
      summary: 'Hand a leased item back unanswered (leaving the task); it may be offered again later',
      request: { params: assignmentParams },
      responses: { 204: { description: 'Released' } },
    }),
    async (c) => {
      await releaseAssignment(deps, requireActor(c), { assignmentId: c.req.valid('param').id });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/history',
      tags: ['work'],
      request: { query: pageQuery },
      responses: ok(historyPageBody, 'Your answers, newest first'),
    }),
    async (c) => {
      const actor = requireActor(c);
      const { cursor, limit } = c.req.valid('query');
      const rows = await deps.work.history(actor.id, cursor ?? null, limit + 1);
      const page = rows.slice(0, limit);
      return c.json(
        {
          entries: page.map(presentHistory),
          nextCursor: rows.length > limit ? page[page.length - 1]!.answerId : null,
        },
        200,
      );
    },
  );

  return app;
}
