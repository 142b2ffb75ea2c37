import { Hono } from 'hono';
import type { OpsStore } from '../../usecases/ports.ts';
import type { AppEnv } from '../context.ts';
import type { Metrics } from '../metrics.ts';

export type OpsOptions = {
  ops: OpsStore;
  metrics: Metrics | null;
  /** False while the process is still starting (or stopping). */
  started?: (() => boolean) | undefined;
  /** Extra readiness checks (the chain node); each throws to say what is wrong. */
  checks?: Record<string, () => Promise<unknown>> | undefined;
};

/**
 * For load balancers and monitoring, on every process: /healthz (the process is up), /readyz (it can serve: started,
 * the database answers with its migrations, the chain node answers) and /metrics (Prometheus text format).
 */
export function opsRoutes(o: OpsOptions) {
  const app = new Hono<AppEnv>();
  app.get('/healthz', (c) => ((o.started?.() ?? true) ? c.json({ ok: true }) : c.json({ ok: false }, 503)));
  app.get('/readyz', async (c) => {
    const checks: Record<string, string> = {};
    if (!(o.started?.() ?? true)) checks.process = 'starting';
    const probes: [string, () => Promise<unknown>][] = [
      ['database', async () => `${(await o.ops.ready()).migrations} migrations`],
      ...Object.entries(o.checks ?? {}),
    ];
    await Promise.all(
      probes.map(async ([name, probe]) => {
        try {
          const said = await withTimeout(probe(), 2000);
          checks[name] = typeof said === 'string' ? said : 'ok';
        } catch (error) {
          checks[name] = `failing: ${(error as Error).message.split('\n')[0]}`;
        }
      }),
    );
    const ok = !Object.values(checks).some((v) => v === 'starting' || v.startsWith('failing'));
    return c.json({ ok, checks }, ok ? 200 : 503);
  });
  app.get('/metrics', async (c) => {
    if (!o.metrics) return c.text('metrics are off in this process\n', 404);
    const body = await o.metrics.registry.metrics();
    return c.body(body, 200, { 'content-type': o.metrics.registry.contentType });
  });
  return app;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([
    promise,
    new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
