import { createHash } from 'node:crypto';
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { sentimentProject, type TestApp, testApp } from '../setup/testApp.ts';

// Attackers and careless clients: request limits per account and per address, API keys that are stored only
// hashed and can be revoked at once, secrets that never reach the logs, and the browser's security headers.

let t: TestApp;
let logs = '';
const sink = new Writable({
  write(chunk, _encoding, done) {
    logs += chunk.toString();
    done();
  },
});

beforeAll(async () => {
  t = await testApp({
    trustProxy: true,
    rateLimits: {
      signIn: { windowSeconds: 60, perAccount: 5, perAddress: 5 },
      submit: { windowSeconds: 60, perAccount: 3, perAddress: 30 },
      export: { windowSeconds: 3600, perAccount: 2, perAddress: 20 },
    },
    log: pino({ level: 'trace' }, sink),
  });
});
afterAll(() => t.close());
// Each test starts in windows of its own.
beforeEach(() => t.clock.advance(3600_000));

const from = (address: string) => ({ 'x-forwarded-for': `203.0.113.9, ${address}` });

describe('request limits', () => {
  it('refuses the sixth sign-in attempt a minute from one address, with Retry-After, and not from another', async () => {
    for (let i = 0; i < 5; i++)
      expect((await t.call('GET', '/api/auth/nonce', { headers: from('10.0.0.1') })).status).toBe(200);
    const refused = await t.call('POST', '/api/auth/dev', {
      headers: from('10.0.0.1'),
      body: { account: 'alice' },
    });
    expect(refused.status).toBe(429);
    expect(refused.json.error.code).toBe('RATE_LIMITED');
    expect(refused.json.error.message).toMatch(
      /^too many sign-in attempts from your address: at most 5 per minute; try again in \d+ s$/,
    );
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.json.error.details).toEqual({ retryAfterSeconds: retryAfter });
    // The limit is the address's, not everyone's; and the next window starts afresh.
    expect((await t.call('GET', '/api/auth/nonce', { headers: from('10.0.0.2') })).status).toBe(200);
    t.clock.advance(retryAfter * 1000);
    expect((await t.call('GET', '/api/auth/nonce', { headers: from('10.0.0.1') })).status).toBe(200);
  });

  it('counts answers per account: the fourth in a minute is refused, another contributor goes on', async () => {
    const requester = await t.signIn('requester');
    const created = await t.call('POST', '/api/projects', {
      cookie: requester,
      body: sentimentProject({ overlap: 2 }),
    });
    const id = created.json.id as string;
    const lines = Array.from({ length: 6 }, (_, i) => JSON.stringify({ text: `item ${i}` })).join('\n');
    expect(
      (await t.call('POST', `/api/projects/${id}/items?format=jsonl`, { cookie: requester, raw: lines }))
        .status,
    ).toBe(200);
    const alice = await t.signIn('alice');
    const bob = await t.signIn('bob');
    const answer = async (cookie: string) => {
      const lease = await t.call('POST', `/api/tasks/${id}/assignments`, { cookie });
      expect(lease.status).toBe(200);
      return t.call('POST', `/api/assignments/${lease.json.id}/answer`, {
        cookie,
        body: { answer: { choice: 'pos' }, durationMs: 2000 },
      });
    };
    for (let i = 0; i < 3; i++) expect((await answer(alice)).status).toBe(200);
    const fourth = await answer(alice);
    expect(fourth.status).toBe(429);
    expect(fourth.json.error.message).toMatch(
      /^too many answers and reviews from this account: at most 3 per minute/,
    );
    expect((await answer(bob)).status).toBe(200);
    // Refused answers are not stored: Alice has exactly three.
    const aliceId = (await t.call('GET', '/api/me', { cookie: alice })).json.id;
    const stored = await t.db.query('select count(*)::int as n from answers where user_id = $1', [aliceId]);
    expect(stored.rows[0].n).toBe(3);

    // Exports: two an hour per account.
    for (let i = 0; i < 2; i++)
      expect((await t.call('GET', `/api/projects/${id}/export`, { cookie: requester })).status).toBe(200);
    const third = await t.call('GET', `/api/projects/${id}/export`, { cookie: requester });
    expect(third.status).toBe(429);
    expect(third.json.error.message).toMatch(/^too many exports from this account: at most 2 per hour/);
  });
});

describe('API keys', () => {
  it('are stored only as a SHA-256 hash, and a revoked key is refused at once', async () => {
    const requester = await t.signIn('requester');
    const orgId = (await t.call('GET', '/api/me', { cookie: requester })).json.orgs[0].id as string;
    const created = await t.call('POST', `/api/orgs/${orgId}/api-keys`, {
      cookie: requester,
      body: { name: 'ci' },
    });
    expect(created.status).toBe(201);
    const key = created.json.key as string;
    expect((await t.call('GET', '/api/projects', { apiKey: key })).status).toBe(200);

    const rows = await t.db.query('select * from api_keys where id = $1', [created.json.id]);
    expect(rows.rows[0].key_hash).toEqual(createHash('sha256').update(key).digest());
    expect(JSON.stringify(rows.rows[0])).not.toContain(key.slice(-24));
    // Listed without the secret.
    const listed = await t.call('GET', `/api/orgs/${orgId}/api-keys`, { cookie: requester });
    expect(listed.text).not.toContain(key);

    // Someone outside the organization cannot revoke it.
    const alice = await t.signIn('alice');
    expect(
      (await t.call('DELETE', `/api/orgs/${orgId}/api-keys/${created.json.id}`, { cookie: alice })).status,
    ).toBe(404);
    expect((await t.call('GET', '/api/projects', { apiKey: key })).status).toBe(200);

    const revoked = await t.call('DELETE', `/api/orgs/${orgId}/api-keys/${created.json.id}`, {
      cookie: requester,
    });
    expect(revoked.status).toBe(200);
    const refused = await t.call('GET', '/api/projects', { apiKey: key });
    expect(refused.status).toBe(401);
    expect(refused.json.error.message).toBe('this API key is unknown or revoked');
    const again = await t.call('DELETE', `/api/orgs/${orgId}/api-keys/${created.json.id}`, {
      cookie: requester,
    });
    expect(again.status).toBe(404);
    expect((await t.call('GET', `/api/orgs/${orgId}/api-keys`, { cookie: requester })).json.keys).toEqual([]);
  });

  it('never reach the logs, nor do session tokens', async () => {
    const requester = await t.signIn('requester');
    const session = requester.split('=')[1]!;
    const orgId = (await t.call('GET', '/api/me', { cookie: requester })).json.orgs[0].id as string;
    const key = (
      await t.call('POST', `/api/orgs/${orgId}/api-keys`, { cookie: requester, body: { name: 'logs' } })
    ).json.key as string;
    await t.call('GET', '/api/projects', { apiKey: key });
    await t.call('GET', '/api/projects', { apiKey: `${key}x` });
    await t.call('GET', '/api/nowhere', { apiKey: key, cookie: requester });
    expect(logs).toContain('"path":"/api/projects"');
    expect(logs).not.toContain(key);
    expect(logs).not.toContain(session);
    expect(logs.toLowerCase()).not.toContain('authorization');
  });
});

describe('security headers', () => {
  it('sends a strict content security policy and the usual hardening headers on every response', async () => {
    for (const url of ['/api/me', '/api/openapi.json', '/healthz', '/']) {
      const r = await t.call('GET', url);
      const csp = r.headers.get('content-security-policy') ?? '';
      expect(csp, url).toContain("default-src 'self'");
      expect(csp, url).toContain("script-src 'self'");
      expect(csp, url).not.toMatch(/script-src[^;]*(unsafe-inline|unsafe-eval)/);
      expect(csp, url).toContain("frame-ancestors 'none'");
      expect(csp, url).toContain("object-src 'none'");
      expect(r.headers.get('x-content-type-options'), url).toBe('nosniff');
      expect(r.headers.get('x-frame-options'), url).toBe('SAMEORIGIN');
      expect(r.headers.get('referrer-policy'), url).toBe('no-referrer');
      expect(r.headers.get('strict-transport-security'), url).toMatch(/max-age=\d+/);
      expect(r.headers.get('x-powered-by'), url).toBeNull();
    }
  });
});
