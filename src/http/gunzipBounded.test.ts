import { randomBytes } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { DomainError } from '../domain/errors.ts';
import { gunzipBounded } from './gunzipBounded.ts';

/** A body stream of `bytes` in pieces of `piece` bytes, counting what was pulled. */
function body(bytes: Uint8Array, piece = 1024) {
  const pulled = { bytes: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (pulled.bytes >= bytes.length) return controller.close();
      controller.enqueue(bytes.slice(pulled.bytes, pulled.bytes + piece));
      pulled.bytes += piece;
    },
  });
  return { stream, pulled };
}

const limits = { maxBytes: 64 * 1024, maxRatio: 100, ratioFloorBytes: 16 * 1024 };

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error as DomainError;
}

describe('gunzipBounded', () => {
  it('inflates a gzip body', async () => {
    const text = 'line\n'.repeat(1000);
    const out = await gunzipBounded(body(gzipSync(text)).stream, limits);
    expect(Buffer.from(out).toString()).toBe(text);
  });

  it('refuses once the inflated size passes the limit, even at a modest ratio', async () => {
    // Random hex compresses about two to one: only the size limit can stop it.
    const { stream, pulled } = body(gzipSync(randomBytes(256 * 1024).toString('hex')));
    const e = await refusal(gunzipBounded(stream, limits));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/the decompressed size limit is 0.0625 MiB/);
    expect(pulled.bytes).toBeLessThan(256 * 1024);
  });

  it('refuses a bomb by its ratio long before the size limit', async () => {
    // 256 gzip members of 1 MiB of zeros each: 256 KiB that inflate to 256 MiB.
    const bomb = Buffer.concat(Array(256).fill(gzipSync(Buffer.alloc(1024 * 1024))));
    const { stream, pulled } = body(bomb, 256);
    const e = await refusal(gunzipBounded(stream, { ...limits, maxBytes: 1024 * 1024 * 1024 }));
    expect(e.code).toBe('PAYLOAD_TOO_LARGE');
    expect(e.message).toMatch(/more than 100 times its compressed size/);
    expect(pulled.bytes).toBeLessThan(bomb.length / 4);
  });

  it('allows a high ratio on a small file', async () => {
    const out = await gunzipBounded(body(gzipSync(Buffer.alloc(8 * 1024))).stream, limits);
    expect(out.length).toBe(8 * 1024);
  });

  it('refuses bytes that are not gzip, and gzip cut short', async () => {
    for (const bytes of [
      new TextEncoder().encode('{"text":"plain"}'),
      gzipSync('x'.repeat(5000)).subarray(0, 20),
    ]) {
      const e = await refusal(gunzipBounded(body(bytes).stream, limits));
      expect(e.code).toBe('VALIDATION_FAILED');
      expect(e.message).toMatch(/is not whole gzip data/);
    }
  });
});
