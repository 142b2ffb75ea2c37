// Truth-inference accuracy and speed on real crowds with ground truth, against crowd-kit 1.4.1 and the
// paper authors' best (numbers copied from /work/shared/benchmarks/truth-inference/README.md), plus the
// 1M-answer synthetic crowd. Run alone: node bin/run-ts.js bench/truthInference.ts
// Settings: BENCH_TRUTH_DATA (folder of datasets), BENCH_SYNTH_DIR (default /tmp/synth_1m),
// BENCH_SYNTH_GENERATOR (gen_synthetic.py, used to create BENCH_SYNTH_DIR when it is missing).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import v8 from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { CategoricalResult } from '../src/domain/quality/aggregate/categoricalResult.ts';
import { dawidSkene } from '../src/domain/quality/aggregate/dawidSkene.ts';
import {
  type AnswerTriple,
  type EncodedAnswers,
  encodeAnswers,
} from '../src/domain/quality/aggregate/encodeAnswers.ts';
import { glad } from '../src/domain/quality/aggregate/glad.ts';
import { mace } from '../src/domain/quality/aggregate/mace.ts';
import { majorityVote } from '../src/domain/quality/aggregate/majorityVote.ts';
import { oneCoinDawidSkene } from '../src/domain/quality/aggregate/oneCoinDawidSkene.ts';
import { weightedMajorityVote } from '../src/domain/quality/aggregate/weightedMajorityVote.ts';

const BENCHMARK_DIR = '/work/shared/benchmarks/truth-inference';

const METHODS = ['MV', 'Wawa', 'DS', 'OneCoinDS', 'GLAD', 'MACE'] as const;
type MethodName = (typeof METHODS)[number];
/** crowd-kit also reports these; we do not implement them, but they count towards the best reference. */
type ReferenceOnly = 'ZBS' | 'MMSR';

const RUN: Record<MethodName, (encoded: EncodedAnswers) => CategoricalResult> = {
  MV: (e) => majorityVote(e.answers),
  Wawa: (e) => weightedMajorityVote(e.answers),
  DS: (e) => dawidSkene(e.answers),
  OneCoinDS: (e) => oneCoinDawidSkene(e.answers),
  GLAD: (e) => glad(e.answers),
  MACE: (e) => mace(e.answers),
};

/** [accuracy, seconds]; null where crowd-kit failed. */
type Reference = readonly [number, number] | null;

/** crowd-kit 1.4.1 on a 2-core machine: README.md, "Reference: accuracy of crowd-kit 1.4.1 (Toloka)". */
const CROWD_KIT: Record<string, Record<MethodName | ReferenceOnly, Reference>> = {
  duck: {
    MV: [0.7593, 0.02],
    Wawa: [0.7593, 0.04],
    DS: [0.8889, 0.07],
    OneCoinDS: [0.5833, 0.82],
    GLAD: [0.7222, 5.09],
    MACE: [0.8056, 8.39],
    ZBS: [0.7593, 2.41],
    MMSR: [0.713, 0.64],
  },
  product: {
    MV: [0.8966, 0.05],
    Wawa: [0.8966, 0.13],
    DS: [0.9397, 4.63],
    OneCoinDS: [0.9084, 1.7],
    GLAD: [0.9287, 47.6],
    MACE: [0.929, 27.4],
    ZBS: [0.8966, 8.5],
    MMSR: null,
  },
  sentiment: {
    MV: [0.932, 0.05],
    Wawa: [0.951, 0.09],
    DS: [0.96, 0.3],
    OneCoinDS: [0.949, 0.3],
    GLAD: [0.947, 14.7],
    MACE: [0.95, 16.1],
    ZBS: [0.953, 5.69],
    MMSR: [0.937, 1.13],
  },
  dog: {
    MV: [0.8178, 0.02],
    Wawa: [0.829, 0.05],
    DS: [0.8426, 0.44],
    OneCoinDS: [0.8302, 1.72],
    GLAD: [0.834, 10.4],
    MACE: [0.8302, 15.3],
    ZBS: [0.8302, 3.4],
    MMSR: [0.8278, 1.15],
  },
  face: {
    MV: [0.6301, 0.02],
    Wawa: [0.6301, 0.04],
    DS: [0.6404, 1.04],
    OneCoinDS: [0.6113, 0.47],
    GLAD: [0.6301, 3.17],
    MACE: [0.6353, 13.5],
    ZBS: [0.6301, 2.9],
    MMSR: [0.6301, 0.26],
  },
  rte: {
    MV: [0.9187, 0.04],
    Wawa: [0.9213, 0.08],
    DS: [0.9275, 0.47],
    OneCoinDS: [0.925, 0.97],
    GLAD: [0.9263, 16.5],
    MACE: [0.925, 11.3],
    ZBS: [0.9213, 3.2],
    MMSR: [0.8575, 1.96],
  },
};

/** The paper authors' best per dataset (zhydhkcws/crowd_truth_infer): README.md, same section. None for rte. */
const PAPER_BEST: Record<string, { method: string; accuracy: number }> = {
  duck: { method: 'LFC', accuracy: 0.8981 },
  product: { method: 'LFC', accuracy: 0.9373 },
  sentiment: { method: 'DS', accuracy: 0.96 },
  dog: { method: 'DS', accuracy: 0.8426 },
  face: { method: 'DS', accuracy: 0.6404 },
};

/** README.md, "Scale: synthetic crowds": crowd-kit 1.4.1 on gen_synthetic.py --seed 1 (1M answers). */
const SYNTHETIC_REFERENCE: Partial<Record<MethodName, readonly [number, number]>> = {
  MV: [0.8396, 1.4],
  DS: [0.9784, 29.3],
};

/** How far below the reference DS our DS may land and still count as matching it, in accuracy points. */
const DS_TOLERANCE_POINTS = 0.5;

/** The goal for DS on the 1M-answer synthetic crowd: at least this accuracy in under this many seconds. */
const SYNTHETIC_DS_GOAL = { accuracy: 0.978, seconds: 1.5 };

type Dataset = { encoded: EncodedAnswers; truth: ReadonlyMap<string, string> };

/** Splits a small CSV of plain fields (no quoting: the benchmark files hold ids and integers) after its header. */
function readCsvRows(file: string, header: string): string[][] {
  const lines = readFileSync(file, 'utf8').split(/\r?\n/);
  if (lines[0]?.trim() !== header)
    throw new Error(`${file}: expected the header "${header}", got "${lines[0]}"`);
  const rows: string[][] = [];
  for (let i = 1; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.length > 0) rows.push(line.split(','));
  }
  return rows;
}

function loadDataset(dir: string): Dataset {
  const triples: AnswerTriple[] = readCsvRows(path.join(dir, 'answers.csv'), 'item,worker,label').map(
    ([item, worker, label]) => ({ item: item!, worker: worker!, label: label! }),
  );
  const truth = new Map(readCsvRows(path.join(dir, 'truth.csv'), 'item,truth').map(([i, t]) => [i!, t!]));
  return { encoded: encodeAnswers(triples), truth };
}

/** Share of the items with ground truth (and at least one answer) whose chosen label is the true one. */
function accuracy(dataset: Dataset, labels: Int32Array): number {
  const { itemIndex, classIds } = dataset.encoded;
  let right = 0;
  let scored = 0;
  for (const [item, truth] of dataset.truth) {
    const i = itemIndex.get(item);
    if (i === undefined) continue;
    scored += 1;
    if (classIds[labels[i]!] === truth) right += 1;
  }
  return scored ? right / scored : 0;
}

function timed<T>(run: () => T): [T, number] {
  const started = performance.now();
  const result = run();
  return [result, (performance.now() - started) / 1000];
}

const points = (x: number) => {
  const text = (100 * x).toFixed(2);
  return text === '-0.00' ? '+0.00' : `${x >= 0 ? '+' : ''}${text}`;
};
const seconds = (s: number) => (s < 0.01 ? s.toFixed(4) : s < 10 ? s.toFixed(3) : s.toFixed(1));
const row = (cells: readonly string[], widths: readonly number[]) =>
  cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');

const WIDTHS = [10, 8, 8, 8, 9, 8, 12] as const;
const HEADER = ['method', 'ours', 'ref', 'diff', 'ours s', 'ref s', 'ratio vs ref'];
const SYNTHETIC_WIDTHS = [10, 8, 8, 8, 9, 8, 12, 8, 8, 9] as const;
const SYNTHETIC_HEADER = [
  'method',
  'ours',
  'ref',
  'diff',
  'ours s',
  'ref s',
  'ratio vs ref',
  'cpu s',
  'peak MB',
  'before MB',
];
/** Reference seconds over ours; below 0.1 ms our timer says too little to divide by. */
const speedUp = (ours: number, ref: number) => {
  if (ours < 1e-4) return `>${(ref / 1e-4).toFixed(0)}×`;
  const ratio = ref / ours;
  return `${ratio.toFixed(ratio >= 10 ? 0 : 1)}×`;
};

/**
 * The full collector, so each method's memory is measured from live data, not from the garbage the method
 * before it left behind. Node hides gc() unless the flag is set before a new context asks for it; where
 * that fails the measurement goes on without a collection.
 */
function exposeGarbageCollector(): () => void {
  v8.setFlagsFromString('--expose-gc');
  const gc: unknown = runInNewContext('gc');
  return typeof gc === 'function' ? (gc as () => void) : () => undefined;
}

/**
 * Sets the kernel's peak-RSS mark (VmHWM) back to the current RSS, so reading it after a call gives that
 * call's own peak, typed arrays included (they live outside the JS heap, so heapUsed would miss them).
 * Linux ≥ 4.0 only; elsewhere this returns false and the peak falls back to the whole run's maxRSS.
 */
function resetPeakRss(): boolean {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    // Not Linux, or /proc is read-only here: the caller reports the process-lifetime peak instead.
    return false;
  }
}

function peakRssBytes(sinceReset: boolean): number {
  if (sinceReset) {
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(readFileSync('/proc/self/status', 'utf8'))?.[1];
    if (kb !== undefined) return Number(kb) * 1024;
  }
  return process.resourceUsage().maxRSS * 1024;
}

type Measured<T> = {
  readonly result: T;
  readonly seconds: number;
  /** CPU time of the whole process during the call (V8's collector threads included). */
  readonly cpuSeconds: number;
  /** Highest resident set size of the process during the call, in MB. */
  readonly peakMb: number;
  /**
   * Resident set size just before the call. The allocator keeps freed pages and hands them out again, so
   * a call's peak rises above this only once it needs more than the process already holds.
   */
  readonly beforeMb: number;
  /** False where the peak could not be reset and is the whole run's peak. */
  readonly exactPeak: boolean;
};

/** Times one call and takes its peak memory; the collection before it is not timed. */
function measured<T>(collectGarbage: () => void, run: () => T): Measured<T> {
  collectGarbage();
  // After the reset, so the peak (never below the RSS at the reset) is never below this either.
  const exactPeak = resetPeakRss();
  const before = process.memoryUsage.rss();
  const cpu = process.cpuUsage();
  const started = performance.now();
  const result = run();
  const took = (performance.now() - started) / 1000;
  const { user, system } = process.cpuUsage(cpu);
  const peak = peakRssBytes(exactPeak);
  return {
    result,
    seconds: took,
    cpuSeconds: (user + system) / 1e6,
    peakMb: peak / 2 ** 20,
    beforeMb: before / 2 ** 20,
    exactPeak,
  };
}

function describe(encoded: EncodedAnswers): string {
  const { items, nItems, nWorkers, nClasses } = encoded.answers;
  return `${nItems.toLocaleString('en')} items, ${nWorkers.toLocaleString('en')} workers, ${items.length.toLocaleString('en')} answers, ${nClasses} classes`;
}

type Verdict = { dataset: string; dsMet: boolean; bestMet: boolean };

function benchDataset(name: string, dir: string): Verdict {
  const dataset = loadDataset(dir);
  const reference = CROWD_KIT[name];
  console.log(`\n${name} (${describe(dataset.encoded)})`);
  console.log(row(HEADER, WIDTHS));
  const ours = new Map<MethodName, number>();
  for (const method of METHODS) {
    // One untimed run first so the JIT has compiled the loops before the timed run.
    RUN[method](dataset.encoded);
    const [result, took] = timed(() => RUN[method](dataset.encoded));
    const acc = accuracy(dataset, result.labels);
    ours.set(method, acc);
    const ref = reference?.[method] ?? null;
    console.log(
      row(
        [
          method,
          acc.toFixed(4),
          ref ? ref[0].toFixed(4) : '—',
          ref ? points(acc - ref[0]) : '—',
          seconds(took),
          ref ? seconds(ref[1]) : '—',
          ref ? speedUp(took, ref[1]) : '—',
        ],
        WIDTHS,
      ),
    );
  }

  const ourDs = ours.get('DS') ?? 0;
  const refDs = reference?.DS?.[0] ?? 0;
  const dsMet = ourDs >= refDs - DS_TOLERANCE_POINTS / 100 - 1e-9;
  console.log(
    `  DS ${ourDs.toFixed(4)} vs reference DS ${refDs.toFixed(4)} (${points(ourDs - refDs)} points): ${dsMet ? 'within 0.5 points or above — met' : 'NOT met'}`,
  );

  let bar = { method: '', accuracy: 0, source: '' };
  for (const [method, ref] of Object.entries(reference ?? {})) {
    if (ref && ref[0] > bar.accuracy) bar = { method, accuracy: ref[0], source: 'crowd-kit' };
  }
  const paper = PAPER_BEST[name];
  if (paper && paper.accuracy > bar.accuracy) bar = { ...paper, source: 'paper authors' };
  let best: [MethodName, number] = ['MV', -1];
  for (const [method, acc] of ours) if (acc > best[1]) best = [method, acc];
  const bestMet = best[1] >= bar.accuracy - 1e-9;
  console.log(
    `  best ours ${best[0]} ${best[1].toFixed(4)} vs best reference ${bar.method} ${bar.accuracy.toFixed(4)} (${bar.source}) (${points(best[1] - bar.accuracy)} points): ${bestMet ? 'at or above — met' : 'NOT met'}`,
  );
  return { dataset: name, dsMet, bestMet };
}

/** Reads the synthetic answers without building 1M row arrays: one pass over the text. */
function loadSynthetic(dir: string): Dataset {
  const text = readFileSync(path.join(dir, 'answers.csv'), 'utf8');
  const triples: AnswerTriple[] = [];
  let start = text.indexOf('\n') + 1;
  while (start < text.length) {
    let end = text.indexOf('\n', start);
    if (end === -1) end = text.length;
    const first = text.indexOf(',', start);
    const second = text.indexOf(',', first + 1);
    if (first > start && second > first && second < end) {
      triples.push({
        item: text.slice(start, first),
        worker: text.slice(first + 1, second),
        label: text.slice(second + 1, end).trim(),
      });
    }
    start = end + 1;
  }
  const truth = new Map(readCsvRows(path.join(dir, 'truth.csv'), 'item,truth').map(([i, t]) => [i!, t!]));
  return { encoded: encodeAnswers(triples), truth };
}

function ensureSynthetic(dir: string, generator: string): boolean {
  if (existsSync(path.join(dir, 'answers.csv')) && existsSync(path.join(dir, 'truth.csv'))) return true;
  if (!existsSync(generator)) {
    console.log(`\nsynthetic: skipped — ${dir} is missing and the generator ${generator} is not there`);
    return false;
  }
  console.log(`\nsynthetic: generating ${dir} with python3 ${generator} --seed 1 …`);
  const run = spawnSync('python3', [generator, '--out', dir, '--seed', '1'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.stderr.toString().trim();
    console.log(`synthetic: skipped — could not run python3 (${why})`);
    return false;
  }
  return true;
}

function benchSynthetic(dir: string, generator: string): void {
  if (!ensureSynthetic(dir, generator)) return;
  const [dataset, loadSeconds] = timed(() => loadSynthetic(dir));
  console.log(
    `\nsynthetic ${dir} (${describe(dataset.encoded)}; read and encoded in ${seconds(loadSeconds)} s, not counted below)`,
  );
  console.log(
    '  ours s: wall time of one call of the method on the answers already encoded in memory (its own set-up included), after the real datasets warmed the JIT',
  );
  console.log(
    '  ratio vs ref: reference seconds / ours s; cpu s: process CPU time during the call (well below ours s when other processes share the cores)',
  );
  console.log(
    "  peak MB: the process's highest RSS during the call (dataset and id maps included); before MB: its RSS just before (freed pages are reused, so the peak passes it only when the call needs more)",
  );
  console.log(row(SYNTHETIC_HEADER, SYNTHETIC_WIDTHS));
  const collectGarbage = exposeGarbageCollector();
  const rounds: string[] = [];
  let exactPeaks = true;
  let ds: { accuracy: number; seconds: number } | undefined;
  for (const method of ['MV', 'DS', 'Wawa', 'OneCoinDS', 'GLAD', 'MACE'] as const) {
    const run = measured(collectGarbage, () => RUN[method](dataset.encoded));
    const acc = accuracy(dataset, run.result.labels);
    const ref = SYNTHETIC_REFERENCE[method];
    exactPeaks &&= run.exactPeak;
    if (method === 'DS') ds = { accuracy: acc, seconds: run.seconds };
    if ('iterations' in run.result && typeof run.result.iterations === 'number') {
      const converged = 'converged' in run.result && run.result.converged === true;
      rounds.push(`${method} ${run.result.iterations}${converged ? '' : ' (cap)'}`);
    }
    console.log(
      row(
        [
          method,
          acc.toFixed(4),
          ref ? ref[0].toFixed(4) : '—',
          ref ? points(acc - ref[0]) : '—',
          seconds(run.seconds),
          ref ? seconds(ref[1]) : '—',
          ref ? speedUp(run.seconds, ref[1]) : '—',
          seconds(run.cpuSeconds),
          run.peakMb.toFixed(0),
          run.beforeMb.toFixed(0),
        ],
        SYNTHETIC_WIDTHS,
      ),
    );
  }
  console.log(`  EM rounds: ${rounds.join(', ')}`);
  if (!exactPeaks)
    console.log("  peak MB: this system cannot reset the peak, so it is the whole run's maxRSS");
  if (ds) {
    const met = ds.accuracy >= SYNTHETIC_DS_GOAL.accuracy && ds.seconds < SYNTHETIC_DS_GOAL.seconds;
    console.log(
      `  DS ${ds.accuracy.toFixed(4)} in ${seconds(ds.seconds)} s vs goal ≥ ${SYNTHETIC_DS_GOAL.accuracy} in < ${SYNTHETIC_DS_GOAL.seconds} s: ${met ? 'met' : 'NOT met'}`,
    );
  }
}

/** Prints, per dataset and method, our accuracy and time against the references, then the verdicts. */
export async function truthInferenceBench(): Promise<void> {
  const dataDir = process.env.BENCH_TRUTH_DATA ?? path.join(BENCHMARK_DIR, 'data');
  const synthDir = process.env.BENCH_SYNTH_DIR ?? '/tmp/synth_1m';
  const generator = process.env.BENCH_SYNTH_GENERATOR ?? path.join(BENCHMARK_DIR, 'gen_synthetic.py');
  console.log(
    `Truth inference on ${dataDir} (reference: crowd-kit 1.4.1 and the paper authors' best, README.md)`,
  );
  const verdicts: Verdict[] = [];
  for (const name of Object.keys(CROWD_KIT)) {
    const dir = path.join(dataDir, name);
    if (!existsSync(path.join(dir, 'answers.csv'))) {
      console.log(`\n${name}: skipped — ${dir}/answers.csv not found`);
      continue;
    }
    verdicts.push(benchDataset(name, dir));
  }
  console.log('\nsummary');
  for (const v of verdicts) {
    console.log(
      `  ${v.dataset.padEnd(10)} DS within 0.5 points of reference: ${v.dsMet ? 'yes' : 'NO'};  best method at or above best reference: ${v.bestMet ? 'yes' : 'NO'}`,
    );
  }
  benchSynthetic(synthDir, generator);
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) await truthInferenceBench();
