import type { Logger } from 'pino';

export type ChainStep = { name: string; run: () => Promise<unknown> };

/**
 * Runs the chain's rounds (event sync, settlement, anchoring, badges) one after another every `intervalMs`,
 * never two rounds at once; a failing step is logged and tried again next round, the others still run.
 */
export function startChainLoop(o: { intervalMs: number; steps: ChainStep[]; log: Logger }) {
  let stopped = false;
  let timer: NodeJS.Timeout | null = null;
  let running: Promise<void> | null = null;
  const round = async () => {
    for (const step of o.steps) {
      if (stopped) return;
      try {
        const result = await step.run();
        if (result && typeof result === 'object' && 'step' in result && result.step !== 'idle')
          o.log.info({ chain: step.name, ...result }, `${step.name}: ${String(result.step)}`);
      } catch (error) {
        o.log.warn({ chain: step.name, err: error }, `${step.name} failed; trying again next round`);
      }
    }
  };
  const schedule = () => {
    if (stopped) return;
    timer = setTimeout(() => {
      running = round().finally(() => {
        running = null;
        schedule();
      });
    }, o.intervalMs);
  };
  schedule();
  return {
    /** Runs a round now (after the one under way, if any). */
    async runNow() {
      await running;
      await round();
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
