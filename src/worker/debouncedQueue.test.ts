import { describe, expect, it } from 'vitest';
import { debouncedQueue } from './debouncedQueue.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('debouncedQueue', () => {
  it('runs once for touches that arrive together, and once more for a touch during a run', async () => {
    const runs: string[] = [];
    let release: () => void = () => {};
    const q = debouncedQueue(
      async (id) => {
        runs.push(id);
        if (runs.length === 1) await new Promise<void>((r) => (release = r));
      },
      10,
      () => {},
    );
    q.touch('p');
    q.touch('p');
    q.touch('q');
    await sleep(30);
    expect(runs.sort()).toEqual(['p', 'q']);
    q.touch(runs[0]!); // during the first (still running) run
    release();
    await q.idle();
    expect(runs).toHaveLength(3);
    q.stop();
  });

  it('reports errors and keeps going', async () => {
    const errors: unknown[] = [];
    const q = debouncedQueue(
      async () => {
        throw new Error('boom');
      },
      1,
      (_, e) => errors.push(e),
    );
    q.touch('p');
    await q.idle();
    expect((errors[0] as Error).message).toBe('boom');
    q.stop();
  });
});
