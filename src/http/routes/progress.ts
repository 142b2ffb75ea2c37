import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  checkInBody,
  leaderboardBody,
  leaderboardQuery,
  profileBody,
  reputationImportBody,
  reputationImportResultBody,
} from '../../shared/api.ts';
import { checkIn } from '../../usecases/progress/checkIn.ts';
import { getProfile } from '../../usecases/progress/getProfile.ts';
import { importReputation } from '../../usecases/progress/importReputation.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';

const addressParams = z.object({
  address: z.string().regex(/^0x[0-9a-fA-F]{40}$/, 'addresses are 0x followed by 40 hex digits'),
});

/** Contributors' progress: profiles, the leaderboard, the daily check-in, reputation import. */
export function progressRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/profile',
      tags: ['progress'],
      responses: ok(profileBody, 'Your XP, level, tier, accuracy, achievements and earnings'),
    }),
    async (c) => c.json(await getProfile(deps, { userId: requireActor(c).id }), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/users/{address}/profile',
      tags: ['progress'],
      request: { params: addressParams },
      responses: ok(profileBody, 'A contributor’s public progress'),
    }),
    async (c) => {
      requireActor(c);
      return c.json(await getProfile(deps, { address: c.req.valid('param').address }), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/leaderboard',
      tags: ['progress'],
      request: { query: leaderboardQuery },
      responses: ok(leaderboardBody, 'Contributors by XP'),
    }),
    async (c) => {
      requireActor(c);
      const { offset, limit } = c.req.valid('query');
      return c.json(await deps.progress.leaderboard(offset, limit), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/me/checkin',
      tags: ['progress'],
      responses: ok(checkInBody, 'Checked in for today (UTC)'),
    }),
    async (c) => c.json(await checkIn(deps, requireActor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/reputation/import',
      tags: ['progress'],
      summary: 'Import early adopters’ XP: as an admin, or with a file signed by the reputation signer',
      request: json(reputationImportBody),
      responses: ok(reputationImportResultBody, 'How many entries were new'),
    }),
    async (c) => c.json(await importReputation(deps, requireActor(c), c.req.valid('json')), 200),
  );

  return app;
}
