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
    else if (req.url === '/loop') res.writeHead(302, { location: '/loop' }).end();
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
  // The test server is on loopback, which the checker refuses unless told otherwise.
  const links = httpLinkChecker({ timeoutMs: 300, allowPrivate: true });

  it('accepts a link that answers, following redirects', async () => {
    expect(await links.check(`${base}/ok`)).toEqual({ status: 'ok', reason: `${base}/ok answered 200 OK` });
    expect((await links.check(`${base}/moved`)).status).toBe('ok');
    expect(await links.check(`${base}/loop`)).toEqual({
      status: 'unknown',
      reason: `${base}/loop redirects more than 5 times`,
    });
  });

  it('falls back to GET where HEAD is refused', async () => {
    expect((await links.check(`${base}/no-head`)).status).toBe('ok');
    expect(methods).toContain('GET /no-head');
  });

  it('calls a missing page dead, and a slow or unreachable one unknown, saying why', async () => {
    expect(await links.check(`${base}/gone`)).toEqual({
      status: 'dead',
      reason: `${base}/gone answered 404 Not Found`,
    });
    expect((await links.check(`${base}/slow`)).reason).toMatch(/did not answer within 0.3 s/);
    // A port that was free a moment ago: nothing listens there.
    const probe = http.createServer();
    await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
    const port = (probe.address() as AddressInfo).port;
    await new Promise((r) => probe.close(r));
    const closed = await links.check(`http://127.0.0.1:${port}/x`);
    expect(closed.status).toBe('unknown');
    expect(closed.reason).toMatch(/could not be reached \(ECONNREFUSED\)/);
  });

  it('never fetches loopback, private or link-local addresses by default, by name or after a redirect', async () => {
    const strict = httpLinkChecker({
      timeoutMs: 300,
      resolve: async (host) => (host === 'intranet.example' ? ['10.1.2.3'] : ['93.184.216.34']),
      fetch: async () =>
        new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/latest' } }),
    });
    const before = methods.length;
    expect((await strict.check(`${base}/ok`)).reason).toMatch(/points into a private network/);
    expect((await strict.check('http://intranet.example/')).status).toBe('unknown');
    expect((await strict.check('http://[::1]:8080/')).status).toBe('unknown');
    expect((await strict.check('http://public.example/')).reason).toMatch(/points into a private network/);
    expect(methods.length).toBe(before);
  });

  it('calls a link to another scheme dead', async () => {
    expect((await links.check('ftp://files.example/x')).status).toBe('dead');
  });
});
