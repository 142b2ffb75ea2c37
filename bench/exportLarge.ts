// Exports of a large project to Parquet and JSONL: time, rate and the export process's peak memory at two sizes,
// to show memory does not grow with the dataset. Run alone: node bin/run-ts.js bench/exportLarge.ts
// (BENCH_EXPORT_SIZES=100000,1000000). Answers are seeded with SQL; each export is the real `caravan export`
// command in a process of its own, timed from start to exit, its peak memory reported by bench/peakRss.cjs.
// BENCH_EXPORT_HEAP_MB caps the export's V8 heap: an export that finishes under a small cap at every size holds a
// bounded amount, whatever its peak RSS (V8 lets the heap grow while memory is free).
import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { serve } from '@hono/node-server';
import type { ExportFormat } from '../src/cli/exportManifest.ts';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { createApp } from '../src/http/app.ts';
import { wire } from '../src/main/wire.ts';
import { createProjectBody } from '../src/shared/api.ts';
import { hashSecret, randomToken } from '../src/usecases/auth/keys.ts';
import { embeddedTarget } from './apiThroughput.ts';

export type ExportRun = {
  format: ExportFormat;
  rows: number;
  seconds: number;
  rowsPerSecond: number;
  peakRssMb: number;
};

const run = promisify(execFile);
const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Seeds one project per size with SQL, serves the API in process, and times each export in a child process. */
export async function exportLarge(sizes: number[], log = (s: string) => process.stderr.write(`${s}\n`)) {
  const target = await embeddedTarget();
  const pool = createPool(target.url, 10);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-export-bench-'));
  const out: ExportRun[] = [];
  const deps = wire(pool, { dataDir, qualityQueue: { touch: () => {} }, links: null });
  let listening: (port: number) => void = () => {};
  const port = new Promise<number>((resolve) => {
    listening = resolve;
  });
  const server = serve({ fetch: createApp(deps).fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
    listening(info.port),
  );
  try {
    await migrate(pool);
    const url = `http://127.0.0.1:${await port}`;
    const owner = await deps.accounts.upsertUser('0x000000000000000000000000000000000000bEEF', 'owner');
    const org = await deps.accounts.createOrg('Export org', owner.id);
    const apiKey = `cvn_benchxxx_${randomToken(24)}`;
    await deps.accounts.createApiKey({
      orgId: org.id,
      userId: owner.id,
      name: 'bench',
      prefix: 'benchxxx',
      keyHash: hashSecret(apiKey),
    });
    await pool.query(
      `insert into users (address) select '0x' || lpad(to_hex(g), 40, '0') from generate_series(1, 1000) g on conflict do nothing`,
    );
    for (const rows of sizes) {
      log(`  ${rows} answers: seeding`);
      const project = await deps.projects.createProject(
        org.id,
        owner.id,
        createProjectBody.parse({
          name: `Export ${rows}`,
          modality: 'text',
          annotation: {
            method: 'single_choice',
            config: {
              choices: [
                { value: 'a', label: 'A' },
                { value: 'b', label: 'B' },
              ],
            },
          },
          overlap: 1,
          rewardPerItemWei: '1',
        }),
      );
      await pool.query(
        `insert into items (project_id, data, answer_count, claims, is_open)
         select $1, jsonb_build_object('text', 'a sentence to classify, number ' || g), 1, 1, false from generate_series(1, $2) g`,
        [project.id, rows],
      );
      await pool.query(
        `with u as (select id, row_number() over (order by address) - 1 as n from users where address like '0x0000%' limit 1000),
              i as (select id, row_number() over (order by id) - 1 as n from items where project_id = $1)
         insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at, closed_at)
         select $1, i.id, u.id, 'work', 'submitted', now(), now(), now() from i join u on u.n = i.n % 1000`,
        [project.id],
      );
      await pool.query(
        `insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, duration_ms, created_at, ledger_seq)
         select $1, a.item_id, a.id, a.user_id, 'work', jsonb_build_object('choice', case when a.id % 5 = 0 then 'b' else 'a' end),
           3000, now(), row_number() over (order by a.id)
         from assignments a where a.project_id = $1`,
        [project.id],
      );
      // Ledger rows only need to exist for the export's join; their hashes are not checked here.
      await pool.query(
        `insert into ledger_entries (project_id, seq, answer_id, contributor, item_id, answer_hash, created_at, prev_hash, hash)
         select a.project_id, a.ledger_seq, a.id, u.address, a.item_id, sha256(convert_to(a.answer::text, 'utf8')), a.created_at,
           sha256(convert_to((a.ledger_seq - 1)::text, 'utf8')), sha256(convert_to(a.ledger_seq::text, 'utf8'))
         from answers a join users u on u.id = a.user_id where a.project_id = $1`,
        [project.id],
      );
      // As autovacuum would after a bulk load: without statistics the planner joins the ledger by scanning it.
      await pool.query('analyze items, assignments, answers, ledger_entries, users');
      for (const format of ['parquet', 'jsonl'] as const) {
        log(`  ${rows} answers: ${format}`);
        const dir = path.join(dataDir, `${format}-${rows}`);
        const peakFile = path.join(dataDir, 'peak-rss');
        const started = performance.now();
        const { stdout } = await run(
          process.execPath,
          [
            ...(process.env.BENCH_EXPORT_HEAP_MB
              ? [`--max-old-space-size=${process.env.BENCH_EXPORT_HEAP_MB}`]
              : []),
            '--require',
            path.join(ROOT, 'bench/peakRss.cjs'),
            'bin/caravan.js',
            'export',
            project.id,
            '--format',
            format,
            '--out',
            dir,
          ],
          {
            cwd: ROOT,
            env: { ...process.env, CARAVAN_URL: url, CARAVAN_API_KEY: apiKey, BENCH_PEAK_RSS_FILE: peakFile },
            maxBuffer: 16 * 1024 * 1024,
            timeout: 3_600_000,
          },
        );
        const seconds = (performance.now() - started) / 1000;
        const exported = /Exported (\d+) answers/.exec(stdout);
        if (!exported) throw new Error(`caravan export said: ${stdout.slice(-500)}`);
        const exportedRows = Number(exported[1]);
        out.push({
          format,
          rows: exportedRows,
          seconds,
          rowsPerSecond: exportedRows / seconds,
          peakRssMb: Number(await fs.readFile(peakFile, 'utf8')) / 1024,
        });
        await fs.rm(dir, { recursive: true, force: true });
      }
    }
  } finally {
    server.close();
    await pool.end();
    await target.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
  return out;
}

/** The table, with each format's peak memory at the largest size over the smallest. */
export function formatExportLarge(runs: ExportRun[]): string {
  const lines = ['format    rows        seconds   rows/s     peak RSS (MB)'];
  for (const r of runs)
    lines.push(
      `${r.format.padEnd(9)} ${String(r.rows).padEnd(11)} ${r.seconds.toFixed(1).padEnd(9)} ${Math.round(r.rowsPerSecond).toString().padEnd(10)} ${r.peakRssMb.toFixed(0)}`,
    );
  for (const format of new Set(runs.map((r) => r.format))) {
    const of = runs.filter((r) => r.format === format).sort((a, b) => a.rows - b.rows);
    if (of.length > 1)
      lines.push(
        `${format}: peak RSS at ${of.at(-1)!.rows} rows is ${(of.at(-1)!.peakRssMb / of[0]!.peakRssMb).toFixed(2)}× that at ${of[0]!.rows}`,
      );
  }
  return lines.join('\n');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const sizes = (process.env.BENCH_EXPORT_SIZES ?? '100000,1000000').split(',').map(Number);
  console.log(formatExportLarge(await exportLarge(sizes)));
}
