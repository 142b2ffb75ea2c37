import { createRoute } from '@hono/zod-openapi';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { errorBody } from '../../shared/api.ts';
import { walletCallsBody } from '../../shared/chainApi.ts';
import {
  chatCompletionBody,
  chatCompletionRequest,
  gatewayBalanceBody,
  gatewayBalanceQuery,
  gatewayCallsBody,
  gatewayCallsQuery,
  gatewayEndpointBody,
  gatewayEndpointView,
  gatewayFundCallsBody,
  gatewayModelsBody,
  gatewayUsageBody,
  gatewayUsageQuery,
} from '../../shared/gatewayApi.ts';
import { assetUsage } from '../../usecases/gateway/assetUsage.ts';
import { gatewayBalance } from '../../usecases/gateway/gatewayBalance.ts';
import { gatewayChat } from '../../usecases/gateway/gatewayChat.ts';
import { gatewayFundCalls } from '../../usecases/gateway/gatewayFundCalls.ts';
import { getGatewayEndpoint } from '../../usecases/gateway/getGatewayEndpoint.ts';
import { myGatewayCalls } from '../../usecases/gateway/myGatewayCalls.ts';
import { setGatewayEndpoint } from '../../usecases/gateway/setGatewayEndpoint.ts';
import { type HttpDeps, requireActor, router } from '../context.ts';
import {
  presentGatewayBalance,
  presentGatewayCall,
  presentGatewayEndpoint,
  presentGatewayUsage,
} from '../gatewayPresenters.ts';
import { json, ok } from '../openapi.ts';

const assetParams = z.object({ id: z.string().uuid('asset ids are UUIDs') });
const gatewayParams = z.object({ assetId: z.string().uuid('asset ids are UUIDs') });
const refusal = (description: string) => ({
  content: { 'application/json': { schema: errorBody } },
  description,
});

/** The metered gateway: endpoints of models and agents, OpenAI-compatible calls, prepaid budgets and usage. */
export function gatewayRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'put',
      path: '/assets/{id}/endpoint',
      tags: ['gateway'],
      summary: 'Set a model’s or agent’s upstream (OpenAI-compatible), its pricing and its revenue split',
      request: { params: assetParams, ...json(gatewayEndpointBody) },
      responses: ok(gatewayEndpointView, 'The endpoint as callers see it, with the upstream for its owners'),
    }),
    async (c) => {
      const endpoint = await setGatewayEndpoint(deps, requireActor(c), {
        assetId: c.req.valid('param').id,
        ...c.req.valid('json'),
      });
      c.get('log').info({ assetId: endpoint.assetId }, 'gateway endpoint set');
      return c.json(presentGatewayEndpoint(endpoint, true), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/endpoint',
      tags: ['gateway'],
      request: { params: assetParams },
      responses: ok(
        gatewayEndpointView.nullable(),
        'Where to call the asset, its pricing and its split; null while its owner has not set an endpoint',
      ),
    }),
    async (c) => {
      const r = await getGatewayEndpoint(deps, requireActor(c), c.req.valid('param').id);
      return c.json(r.endpoint ? presentGatewayEndpoint(r.endpoint, r.owner) : null, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/assets/{id}/usage',
      tags: ['gateway'],
      summary: 'Gateway calls, tokens and revenue per UTC day, for the asset’s organization',
      request: { params: assetParams, query: gatewayUsageQuery },
      responses: ok(gatewayUsageBody, 'Usage by day, oldest first'),
    }),
    async (c) => {
      const usage = await assetUsage(deps, requireActor(c), {
        assetId: c.req.valid('param').id,
        days: c.req.valid('query').days,
      });
      return c.json(presentGatewayUsage(usage), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gateway/{assetId}/v1/chat/completions',
      tags: ['gateway'],
      summary:
        'OpenAI chat completions through the asset’s upstream, licensed, metered and paid from your prepaid budget',
      request: { params: gatewayParams, ...json(chatCompletionRequest) },
      responses: {
        ...ok(
          chatCompletionBody,
          'The upstream’s chat completion as it answered; x-caravan-* headers carry the receipt',
        ),
        402: refusal(
          'No license (LICENSE_REQUIRED) or not enough prepaid (INSUFFICIENT_BALANCE); the message says what to do',
        ),
        502: refusal('The upstream failed (UPSTREAM_FAILED); nothing was charged'),
      },
    }),
    async (c) => {
      const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
      const r = await gatewayChat(deps, requireActor(c), {
        assetId: c.req.valid('param').assetId,
        apiKey: bearer,
        request: c.req.valid('json'),
      });
      c.get('log').info({ callId: r.callId, costWei: r.costWei.toString() }, 'gateway call');
      c.header('x-caravan-call-id', r.callId);
      c.header('x-caravan-cost-wei', r.costWei.toString());
      // Base64, since a receipt may name a model in any script and header values are bytes.
      c.header('x-caravan-receipt', Buffer.from(r.receipt, 'utf8').toString('base64'));
      if (r.signature) c.header('x-caravan-receipt-signature', r.signature);
      if (r.signer) c.header('x-caravan-receipt-signer', r.signer);
      // The upstream's bytes, untouched, so their sha256 is the receipt's.
      return c.body(r.text, 200, { 'content-type': 'application/json; charset=utf-8' }) as never;
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/gateway/{assetId}/v1/models',
      tags: ['gateway'],
      summary: 'The model the asset’s gateway serves, as OpenAI lists models',
      request: { params: gatewayParams },
      responses: ok(gatewayModelsBody, 'One model'),
    }),
    async (c) => {
      const { assetId } = c.req.valid('param');
      const { endpoint } = await getGatewayEndpoint(deps, requireActor(c), assetId);
      if (!endpoint)
        throw new DomainError(
          'GATEWAY_NOT_CONFIGURED',
          'this asset has no endpoint: its owner has not set one yet',
          {
            assetId,
          },
        );
      return c.json(
        {
          object: 'list' as const,
          data: [
            {
              id: endpoint.model,
              object: 'model' as const,
              created: Math.floor(endpoint.updatedAt.getTime() / 1000),
              owned_by: `caravan:asset:${endpoint.assetId}`,
            },
          ],
        },
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/gateway/balance',
      tags: ['gateway'],
      request: { query: gatewayBalanceQuery },
      responses: ok(
        gatewayBalanceBody,
        'Your organization’s prepaid gateway budget: prepaid, spent, available',
      ),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const b = await gatewayBalance(deps, requireActor(c), { orgId: q.orgId, token: q.token });
      return c.json(presentGatewayBalance(b), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/gateway/fund-calls',
      tags: ['gateway'],
      summary: 'The approve and fund calls for your wallet, to prepay your organization’s gateway calls',
      request: json(gatewayFundCallsBody),
      responses: ok(walletCallsBody, 'Send these from your wallet, in order'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const calls = await gatewayFundCalls(deps, requireActor(c), {
        amountWei: BigInt(body.amountWei),
        token: body.token,
        orgId: body.orgId,
      });
      return c.json({ calls: calls.map((x) => ({ to: x.to, data: x.data, label: x.label })) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me/gateway-calls',
      tags: ['gateway'],
      request: { query: gatewayCallsQuery },
      responses: ok(gatewayCallsBody, 'Your gateway calls, newest first, with their receipts'),
    }),
    async (c) => {
      const q = c.req.valid('query');
      const page = await myGatewayCalls(deps, requireActor(c), { cursor: q.cursor, limit: q.limit });
      return c.json({ calls: page.calls.map(presentGatewayCall), nextCursor: page.nextCursor }, 200);
    },
  );

  return app;
}
