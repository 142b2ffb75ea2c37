import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { createGunzip } from 'node:zlib';
import { DomainError } from '../domain/errors.ts';

export type InflateLimits = {
  /** Bytes the inflated body may have. */
  maxBytes: number;
  /** Inflated bytes per compressed byte read so far, once past `ratioFloorBytes`: more is a compression bomb. */
  maxRatio: number;
  ratioFloorBytes: number;
};

/**
 * Inflates a gzip request body as it streams in, refusing (413) as soon as the inflated bytes pass the size limit or
 * the ratio limit, so a small bomb is never inflated in memory; refuses a body that is not gzip (400).
 */
export async function gunzipBounded(
  body: ReadableStream<Uint8Array>,
  limits: InflateLimits,
): Promise<Uint8Array> {
  let compressed = 0;
  let inflated = 0;
  const chunks: Buffer[] = [];
  const tooLarge = (why: string) =>
    new DomainError('PAYLOAD_TOO_LARGE', `the decompressed file is too large: ${why}`, {
      maxBytes: limits.maxBytes,
      maxRatio: limits.maxRatio,
    });
  try {
    await pipeline(
      Readable.fromWeb(body as NodeReadableStream<Uint8Array>),
      async function* count(source: AsyncIterable<Buffer>) {
        for await (const chunk of source) {
          compressed += chunk.length;
          yield chunk;
        }
      },
      createGunzip(),
      async (source: AsyncIterable<Buffer>) => {
        for await (const chunk of source) {
          inflated += chunk.length;
          if (inflated > limits.maxBytes)
            throw tooLarge(`the decompressed size limit is ${limits.maxBytes / 1024 / 1024} MiB; split it`);
          if (inflated > limits.ratioFloorBytes && inflated > limits.maxRatio * compressed)
            throw tooLarge(
              `it inflates more than ${limits.maxRatio} times its compressed size, which only a compression bomb does`,
            );
          chunks.push(chunk);
        }
      },
    );
  } catch (error) {
    if (error instanceof DomainError) throw error;
    if ((error as NodeJS.ErrnoException).code?.startsWith('Z_'))
      throw new DomainError(
        'VALIDATION_FAILED',
        `the body says Content-Encoding: gzip but is not whole gzip data (${(error as Error).message})`,
      );
    throw error;
  }
  return Buffer.concat(chunks);
}
