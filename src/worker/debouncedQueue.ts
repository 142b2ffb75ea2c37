import type { QualityQueue } from '../usecases/ports.ts';

/**
 * Runs `run(projectId)` once per quiet spell: the first touch schedules a run `delayMs` later, touches meanwhile
 * join it, and a touch during a run schedules one more after it. One run per project at a time, and the wait
 * before a repeat grows with the run's length (four times it), so a project whose pass takes long spends at
 * most a fifth of its time in passes. Errors go to `onError`; the minute sweep retries what is left pending.
 */
export function debouncedQueue(
  run: (projectId: string) => Promise<unknown>,
  delayMs: number,
  onError: (projectId: string, error: unknown) => void,
): QualityQueue & { idle(): Promise<void>; stop(): void } {
  const state = new Map<
    string,
    { timer: NodeJS.Timeout | null; running: Promise<void> | null; again: boolean }
  >();
  let stopped = false;
  const lastMs = new Map<string, number>();
  const wait = (projectId: string) => Math.max(delayMs, 4 * (lastMs.get(projectId) ?? 0));

  const start = (projectId: string) => {
    const s = state.get(projectId)!;
    s.timer = null;
    const started = performance.now();
    s.running = run(projectId)
      .then(
        () => undefined,
        (error) => onError(projectId, error),
      )
      .finally(() => {
        s.running = null;
        lastMs.set(projectId, performance.now() - started);
        if (s.again && !stopped) {
          s.again = false;
          s.timer = setTimeout(() => start(projectId), wait(projectId));
        } else state.delete(projectId);
      });
  };

  return {
    touch(projectId) {
      if (stopped) return;
      const s = state.get(projectId);
      if (!s) {
        state.set(projectId, {
          timer: setTimeout(() => start(projectId), wait(projectId)),
          running: null,
          again: false,
        });
        return;
      }
      if (s.running) s.again = true;
    },
    /** Resolves when nothing is scheduled or running. */
    async idle() {
      while (state.size) {
        await Promise.all(
          [...state.values()].map((s) => s.running ?? new Promise((r) => setTimeout(r, delayMs + 1))),
        );
      }
    },
    stop() {
      stopped = true;
      for (const s of state.values()) if (s.timer) clearTimeout(s.timer);
    },
  };
}
