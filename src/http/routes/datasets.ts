import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import {
  datasetBody,
  datasetDetailBody,
  datasetListBody,
  datasetListQuery,
  datasetSharePageBody,
  myDatasetSharesBody,
  pageQuery,
  publishDatasetBody,
} from '../../shared/api.ts';
import { getDataset } from '../../usecases/datasets/getDataset.ts';
import { listDatasetShares } from '../../usecases/datasets/listDatasetShares.ts';
import { listDatasets } from '../../usecases/datasets/listDatasets.ts';
import { myDatasetShares } from '../../usecases/datasets/myDatasetShares.ts';
import { publishDataset } from '../../usecases/datasets/publishDataset.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentDataset, presentDatasetShare } from '../presenters.ts';

const projectParams = z.object({ id: z.string().uuid('project ids are UUIDs') });
const datasetParams = z.object({ id: z.string().uuid('dataset ids are UUIDs') });
const firstPageQuery = z.object({ limit: pageQuery.shape.limit });

/** Community datasets: publication with frozen co-ownership shares, the catalogue, and each contributor's shares. */
export function datasetRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/projects/{id}/publish',
      tags: ['datasets'],
      summary:
        'Publish a community project’s dataset once, freezing its co-owners’ shares and their Merkle root',
      request: { params: projectParams, ...json(publishDatasetBody) },
      responses: ok(datasetBody, 'The published dataset', 201),
    }),
    async (c) => {
      const dataset = await publishDataset(deps, requireActor(c), {
        projectId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json(presentDataset(dataset), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/datasets',
      tags: ['datasets'],
      request: { query: datasetListQuery },
      responses: ok(datasetListBody, 'Published datasets, newest first'),
    }),
    async (c) => {
      requireActor(c);
      const page = await listDatasets(deps, c.req.valid('query'));
      return c.json({ datasets: page.datasets.map(presentDataset), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/datasets/{id}',
      tags: ['datasets'],
      request: { params: datasetParams, query: firstPageQuery },
      responses: ok(datasetDetailBody, 'The dataset, its share formula and the first page of its co-owners'),
    }),
    async (c) => {
      requireActor(c);
      const detail = await getDataset(deps, { datasetId: c.req.valid('param').id, ...c.req.valid('query') });
      return c.json(
        {
          dataset: presentDataset(detail.dataset),
          formula: { ...detail.formula },
          shares: detail.shares.map(presentDatasetShare),
          nextCursor: detail.nextCursor,
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/datasets/{id}/shares',
      tags: ['datasets'],
      request: { params: datasetParams, query: pageQuery },
      responses: ok(datasetSharePageBody, 'Co-owners by rank, with their Merkle proofs'),
    }),
    async (c) => {
      requireActor(c);
      const page = await listDatasetShares(deps, {
        datasetId: c.req.valid('param').id,
        ...c.req.valid('query'),
      });
      return c.json({ shares: page.shares.map(presentDatasetShare), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/dataset-shares',
      tags: ['datasets'],
      responses: ok(myDatasetSharesBody, 'Your co-ownership in every published dataset'),
    }),
    async (c) => {
      const mine = await myDatasetShares(deps, requireActor(c));
      return c.json(
        {
          shares: mine.map((m) => ({
            dataset: presentDataset(m.dataset),
            share: presentDatasetShare(m.share),
          })),
        },
        200,
      );
    },
  );

  return app;
}
