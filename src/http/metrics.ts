import { Counter, collectDefaultMetrics, Gauge, Histogram, Registry } from 'prom-client';
import type { OpsStore } from '../usecases/ports.ts';

export type Metrics = {
  registry: Registry;
  /** Records one answered request under its route pattern (never the raw path: ids would explode the series). */
  observe(method: string, route: string, status: number, seconds: number): void;
  /** Records one background job run by this process. */
  jobRun(task: string, outcome: 'completed' | 'failed'): void;
};

const EPOCH_STATUSES = ['releasing', 'built', 'proposed', 'accepted', 'revoked'] as const;

/** Prometheus metrics for one process: request rates and latencies, queue depths and epoch status. */
export function createMetrics(ops: OpsStore, role: string): Metrics {
  const registry = new Registry();
  registry.setDefaultLabels({ role });
  collectDefaultMetrics({ register: registry, prefix: 'caravan_' });

  const requests = new Counter({
    name: 'caravan_http_requests_total',
    help: 'HTTP requests answered, by method, route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: 'caravan_http_request_duration_seconds',
    help: 'Time to answer an HTTP request, by method and route pattern',
    labelNames: ['method', 'route'] as const,
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10],
    registers: [registry],
  });

  const jobRuns = new Counter({
    name: 'caravan_job_runs_total',
    help: 'Background jobs this process ran, by task and outcome',
    labelNames: ['task', 'outcome'] as const,
    registers: [registry],
  });

  // Read from the database when scraped; every process reports the same shared figures.
  let gauges: ReturnType<OpsStore['gauges']> | null = null;
  const latestGauges = () => (gauges ??= ops.gauges().finally(() => setTimeout(() => (gauges = null), 1000)));
  const gauge = (
    name: string,
    help: string,
    read: (g: Awaited<ReturnType<OpsStore['gauges']>>, set: (v: number, status?: string) => void) => void,
    labelNames: string[] = [],
  ) =>
    new Gauge({
      name,
      help,
      labelNames,
      registers: [registry],
      async collect() {
        const g = await latestGauges();
        read(g, (v, status) => (status ? this.set({ status }, v) : this.set(v)));
      },
    });
  gauge('caravan_answers_pending', 'Answers waiting for their item’s consensus', (g, set) =>
    set(g.answersPending),
  );
  gauge('caravan_answers_in_review', 'Answers waiting for a reviewer', (g, set) => set(g.answersInReview));
  gauge('caravan_jobs_waiting', 'Background jobs due and not yet taken', (g, set) => set(g.jobsWaiting));
  gauge('caravan_jobs_running', 'Background jobs being run', (g, set) => set(g.jobsRunning));
  gauge('caravan_jobs_failed', 'Background jobs that used up their attempts', (g, set) => set(g.jobsFailing));
  gauge(
    'caravan_epoch_latest',
    'The latest settlement epoch number, labelled with its status (1 series per status, 0 where not current)',
    (g, set) => {
      for (const status of EPOCH_STATUSES)
        set(g.latestEpoch?.status === status ? g.latestEpoch.epoch : 0, status);
    },
    ['status'],
  );
  gauge('caravan_epoch_accepted', 'The latest accepted settlement epoch number', (g, set) =>
    set(g.acceptedEpoch ?? 0),
  );

  return {
    registry,
    observe(method, route, status, seconds) {
      requests.inc({ method, route, status: String(status) });
      latency.observe({ method, route }, seconds);
    },
    jobRun(task, outcome) {
      jobRuns.inc({ task, outcome });
    },
  };
}
