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
  // What each step last reported: a round that changes nothing (an epoch still waiting) is not logged again.
  const last = new Map<string, string>();
  const round = async () => {
    for (const step of o.steps) {
      if (stopped) return;
      try {
        const result = await step.run();
        const said = JSON.stringify(result ?? null);
        if (said !== last.get(step.name) && result && typeof result === 'object' && 'step' in result)
          if (result.step !== 'idle')
            o.log.info({ chain: step.name, ...result }, `${step.name}: ${String(result.step)}`);
        last.set(step.name, said);
      } catch (error) {
        last.delete(step.name);
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
