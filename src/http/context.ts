import { OpenAPIHono } from '@hono/zod-openapi';
import type { Logger } from 'pino';
import { DomainError } from '../domain/errors.ts';
import type { Deps } from '../usecases/deps.ts';
import type { Actor, OpsStore } from '../usecases/ports.ts';
import type { RateLimiting } from './rateLimit.ts';

export type AppEnv = {
  Variables: { actor: Actor | null; requestId: string; log: Logger };
};

export type HttpDeps = Deps & {
  log: Logger;
  publicUrl: string | undefined;
  /** Where wallets reach the chain (shown to the web app and the CLI). */
  chainRpcUrl?: string | null;
  /** Request limits on sign-in, submissions and exports; none turns them off (tests). */
  rateLimiting: RateLimiting | null;
  ops: OpsStore;
};

/** A router whose validation failures answer `{ error: { code, message, details } }` with 400. */
export function router() {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result, c) => {
      if (result.success) return;
      const issues = result.error.issues.map((i) => ({ path: i.path, message: i.message }));
      const first = issues[0];
      const where = first?.path.length ? `${first.path.join('.')}: ` : '';
      return c.json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: `${where}${first?.message ?? 'invalid request'}`,
            details: issues,
          },
        },
        400,
      );
    },
  });
}

/** The signed-in actor, or a 401 that says how to sign in. */
export function requireActor(c: { get: (k: 'actor') => Actor | null }): Actor {
  const actor = c.get('actor');
  if (!actor)
    throw new DomainError(
      'UNAUTHENTICATED',
      'sign in first (Sign-In with Ethereum) or send an API key as "Authorization: Bearer <key>"',
    );
  return actor;
}

/** The host a Sign-In with Ethereum message must name: the public URL's, else the one the request came to. */
export function siweOrigin(
  deps: Pick<HttpDeps, 'publicUrl'>,
  requestUrl: string,
  hostHeader: string | undefined,
) {
  const url = new URL(deps.publicUrl ?? requestUrl);
  const host = deps.publicUrl ? url.host : (hostHeader ?? url.host);
  return { domain: host, uri: `${url.protocol}//${host}` };
}
