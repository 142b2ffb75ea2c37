import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  flagQuery,
  labelPageBody,
  pageQuery,
  qualityReportBody,
  qualityRunBody,
  resolveFlagBody,
  sybilFlagBody,
  sybilFlagListBody,
} from '../../shared/api.ts';
import { accessProject } from '../../usecases/projects/accessProject.ts';
import { requireAdmin, resolveFlag } from '../../usecases/quality/resolveFlag.ts';
import { runQualityPass } from '../../usecases/quality/runQualityPass.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';

const params = z.object({ id: z.string().uuid('project ids are UUIDs') });
const flagParams = z.object({ id: z.string().regex(/^\d{1,18}$/, 'flag ids are whole numbers') });

/** A project's quality: the dashboard, its final labels, a pass on demand; spam flags for admins. */
export function qualityRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/quality',
      tags: ['quality'],
      request: { params },
      responses: ok(qualityReportBody, 'Agreement, gold accuracy, decisions and contributors'),
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      return c.json(await deps.quality.report(project), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/quality/run',
      tags: ['quality'],
      summary: 'Run the quality pass now (it also runs by itself a moment after answers arrive)',
      request: { params },
      responses: ok(qualityRunBody, 'What the pass decided'),
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      const summary = await runQualityPass(deps, project.id);
      return c.json(
        {
          decided: summary?.decided ?? 0,
          judged: summary?.judged ?? 0,
          judgeErrors: summary?.judgeErrors ?? 0,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/projects/{id}/labels',
      tags: ['quality'],
      request: { params, query: pageQuery },
      responses: ok(labelPageBody, 'Aggregated labels with their confidence, by item'),
    }),
    async (c) => {
      const project = await accessProject(deps, requireActor(c), c.req.valid('param').id);
      const { cursor, limit } = c.req.valid('query');
      const labels = await deps.quality.labels(project.id, cursor ?? null, limit);
      return c.json(
        { labels, nextCursor: labels.length === limit ? (labels.at(-1)?.itemId ?? null) : null },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/admin/flags',
      tags: ['admin'],
      request: { query: flagQuery },
      responses: ok(sybilFlagListBody, 'Contributors flagged as spammers or colluders, newest first'),
    }),
    async (c) => {
      requireAdmin(requireActor(c));
      return c.json({ flags: await deps.quality.flags(c.req.valid('query').status, 200) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/admin/flags/{id}',
      tags: ['admin'],
      request: { params: flagParams, ...json(resolveFlagBody) },
      responses: ok(sybilFlagBody, 'The flag as ruled'),
    }),
    async (c) =>
      c.json(
        await resolveFlag(deps, requireActor(c), {
          id: c.req.valid('param').id,
          status: c.req.valid('json').status,
        }),
        200,
      ),
  );

  return app;
}
