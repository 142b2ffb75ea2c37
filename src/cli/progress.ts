import cliProgress from 'cli-progress';

/** A progress bar on stderr when it is a terminal; plain occasional lines otherwise (CI logs, pipes). */
export function progressBar(label: string, total: number, unit = 'items') {
  if (process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      {
        format: `${label} [{bar}] {percentage}% | {value}/{total} ${unit} | {eta_formatted} left`,
        stream: process.stderr,
        hideCursor: true,
      },
      cliProgress.Presets.shades_classic,
    );
    bar.start(total, 0);
    return {
      update: (n: number, newTotal?: number) => {
        if (newTotal !== undefined) bar.setTotal(newTotal);
        bar.update(n);
      },
      stop: () => bar.stop(),
    };
  }
  let lastPct = -1;
  let current = total;
  return {
    update: (n: number, newTotal?: number) => {
      if (newTotal !== undefined) current = newTotal;
      const pct = current ? Math.floor((n / current) * 10) * 10 : 100;
      if (pct !== lastPct) {
        lastPct = pct;
        process.stderr.write(`${label}: ${pct}% (${n}/${current} ${unit})\n`);
      }
    },
    stop: () => {},
  };
}
