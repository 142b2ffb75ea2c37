import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { openAiCompatibleUpstream } from './openAiCompatibleUpstream.ts';

type Seen = { method: string; url: string; headers: http.IncomingHttpHeaders; body: string };
type Reply = { status?: number; body: string; delayMs?: number; headers?: Record<string, string> };

/** A small chat-completions server: it records each request and answers with the reply set. */
let reply: (seen: Seen) => Reply;
const seen: Seen[] = [];
let server: http.Server;
let base: string;

beforeAll(async () => {
  server = http.createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => {
      const request = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body };
      seen.push(request);
      const r = reply(request);
      const send = () => {
        if (res.destroyed) return;
        res.writeHead(r.status ?? 200, { 'content-type': 'application/json', ...r.headers });
        res.end(r.body);
      };
      if (r.delayMs) setTimeout(send, r.delayMs);
      else send();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`;
});
afterEach(() => {
  seen.length = 0;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const completion = JSON.stringify({
  id: 'chatcmpl-1',
  object: 'chat.completion',
  model: 'up-model',
  choices: [{ index: 0, message: { role: 'assistant', content: 'hello' }, finish_reason: 'stop' }],
  usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
});
const body = JSON.stringify({
  model: 'up-model',
  messages: [{ role: 'user', content: 'hi' }],
  max_tokens: 8,
});
const local = openAiCompatibleUpstream({ allowPrivate: true, timeoutMs: 500 });

describe('openAiCompatibleUpstream', () => {
  it('posts the body to /chat/completions with the key, and reads the usage', async () => {
    reply = () => ({ body: completion });
    const r = await local.chat({ url: `${base}/`, apiKey: 'sk-up-123' }, body);
    expect(r).toMatchObject({
      ok: true,
      status: 200,
      text: completion,
      promptTokens: 12,
      completionTokens: 5,
    });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.method).toBe('POST');
    expect(seen[0]!.url).toBe('/v1/chat/completions');
    expect(seen[0]!.headers.authorization).toBe('Bearer sk-up-123');
    expect(seen[0]!.body).toBe(body);
  });

  it('sends no authorization without a key', async () => {
    reply = () => ({ body: completion });
    expect((await local.chat({ url: base, apiKey: null }, body)).ok).toBe(true);
    expect(seen[0]!.headers.authorization).toBeUndefined();
  });

  it('reports an error status with the upstream’s message, never its key', async () => {
    reply = () => ({ status: 401, body: JSON.stringify({ error: { message: 'bad key sk-up-123' } }) });
    const r = await local.chat({ url: base, apiKey: 'sk-up-123' }, body);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.status).toBe(401);
    expect(r.reason).toMatch(/answered 401/);
    expect(r.reason).toMatch(/bad key \[api key\]/);
    expect(r.reason).not.toContain('sk-up-123');
  });

  it('refuses a reply without usage, a redirect, and a reply that takes too long', async () => {
    reply = () => ({ body: JSON.stringify({ choices: [] }) });
    const noUsage = await local.chat({ url: base, apiKey: null }, body);
    expect(noUsage.ok === false && noUsage.reason).toMatch(/without a chat completion with usage/);
    reply = () => ({ status: 302, body: '', headers: { location: 'http://example.org/' } });
    const moved = await local.chat({ url: base, apiKey: null }, body);
    expect(moved.ok === false && moved.reason).toMatch(/redirected \(302\)/);
    reply = () => ({ body: completion, delayMs: 2000 });
    const slow = await local.chat({ url: base, apiKey: null }, body);
    expect(slow.ok === false && slow.reason).toMatch(/did not answer within 500 ms/);
  });

  it('reports an upstream that is down', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const r = await local.chat({ url: `http://127.0.0.1:${port}/v1`, apiKey: null }, body);
    expect(r.ok === false && r.reason).toMatch(/could not reach the upstream .*ECONNREFUSED/);
  });

  it('refuses loopback and private networks unless allowed, before any request', async () => {
    reply = () => ({ body: completion });
    const strict = openAiCompatibleUpstream({ resolve: async () => ['10.1.2.3'] });
    expect(await strict.refuse(base)).toMatch(/private network/);
    expect(await strict.refuse('https://models.internal.example/v1')).toMatch(/private network/);
    const r = await strict.chat({ url: base, apiKey: null }, body);
    expect(r.ok === false && r.reason).toMatch(/private network/);
    expect(seen).toHaveLength(0);
    const publicDns = openAiCompatibleUpstream({ resolve: async () => ['93.184.216.34'] });
    expect(await publicDns.refuse('https://models.example.com/v1')).toBeNull();
    expect(await publicDns.refuse('ftp://models.example.com/v1')).toMatch(/not http or https/);
    expect(await local.refuse(base)).toBeNull();
  });
});
