import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { samples } from '../setup/mediaSamples.ts';
import { type TestApp, testApp } from '../setup/testApp.ts';

let t: TestApp;
let requester: string;
beforeAll(async () => {
  t = await testApp();
  requester = await t.signIn('requester');
});
afterAll(() => t.close());

const png = samples.png;

async function upload(bytes: Uint8Array<ArrayBuffer>, headers: Record<string, string> = {}) {
  const r = await t.app.request('http://caravan.test/api/blobs', {
    method: 'POST',
    headers: { cookie: requester, 'content-type': 'application/octet-stream', ...headers },
    body: bytes,
  });
  return { status: r.status, json: (await r.json()) as Record<string, never> };
}

describe('content-addressed files', () => {
  it('stores a file under its sha256, once, and serves it back', async () => {
    const first = await upload(png);
    expect(first.status).toBe(201);
    const sha = createHash('sha256').update(png).digest('hex');
    expect(first.json).toEqual({
      sha256: sha,
      url: `/blobs/${sha}`,
      size: png.byteLength,
      contentType: 'image/png',
    });
    expect((await upload(png)).json.sha256).toBe(sha);
    const served = await t.app.request(`http://caravan.test/blobs/${sha}`);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(new Uint8Array(await served.arrayBuffer())).toEqual(png);
    expect((await t.app.request(`http://caravan.test/blobs/${'0'.repeat(64)}`)).status).toBe(404);
  });

  it('takes the declared type when the bytes agree, and refuses SVG and what it cannot recognize', async () => {
    expect((await upload(samples.wav, { 'x-content-type': 'audio/wav' })).json.contentType).toBe('audio/wav');
    const svg = new TextEncoder().encode('<svg xmlns="http://www.w3.org/2000/svg"/>');
    expect((await upload(svg, { 'x-content-type': 'image/svg+xml' })).status).toBe(400);
    const refused = await upload(new TextEncoder().encode('MZ executable'));
    expect(refused.status).toBe(400);
    expect(refused.json.error).toMatchObject({ code: 'VALIDATION_FAILED' });
  });

  it('needs a signed-in user', async () => {
    const r = await t.app.request('http://caravan.test/api/blobs', { method: 'POST', body: png });
    expect(r.status).toBe(401);
  });

  it('lets imports reference uploaded files as blob:<sha256>', async () => {
    const { sha256 } = (await upload(png)).json;
    const project = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: {
        name: 'Boxes',
        modality: 'image',
        annotation: { method: 'bbox', config: { labels: [{ value: 'cat', label: 'Cat' }] } },
        rewardPerItemWei: '1',
      },
    });
    const imported = await t.call('POST', `/api/projects/${project.json.id}/items?format=jsonl`, {
      cookie: requester,
      raw: `{"image":"blob:${sha256}"}\n{"image":"https://example.org/x.jpg"}`,
    });
    expect(imported.json.imported).toBe(2);
    const items = await t.call('GET', `/api/projects/${project.json.id}/items`, { cookie: requester });
    expect(items.json.items.map((i: { data: { image: string } }) => i.data.image)).toEqual([
      `/blobs/${sha256}`,
      'https://example.org/x.jpg',
    ]);
  });

  it('lets a polygon project import uploaded images, checking gold outlines on the way in', async () => {
    const { sha256 } = (await upload(png)).json;
    const project = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: {
        name: 'Outlines',
        modality: 'image',
        annotation: { method: 'polygon', config: { labels: [{ value: 'cat', label: 'Cat' }] } },
        rewardPerItemWei: '1',
      },
    });
    expect(project.json.annotation).toEqual({
      method: 'polygon',
      config: { labels: [{ value: 'cat', label: 'Cat' }], minPolygons: 1 },
    });
    const corners = (order: number[]) => {
      const square = [
        { x: 0.1, y: 0.1 },
        { x: 0.6, y: 0.1 },
        { x: 0.6, y: 0.6 },
        { x: 0.1, y: 0.6 },
      ];
      return { polygons: [{ label: 'cat', points: order.map((k) => square[k]) }] };
    };
    const refused = await t.call('POST', `/api/projects/${project.json.id}/items?format=jsonl`, {
      cookie: requester,
      raw: JSON.stringify({ image: `blob:${sha256}`, gold: corners([0, 2, 1, 3]) }),
    });
    expect(refused.status).toBe(422);
    expect(refused.json.error).toMatchObject({ code: 'IMPORT_INVALID' });
    expect(refused.json.error.message).toMatch(/polygon 1 crosses itself/);
    const imported = await t.call('POST', `/api/projects/${project.json.id}/items?format=jsonl`, {
      cookie: requester,
      raw: JSON.stringify({ image: `blob:${sha256}`, gold: corners([0, 1, 2, 3]) }),
    });
    expect(imported.json.imported).toBe(1);
    const items = await t.call('GET', `/api/projects/${project.json.id}/items`, { cookie: requester });
    expect(items.json.items.map((i: { data: { image: string } }) => i.data.image)).toEqual([
      `/blobs/${sha256}`,
    ]);
  });
});
