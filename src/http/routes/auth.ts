import { createRoute } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import {
  apiKeyBody,
  authConfigBody,
  createApiKeyBody,
  createdApiKeyBody,
  createOrgBody,
  devLoginBody,
  meBody,
  nonceBody,
  orgBody,
  siweLoginBody,
} from '../../shared/api.ts';
import { createApiKey } from '../../usecases/auth/createApiKey.ts';
import { devSignIn, listDevAccounts } from '../../usecases/auth/devSignIn.ts';
import { hashSecret } from '../../usecases/auth/keys.ts';
import { revokeApiKey } from '../../usecases/auth/revokeApiKey.ts';
import { issueNonce, type SignInResult, signInWithEthereum } from '../../usecases/auth/signInWithEthereum.ts';
import type { Actor } from '../../usecases/ports.ts';
import { type AppEnv, type HttpDeps, requireActor, router, siweOrigin } from '../context.ts';
import { json, ok } from '../openapi.ts';
import { presentApiKey, presentMe } from '../presenters.ts';

export const SESSION_COOKIE = 'caravan_session';

/** Sign-in, sessions, organizations and API keys. */
export function authRoutes(deps: HttpDeps) {
  const app = router();

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/config',
      tags: ['auth'],
      responses: ok(authConfigBody, 'How to sign in here'),
    }),
    (c) =>
      c.json(
        {
          chainId: deps.settings.chainId,
          devWallets: deps.settings.devWallets,
          devAccounts: deps.settings.devWallets ? listDevAccounts() : [],
        },
        200,
      ),
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/auth/nonce',
      tags: ['auth'],
      responses: ok(nonceBody, 'A single-use nonce for an EIP-4361 message'),
    }),
    async (c) => c.json({ nonce: await issueNonce(deps) }, 200),
  );

  const startSession = (c: Context<AppEnv>, result: SignInResult) => {
    setCookie(c, SESSION_COOKIE, result.sessionToken, {
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      secure: new URL(c.req.url).protocol === 'https:',
      expires: result.expiresAt,
    });
  };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/siwe',
      tags: ['auth'],
      request: json(siweLoginBody),
      responses: ok(meBody, 'Signed in; the session cookie is set'),
    }),
    async (c) => {
      const body = c.req.valid('json');
      const { domain } = siweOrigin(deps, c.req.url, c.req.header('host'));
      const result = await signInWithEthereum(deps, {
        message: body.message,
        signature: body.signature as `0x${string}`,
        domain,
      });
      startSession(c, result);
      return c.json(
        presentMe({ ...result.user, orgs: await deps.accounts.memberships(result.user.id) }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/dev',
      tags: ['auth'],
      request: json(devLoginBody),
      responses: ok(meBody, 'Signed in with a development wallet'),
    }),
    async (c) => {
      const { account } = c.req.valid('json');
      const result = await devSignIn(deps, { account, ...siweOrigin(deps, c.req.url, c.req.header('host')) });
      startSession(c, result);
      return c.json(
        presentMe({ ...result.user, orgs: await deps.accounts.memberships(result.user.id) }),
        200,
      );
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/auth/logout',
      tags: ['auth'],
      responses: { 204: { description: 'Signed out' } },
    }),
    async (c) => {
      const token = getCookie(c, SESSION_COOKIE);
      if (token) await deps.accounts.deleteSession(hashSecret(token));
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/me',
      tags: ['auth'],
      responses: ok(meBody, 'The signed-in account'),
    }),
    (c) => c.json(presentMe(requireActor(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs',
      tags: ['orgs'],
      request: json(createOrgBody),
      responses: ok(orgBody, 'The new organization; you are its owner', 201),
    }),
    async (c) => {
      const actor = requireActor(c);
      if (actor.via !== 'session')
        throw new DomainError('FORBIDDEN', 'organizations are created from a signed-in session');
      return c.json(await deps.accounts.createOrg(c.req.valid('json').name, actor.id), 201);
    },
  );

  const orgParams = z.object({ orgId: z.string().uuid('organization ids are UUIDs') });
  app.openapi(
    createRoute({
      method: 'post',
      path: '/orgs/{orgId}/api-keys',
      tags: ['orgs'],
      request: { params: orgParams, ...json(createApiKeyBody) },
      responses: ok(createdApiKeyBody, 'The key: shown once, keep it secret', 201),
    }),
    async (c) => {
      const created = await createApiKey(deps, requireActor(c), {
        orgId: c.req.valid('param').orgId,
        name: c.req.valid('json').name,
      });
      return c.json({ ...presentApiKey(created), key: created.key }, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/orgs/{orgId}/api-keys',
      tags: ['orgs'],
      request: { params: orgParams },
      responses: ok(z.object({ keys: z.array(apiKeyBody) }), 'The organization’s active keys'),
    }),
    async (c) => {
      const actor: Actor = requireActor(c);
      const { orgId } = c.req.valid('param');
      if (!actor.orgs.some((o) => o.id === orgId))
        throw new DomainError('NOT_FOUND', 'no such organization of yours');
      return c.json({ keys: (await deps.accounts.listApiKeys(orgId)).map(presentApiKey) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/orgs/{orgId}/api-keys/{keyId}',
      tags: ['orgs'],
      summary: 'Revoke an API key; requests with it are refused from now on',
      request: {
        params: orgParams.extend({ keyId: z.string().uuid('API key ids are UUIDs') }),
      },
      responses: ok(z.object({ revoked: z.literal(true) }), 'The key is revoked'),
    }),
    async (c) => {
      await revokeApiKey(deps, requireActor(c), c.req.valid('param'));
      return c.json({ revoked: true as const }, 200);
    },
  );

  return app;
}
