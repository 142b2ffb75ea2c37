import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import { getCookie } from 'hono/cookie';
import { HTTPException } from 'hono/http-exception';
import { routePath } from 'hono/route';
import { secureHeaders } from 'hono/secure-headers';
import { DomainError } from '../domain/errors.ts';
import { authenticate } from '../usecases/auth/authenticate.ts';
import { type AppEnv, type HttpDeps, router } from './context.ts';
import { STATUS_OF } from './errors.ts';
import type { Metrics } from './metrics.ts';
import { type RateKind, rateLimit } from './rateLimit.ts';
import { authRoutes, SESSION_COOKIE } from './routes/auth.ts';
import { blobServeRoutes, blobUploadRoutes } from './routes/blobs.ts';
import { chainRoutes } from './routes/chain.ts';
import { datasetRoutes } from './routes/datasets.ts';
import { gatewayRoutes } from './routes/gateway.ts';
import { marketRoutes } from './routes/market.ts';
import { opsRoutes } from './routes/ops.ts';
import { progressRoutes } from './routes/progress.ts';
import { projectRoutes } from './routes/projects.ts';
import { qaRoutes } from './routes/qa.ts';
import { qualityRoutes } from './routes/quality.ts';
import { reviewRoutes } from './routes/reviews.ts';
import { workRoutes } from './routes/work.ts';

export type AppOptions = {
  /** The built web app (dist/web); served with a fallback to index.html for client-side routes. */
  webDir?: string | undefined;
  /** Answers /healthz and /readyz with 200 once true. */
  started?: () => boolean;
  /** Request counts and latencies, served at /metrics; none in tests. */
  metrics?: Metrics | null;
  /** Extra readiness checks for /readyz. */
  readyChecks?: Record<string, () => Promise<unknown>>;
};

/**
 * The web app's content security policy: scripts, styles and connections only from this origin; item media may come
 * from any web host (requesters import image, audio and video URLs); nothing may frame the app.
 */
export const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:', 'blob:', 'https:', 'http:'],
  mediaSrc: ["'self'", 'blob:', 'https:', 'http:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** The whole HTTP surface: the REST API under /api, its OpenAPI document, files, health, and the web app. */
export function createApp(deps: HttpDeps, options: AppOptions = {}) {
  const app = new Hono<AppEnv>();
  const metrics = options.metrics ?? null;

  // Handlers that set their own policy (stored files) keep it.
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, overwrite: false }));
  app.use('*', async (c, next) => {
    const requestId = c.req.header('x-request-id')?.slice(0, 100) || randomUUID();
    const log = deps.log.child({ requestId });
    c.set('requestId', requestId);
    c.set('log', log);
    c.set('actor', null);
    c.header('x-request-id', requestId);
    const started = performance.now();
    await next();
    const seconds = (performance.now() - started) / 1000;
    metrics?.observe(c.req.method, routePath(c), c.res.status, seconds);
    if (c.req.path.startsWith('/api/'))
      log.debug(
        { method: c.req.method, path: c.req.path, status: c.res.status, ms: Math.round(seconds * 1000) },
        'request',
      );
  });

  app.onError((error, c) => {
    if (error instanceof DomainError)
      return c.json(
        { error: { code: error.code, message: error.message, details: error.details } },
        STATUS_OF[error.code],
      );
    if (error instanceof HTTPException && error.status < 500) {
      const code =
        error.status === 400
          ? 'VALIDATION_FAILED'
          : error.status === 413
            ? 'PAYLOAD_TOO_LARGE'
            : 'BAD_REQUEST';
      const message =
        error.status === 415
          ? 'send the body as JSON with the header Content-Type: application/json'
          : /json/i.test(error.message)
            ? 'the body is not valid JSON; send a JSON object'
            : error.message || 'bad request';
      return c.json({ error: { code, message } }, error.status);
    }
    // The chain refused or could not be reached: say so rather than answer a bare 500.
    if (error instanceof Error && error.name === 'ChainError') {
      c.get('log')?.warn({ err: error }, 'chain error');
      return c.json({ error: { code: 'CHAIN_ERROR', message: error.message } }, 502);
    }
    // A last line of defence: text the database cannot store is the sender's problem, not ours.
    const pgCode = (error as { code?: unknown }).code;
    if (pgCode === '22021' || pgCode === '22P05')
      return c.json(
        {
          error: {
            code: 'VALIDATION_FAILED',
            message: 'the request has text with a NUL character or broken unicode',
          },
        },
        400,
      );
    c.get('log').error({ err: error, method: c.req.method, path: c.req.path }, 'request failed');
    return c.json(
      {
        error: {
          code: 'INTERNAL',
          message: `something went wrong on our side; quote request id ${c.get('requestId')}`,
        },
      },
      500,
    );
  });

  app.route(
    '/',
    opsRoutes({ ops: deps.ops, metrics, started: options.started, checks: options.readyChecks }),
  );

  const api = router();
  api.use('*', async (c, next) => {
    const bearer = /^Bearer\s+(.+)$/i.exec(c.req.header('authorization') ?? '')?.[1];
    const actor = await authenticate(deps, { apiKey: bearer, sessionToken: getCookie(c, SESSION_COOKIE) });
    if (bearer && !actor) throw new DomainError('UNAUTHENTICATED', 'this API key is unknown or revoked');
    c.set('actor', actor);
    await next();
  });
  // After authentication, so submissions and exports count against the account as well as the address.
  const limit = (kind: RateKind) => rateLimit(deps.rateLimiting, kind);
  api.post('/auth/siwe', limit('signIn'));
  api.post('/auth/dev', limit('signIn'));
  api.get('/auth/nonce', limit('signIn'));
  api.post('/assignments/:id/answer', limit('submit'));
  api.post('/reviews/:id', limit('submit'));
  api.get('/projects/:id/export', limit('export'));
  api.route('/', authRoutes(deps));
  api.route('/', projectRoutes(deps));
  api.route('/', qualityRoutes(deps));
  api.route('/', reviewRoutes(deps));
  api.route('/', qaRoutes(deps));
  api.route('/', progressRoutes(deps));
  api.route('/', workRoutes(deps));
  api.route('/', chainRoutes(deps));
  api.route('/', datasetRoutes(deps));
  api.route('/', marketRoutes(deps));
  api.route('/', gatewayRoutes(deps));
  api.route('/', blobUploadRoutes(deps));
  api.doc31('/openapi.json', {
    openapi: '3.1.0',
    servers: [{ url: '/api' }],
    info: {
      title: 'Caravan API',
      version: '0.1.0',
      description:
        'Crowdsourced AI data: projects, items, work, quality and provenance. Errors are { error: { code, message, details } }.',
    },
  });
  app.route('/api', api);
  app.all('/api/*', (c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `no API route ${c.req.method} ${c.req.path}` } }, 404),
  );
  // Outside /api too, a miss answers in the error shape (a GET of a page falls back to the web app below).
  app.notFound((c) =>
    c.json({ error: { code: 'NOT_FOUND', message: `nothing here: ${c.req.method} ${c.req.path}` } }, 404),
  );
  app.route('/', blobServeRoutes(deps));

  const webDir = options.webDir;
  if (webDir && fs.existsSync(path.join(webDir, 'index.html'))) {
    const root = path.relative(process.cwd(), webDir) || '.';
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.ok) c.header('cache-control', 'public, max-age=31536000, immutable');
    });
    app.use('*', serveStatic({ root }));
    const index = fs.readFileSync(path.join(webDir, 'index.html'), 'utf8');
    app.get('*', (c) => c.html(index));
  } else {
    app.get('/', (c) => c.text('Caravan API is running. The web app is not built: run `npm run build:web`.'));
  }
  return app;
}
