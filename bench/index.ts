// Runs every benchmark in sequence: npm run bench. Settings come from BENCH_* environment variables
// (see apiThroughputOptions in bench/apiThroughput.ts); progress goes to stderr, results to stdout.
import os from 'node:os';
import { apiThroughput, apiThroughputOptions, formatApiThroughput } from './apiThroughput.ts';
import { crowdPipeline, formatCrowdPipeline } from './crowdPipeline.ts';
import { exportLarge, formatExportLarge } from './exportLarge.ts';
import { formatLoadMix, loadMix, loadMixOptions } from './loadMix.ts';
import { formatMarketGas, marketGas } from './marketGas.ts';
import { formatMerkleBuild, merkleBuild } from './merkleBuild.ts';
import { formatQualityPassCost, qualityPassCost } from './qualityPassCost.ts';
import { formatSettlementGas, settlementGas } from './settlementGas.ts';
import { truthInferenceBench } from './truthInference.ts';

const benchmarks: { name: string; run: () => Promise<string> }[] = [
  {
    name: 'API throughput',
    run: async () => {
      const o = apiThroughputOptions();
      const settings = `${o.clients.join('/')} clients, ${o.warmupSeconds} s warmup + ${o.seconds} s per run, pool ${o.poolSize}`;
      return `${settings}\n\n${formatApiThroughput(await apiThroughput(o))}`;
    },
  },
  {
    name: 'Load mix on real server processes (discovery, next item, submit, review), 1, 2 and 4 of them',
    run: async () => {
      const o = loadMixOptions();
      return formatLoadMix(await loadMix(o), o);
    },
  },
  {
    name: 'Truth inference (aggregation accuracy and speed against crowd-kit)',
    run: async () => {
      await truthInferenceBench();
      return 'printed above';
    },
  },
  {
    name: 'Simulated crowd through the real pipeline (label accuracy, rewards to spammers)',
    run: async () =>
      formatCrowdPipeline(
        await crowdPipeline({
          items: Number(process.env.BENCH_CROWD_ITEMS ?? 600),
          workers: Number(process.env.BENCH_CROWD_WORKERS ?? 100),
          seed: Number(process.env.BENCH_SEED ?? 7),
        }),
      ),
  },
  {
    name: 'Quality pass cost by project size',
    run: async () =>
      formatQualityPassCost(
        await qualityPassCost((process.env.BENCH_PASS_SIZES ?? '10000,100000').split(',').map(Number)),
      ),
  },
  {
    name: 'Settlement gas on anvil (epoch roots and claims against plain transfers)',
    run: async () =>
      formatSettlementGas(
        await settlementGas((process.env.BENCH_GAS_SIZES ?? '10,1000,100000').split(',').map(Number)),
      ),
  },
  {
    name: 'market-gas: marketplace gas on anvil (license purchase, royalty deposits, co-owner claims)',
    run: async () =>
      formatMarketGas(
        await marketGas((process.env.BENCH_MARKET_OWNERS ?? '10,10000').split(',').map(Number)),
      ),
  },
  {
    name: 'Merkle tree and proofs against @openzeppelin/merkle-tree',
    run: async () => {
      const sizes = (process.env.BENCH_MERKLE_SIZES ?? '100000,1000000').split(',').map(Number);
      return formatMerkleBuild(await merkleBuild(sizes, sizes));
    },
  },
  {
    name: 'Export to Parquet and JSONL (time and peak memory by size)',
    run: async () =>
      formatExportLarge(
        await exportLarge((process.env.BENCH_EXPORT_SIZES ?? '100000,1000000').split(',').map(Number)),
      ),
  },
];

const started = Date.now();
const cpu = os.cpus();
console.log(
  `Caravan benchmarks — Node ${process.version}, ${cpu.length} CPU(s) ${cpu[0]?.model ?? ''}`.trim(),
);
// BENCH_ONLY=truth (any part of a name, case-insensitive) runs just the matching benchmarks.
const only = process.env.BENCH_ONLY?.toLowerCase();
for (const b of benchmarks.filter((x) => !only || x.name.toLowerCase().includes(only))) {
  const t0 = Date.now();
  console.log(`\n== ${b.name}: ${await b.run()}\n(${((Date.now() - t0) / 1000).toFixed(0)} s)`);
}
console.log(`\ndone in ${((Date.now() - started) / 1000).toFixed(0)} s`);
