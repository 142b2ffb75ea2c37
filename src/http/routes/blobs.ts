import { createRoute } from '@hono/zod-openapi';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { z } from 'zod';
import { DomainError } from '../../domain/errors.ts';
import { blobBody } from '../../shared/api.ts';
import { type AppEnv, type HttpDeps, requireActor, router } from '../context.ts';
import { ok } from '../openapi.ts';

const MAX_BLOB_BYTES = 200 * 1024 * 1024;
const ALLOWED_TYPES = /^(image|audio|video)\/[\w.+-]+$|^(text\/plain|application\/pdf|application\/json)$/;

/** Uploads into the content-addressed file store. */
export function blobUploadRoutes(deps: HttpDeps) {
  const app = router();
  app.openapi(
    createRoute({
      method: 'post',
      path: '/blobs',
      tags: ['files'],
      summary: 'Store a media file; the answer names it by its sha256',
      middleware: [
        bodyLimit({
          maxSize: MAX_BLOB_BYTES,
          onError: () => {
            throw new DomainError(
              'PAYLOAD_TOO_LARGE',
              `files may be at most ${MAX_BLOB_BYTES / 1024 / 1024} MiB`,
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
      if (!bytes.byteLength) throw new DomainError('VALIDATION_FAILED', 'the file is empty');
      const declared = (c.req.header('x-content-type') ?? c.req.header('content-type') ?? '')
        .split(';')[0]!
        .trim();
      const type = ALLOWED_TYPES.test(declared) ? declared : sniff(bytes);
      if (!type)
        throw new DomainError(
          'VALIDATION_FAILED',
          'send images, audio, video, PDF, JSON or plain text, with its content type in X-Content-Type',
        );
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
    const blob = await deps.blobs.get(c.req.param('sha256'));
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

/** Recognizes a few common media formats by their first bytes. */
function sniff(b: Uint8Array): string | null {
  const starts = (...sig: number[]) => sig.every((v, i) => b[i] === v);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return 'image/png';
  if (starts(0xff, 0xd8, 0xff)) return 'image/jpeg';
  if (starts(0x47, 0x49, 0x46, 0x38)) return 'image/gif';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x41) return 'audio/wav';
  if (starts(0x52, 0x49, 0x46, 0x46) && b[8] === 0x57 && b[9] === 0x45) return 'image/webp';
  if (starts(0x49, 0x44, 0x33) || starts(0xff, 0xfb)) return 'audio/mpeg';
  if (starts(0x4f, 0x67, 0x67, 0x53)) return 'audio/ogg';
  if (b[4] === 0x66 && b[5] === 0x74 && b[6] === 0x79 && b[7] === 0x70) return 'video/mp4';
  if (starts(0x25, 0x50, 0x44, 0x46)) return 'application/pdf';
  return null;
}
