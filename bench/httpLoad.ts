import http from 'node:http';

/** One keep-alive HTTP/1.1 request to the app under test; resolves with the status and the body text. */
export function post(
  agent: http.Agent,
  port: number,
  path: string,
  headers: Record<string, string>,
  body?: string,
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    const all: http.OutgoingHttpHeaders = {
      ...headers,
      'content-length': body === undefined ? 0 : Buffer.byteLength(body),
    };
    if (body !== undefined) all['content-type'] = 'application/json';
    const req = http.request(
      { host: '127.0.0.1', port, path, method: 'POST', agent, headers: all },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        );
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

/** The measuring window of one run: requests that finish inside it count. */
export type Phase = { measuring: boolean; stopped: boolean };

export type LoopStats = {
  accepted: number;
  pairs: number;
  errors: number;
  firstError: string | null;
  exhausted: number;
  submitMs: number[];
  leaseMs: number[];
  pairMs: number[];
};

export const emptyStats = (): LoopStats => ({
  accepted: 0,
  pairs: 0,
  errors: 0,
  firstError: null,
  exhausted: 0,
  submitMs: [],
  leaseMs: [],
  pairMs: [],
});

/**
 * One contributor: lease the next item, answer it with an idempotency key, repeat until stopped, out of items,
 * or the shared budget of answers is spent. Only exchanges that finish while `phase.measuring` are recorded.
 */
export async function contributorLoop(o: {
  agent: http.Agent;
  port: number;
  projectId: string;
  cookie: string;
  client: number;
  phase: Phase;
  stats: LoopStats;
  budget: { left: number };
}): Promise<void> {
  const headers = { cookie: o.cookie, accept: 'application/json' };
  const send = (path: string, body?: string) => post(o.agent, o.port, path, headers, body);
  let n = 0;
  while (!o.phase.stopped && o.budget.left > 0) {
    const t0 = performance.now();
    const lease = await send(`/api/tasks/${o.projectId}/assignments`);
    const t1 = performance.now();
    if (lease.status === 204) {
      o.stats.exhausted++;
      return;
    }
    if (lease.status !== 200) {
      o.stats.errors++;
      o.stats.firstError ??= `lease ${lease.status} ${lease.text.slice(0, 200)}`;
      continue;
    }
    const assignmentId = (JSON.parse(lease.text) as { id: string }).id;
    o.budget.left--;
    const body = JSON.stringify({
      answer: { choice: n % 3 === 0 ? 'neg' : 'pos' },
      durationMs: 1500 + (n % 500),
      idempotencyKey: `bench-${o.client}-${n}-${assignmentId}`,
    });
    n++;
    const submit = await send(`/api/assignments/${assignmentId}/answer`, body);
    const t2 = performance.now();
    if (!o.phase.measuring) continue;
    o.stats.pairs++;
    o.stats.leaseMs.push(t1 - t0);
    o.stats.pairMs.push(t2 - t0);
    if (submit.status === 200) {
      o.stats.accepted++;
      o.stats.submitMs.push(t2 - t1);
    } else {
      o.stats.errors++;
      o.stats.firstError ??= `submit ${submit.status} ${submit.text.slice(0, 200)}`;
    }
  }
}
