import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpLinkChecker } from './httpLinkChecker.ts';

let server: http.Server;
let base: string;
const methods: string[] = [];

beforeAll(async () => {
  server = http.createServer((req, res) => {
    methods.push(`${req.method} ${req.url}`);
    if (req.url === '/ok') res.writeHead(200).end('fine');
    else if (req.url === '/moved') res.writeHead(302, { location: '/ok' }).end();
    else if (req.url === '/no-head') res.writeHead(req.method === 'HEAD' ? 405 : 200).end();
    else if (req.url === '/slow') setTimeout(() => res.writeHead(200).end(), 2000);
    else res.writeHead(404, 'Not Found').end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => {
  server.closeAllConnections();
  server.close();
});

describe('httpLinkChecker', () => {
  const links = httpLinkChecker({ timeoutMs: 300 });

  it('accepts a link that answers, following redirects', async () => {
    expect(await links.check(`${base}/ok`)).toEqual({ ok: true, reason: `${base}/ok answered 200 OK` });
    expect((await links.check(`${base}/moved`)).ok).toBe(true);
  });

  it('falls back to GET where HEAD is refused', async () => {
    expect((await links.check(`${base}/no-head`)).ok).toBe(true);
    expect(methods).toContain('GET /no-head');
  });

  it('refuses a missing page, a slow one and an unreachable host, saying why', async () => {
    expect(await links.check(`${base}/gone`)).toEqual({
      ok: false,
      reason: `${base}/gone answered 404 Not Found`,
    });
    expect((await links.check(`${base}/slow`)).reason).toMatch(/did not answer within 0.3 s/);
    // A port that was free a moment ago: nothing listens there.
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const closed = await links.check(`http://127.0.0.1:${port}/x`);
    expect(closed.ok).toBe(false);
    expect(closed.reason).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });
});
