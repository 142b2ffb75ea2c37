import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { opsRoutes } from '../../src/http/routes/ops.ts';
import { type TestApp, testApp } from '../setup/testApp.ts';

// What operators and load balancers read: liveness, readiness with its reasons, Prometheus metrics.

let t: TestApp;
beforeAll(async () => {
  t = await testApp({ metrics: true });
});
afterAll(() => t.close());

describe('health and metrics', () => {
  it('is live and ready once the database answers, and says which check fails when one does', async () => {
    expect((await t.call('GET', '/healthz')).json).toEqual({ ok: true });
    const ready = await t.call('GET', '/readyz');
    expect(ready.status).toBe(200);
    expect(ready.json.ok).toBe(true);
    expect(ready.json.checks.database).toMatch(/^\d+ migrations$/);
  });

  it('answers 503 with the failing check while starting, or when the database or chain does not answer', async () => {
    let started = false;
    const ops = opsRoutes({
      ops: { ...t.deps.ops, ready: () => Promise.reject(new Error('connection refused')) },
      metrics: null,
      started: () => started,
      checks: { chain: () => new Promise(() => {}) },
    });
    const starting = await ops.request('/readyz');
    expect(starting.status).toBe(503);
    expect(await starting.json()).toEqual({
      ok: false,
      checks: {
        process: 'starting',
        database: 'failing: connection refused',
        chain: 'failing: no answer within 2000 ms',
      },
    });
    expect((await ops.request('/healthz')).status).toBe(503);
    started = true;
    expect((await ops.request('/healthz')).status).toBe(200);
    expect((await ops.request('/readyz')).status).toBe(503);
    expect((await ops.request('/metrics')).status).toBe(404);
  });

  it('counts requests by route pattern and status, times them, and reports queue depth and epochs', async () => {
    const requester = await t.signIn('requester');
    await t.call('GET', '/api/projects', { cookie: requester });
    await t.call('GET', '/api/projects/00000000-0000-4000-8000-000000000000', { cookie: requester });
    await t.call('GET', '/api/projects/not-a-uuid', { cookie: requester });
    const r = await t.call('GET', '/metrics');
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toMatch(/^text\/plain; version=0\.0\.4/);
    // Samples as { name, labels, value }, so the order prometheus writes labels in does not matter.
    const samples = r.text
      .split('\n')
      .filter((l) => l && !l.startsWith('#'))
      .map((l) => {
        const m = /^(\w+)(?:\{(.*)\})? (\S+)$/.exec(l)!;
        const labels = Object.fromEntries(
          [...(m[2] ?? '').matchAll(/(\w+)="([^"]*)"/g)].map((x) => [x[1], x[2]]),
        );
        return { name: m[1], labels, value: Number(m[3]) };
      });
    const value = (name: string, labels: Record<string, string> = {}) =>
      samples.find((x) => x.name === name && Object.entries(labels).every(([k, v]) => x.labels[k] === v))
        ?.value;
    const role = 'all';
    expect(
      value('caravan_http_requests_total', { method: 'POST', route: '/api/auth/dev', status: '200', role }),
    ).toBe(1);
    // One series for the route pattern, whatever the id; bad ids are counted by their status.
    expect(
      value('caravan_http_requests_total', { method: 'GET', route: '/api/projects/:id', status: '404' }),
    ).toBe(1);
    expect(
      value('caravan_http_requests_total', { method: 'GET', route: '/api/projects/:id', status: '400' }),
    ).toBe(1);
    expect(r.text).not.toContain('00000000-0000-4000-8000-000000000000');
    expect(
      value('caravan_http_request_duration_seconds_count', { method: 'GET', route: '/api/projects', role }),
    ).toBe(1);
    expect(
      value('caravan_http_request_duration_seconds_sum', { method: 'GET', route: '/api/projects' }),
    ).toBeGreaterThan(0);
    for (const gauge of [
      'caravan_answers_pending',
      'caravan_answers_in_review',
      'caravan_jobs_waiting',
      'caravan_epoch_accepted',
    ])
      expect(value(gauge, { role }), gauge).toBe(0);
    expect(value('caravan_epoch_latest', { status: 'accepted', role })).toBe(0);
    expect(value('caravan_process_resident_memory_bytes')).toBeGreaterThan(0);
  });
});
