import { createRoute } from '@hono/zod-openapi';
import { stream } from 'hono/streaming';
import { z } from 'zod';
import {
  assetDetailBody,
  assetListBody,
  assetListQuery,
  earningsBody,
  purchasesBody,
  registerAssetBody,
  registerDatasetBody,
  registeredAssetBody,
} from '../../shared/api.ts';
import { walletCallsBody } from '../../shared/chainApi.ts';
import type { WalletCall } from '../../usecases/chainPorts.ts';
import { datasetDownload } from '../../usecases/market/datasetDownload.ts';
import { getAsset } from '../../usecases/market/getAsset.ts';
import { listAssets } from '../../usecases/market/listAssets.ts';
import { myEarnings } from '../../usecases/market/myEarnings.ts';
import { myPurchases } from '../../usecases/market/myPurchases.ts';
import { purchaseCalls } from '../../usecases/market/purchaseCalls.ts';
import { registerAsset } from '../../usecases/market/registerAsset.ts';
import { registerDataset } from '../../usecases/market/registerDataset.ts';
import { revenueClaimCalls } from '../../usecases/market/revenueClaimCalls.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentAsset, presentAssetDetail, presentEarning, presentPurchase } from '../presenters.ts';

const assetParams = z.object({ id: z.string().uuid('asset ids are UUIDs') });
const datasetParams = z.object({ id: z.string().uuid('dataset ids are UUIDs') });
const presentCalls = (calls: WalletCall[]) => ({
  calls: calls.map((x) => ({ to: x.to, data: x.data, label: x.label })),
});

/** The marketplace: assets with license terms and lineage, licenses, downloads and royalties. */
export function marketRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assets',
      tags: ['market'],
      summary: 'Registered datasets, models and agents, newest first, by search and filters',
      request: { query: assetListQuery },
      responses: ok(assetListBody, 'A page of assets'),
    }),
    async (c) => {
      requireActor(c);
      const page = await listAssets(deps, c.req.valid('query'));
      return c.json({ assets: page.assets.map(presentAsset), nextCursor: page.nextCursor }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assets',
      tags: ['market'],
      summary:
        'Register your organization’s model, agent or dataset: a draft, and the call your wallet sends',
      request: json(registerAssetBody),
      responses: ok(registeredAssetBody, 'The draft and the register call', 201),
    }),
    async (c) => {
      const r = await registerAsset(deps, requireActor(c), c.req.valid('json'));
      return c.json({ asset: presentAsset(r.asset), ...presentCalls(r.calls) }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}',
      tags: ['market'],
      request: { params: assetParams },
      responses: ok(assetDetailBody, 'The asset: terms, lineage, owners, samples, provenance, your license'),
    }),
    async (c) => {
      const detail = await getAsset(deps, requireActor(c), c.req.valid('param').id);
      return c.json(presentAssetDetail(detail), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assets/{id}/purchase-calls',
      tags: ['market'],
      summary: 'The approve and purchaseLicense calls for your wallet, at the current price',
      request: { params: assetParams },
      responses: ok(walletCallsBody, 'The calls, in order'),
    }),
    async (c) =>
      c.json(presentCalls(await purchaseCalls(deps, requireActor(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/assets/{id}/claim-calls',
      tags: ['market'],
      summary: 'One claimRevenue call per token you can claim from the asset now',
      request: { params: assetParams },
      responses: ok(walletCallsBody, 'The calls'),
    }),
    async (c) =>
      c.json(presentCalls(await revenueClaimCalls(deps, requireActor(c), c.req.valid('param').id)), 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/download',
      tags: ['market'],
      summary: 'A dataset’s rows (item data and label), one JSON object a line, for owners and licensees',
      request: { params: assetParams },
      responses: {
        200: { description: 'The rows', content: { 'application/x-ndjson': { schema: z.string() } } },
      },
    }),
    async (c) => {
      const { asset, rows } = await datasetDownload(deps, requireActor(c), c.req.valid('param').id);
      const safeName = asset.name.replace(/[^A-Za-z0-9_-]+/g, '-').slice(0, 60) || 'dataset';
      c.header('content-type', 'application/x-ndjson; charset=utf-8');
      c.header('content-disposition', `attachment; filename="${safeName}.jsonl"`);
      // A stream is not a typed JSON body, which is all the route types know of.
      return stream(c, async (out) => {
        for await (const page of rows) {
          let chunk = '';
          for (const r of page)
            chunk += `${JSON.stringify({ item_id: r.itemId, external_id: r.externalId, data: r.data, label: r.label })}\n`;
          await out.write(chunk);
        }
      }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/purchases',
      tags: ['market'],
      responses: ok(purchasesBody, 'The licenses your address bought, newest first'),
    }),
    async (c) => c.json({ purchases: (await myPurchases(deps, requireActor(c))).map(presentPurchase) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/earnings',
      tags: ['market'],
      responses: ok(earningsBody, 'Revenue of every asset you own or co-own, per token'),
    }),
    async (c) => c.json({ assets: (await myEarnings(deps, requireActor(c))).map(presentEarning) }, 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/datasets/{id}/register',
      tags: ['market'],
      summary:
        'Register a published community dataset on the marketplace and commit its co-owners’ shares on chain',
      request: { params: datasetParams, ...json(registerDatasetBody) },
      responses: ok(registeredAssetBody, 'The registered asset (the platform sent the transactions)'),
    }),
    async (c) => {
      const asset = await registerDataset(deps, requireActor(c), {
        datasetId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      return c.json({ asset: presentAsset(asset), calls: [] }, 200);
    },
  );

  return app;
}
