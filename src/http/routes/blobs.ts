import { createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { acceptUpload } from '../../domain/media/acceptUpload.ts';
import { blobBody } from '../../shared/api.ts';
import { type AppEnv, type HttpDeps, requireActor, router } from '../context.ts';
import { ok } from '../openapi.ts';

const MAX_BLOB_BYTES = 200 * 1024 * 1024;

/** Uploads into the content-addressed file store. */
export function blobUploadRoutes(deps: HttpDeps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/blobs',
      tags: ['files'],
      summary: 'Store a media file; the answer names it by its sha256',
      description:
        'The type is told from the bytes and checked against X-Content-Type (or Content-Type) when one is given: ' +
        'archives, executables, scripts, HTML, SVG, and truncated or inconsistent media are refused.',
      middleware: [
        bodyLimit({
          maxSize: MAX_BLOB_BYTES,
          onError: () => {
            throw new DomainError(
              'PAYLOAD_TOO_LARGE',
              `the file is too large: files may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MiB`,
            );
          },
        }),
      ] as const,
      request: { body: { content: { 'application/octet-stream': { schema: z.string() } }, required: true } },
      responses: ok(blobBody, 'Stored (or already there)', 201),
    }),
    async (c) => {
      requireActor(c);
      const bytes = new Uint8Array(await c.req.arrayBuffer());
      const type = acceptUpload(bytes, c.req.header('x-content-type') ?? c.req.header('content-type'));
      const { sha256, size } = await deps.blobs.put(bytes, type);
      return c.json({ sha256, url: `/blobs/${sha256}`, size, contentType: type }, 201);
    },
  );
  return app;
}

/** Serves stored files by hash; they never change, so they cache forever. */
export function blobServeRoutes(deps: HttpDeps) {
  const app = new Hono<AppEnv>();
  app.get('/blobs/:sha256', async (c) => {
    const sha256 = c.req.param('sha256');
    // The name is a hash, never a path: nothing else reaches the store.
    if (!/^[0-9a-f]{64}$/.test(sha256))
      throw new DomainError(
        'VALIDATION_FAILED',
        'files are named by the sha256 of their bytes: 64 lowercase hex digits',
      );
    const blob = await deps.blobs.get(sha256);
    if (!blob) throw new DomainError('NOT_FOUND', 'no such file');
    c.header('content-type', blob.contentType);
    c.header('cache-control', 'public, max-age=31536000, immutable');
    c.header('x-content-type-options', 'nosniff');
    // Files come from users: opened directly, none may run script on our origin (an SVG can carry some).
    c.header(
      'content-security-policy',
      "default-src 'none'; img-src 'self' data:; media-src 'self'; style-src 'unsafe-inline'; sandbox",
    );
    if (!/^(image|audio|video)\//.test(blob.contentType)) c.header('content-disposition', 'attachment');
    return c.body(blob.bytes as Uint8Array<ArrayBuffer>);
  });
  return app;
}
