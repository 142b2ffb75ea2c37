// What one quality pass costs as a project grows: the pass reads every work answer of the project, so its
// time grows with the project. Run alone: node bin/run-ts.js bench/qualityPassCost.ts (BENCH_PASS_SIZES=10000,100000)
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { migrate } from '../src/db/migrate.ts';
import { createPool } from '../src/db/pool.ts';
import { wire } from '../src/main/wire.ts';
import { createProjectBody } from '../src/shared/api.ts';
import { runQualityPass } from '../src/usecases/quality/runQualityPass.ts';
import { embeddedTarget } from './apiThroughput.ts';

export type PassCost = {
  answers: number;
  workers: number;
  firstSeconds: number;
  againSeconds: number;
  decided: number;
};

export async function qualityPassCost(sizes: number[], log = (s: string) => process.stderr.write(`${s}\n`)) {
  const target = await embeddedTarget();
  const pool = createPool(target.url, 10);
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-pass-'));
  const out: PassCost[] = [];
  try {
    await migrate(pool);
    const deps = wire(pool, { dataDir, qualityQueue: { touch: () => {} }, links: null });
    const owner = await deps.accounts.upsertUser('0x000000000000000000000000000000000000bEEF', 'owner');
    const org = await deps.accounts.createOrg('Pass org', owner.id);
    for (const answers of sizes) {
      const workers = Math.max(10, Math.round(answers / 50));
      const items = Math.round(answers / 3);
      log(`  ${answers} answers: setting up`);
      const project = await deps.projects.createProject(
        org.id,
        owner.id,
        createProjectBody.parse({
          name: `Pass ${answers}`,
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
          overlap: 3,
          rewardPerItemWei: '1',
        }),
      );
      // Answers straight into the tables: 3 per item from workers of 80% accuracy on truth 'a'.
      await pool.query(
        `insert into users (address) select '0x' || lpad(to_hex(g), 40, '0') from generate_series(1, $1) g
         on conflict do nothing`,
        [workers],
      );
      await pool.query(
        `insert into items (project_id, data, answer_count, claims, is_open)
         select $1, jsonb_build_object('text', 'item ' || g), 3, 3, false from generate_series(1, $2) g`,
        [project.id, items],
      );
      await pool.query(
        `with u as (select id, row_number() over (order by address) - 1 as n from users
                    where address like '0x0000%' and address <> '0x000000000000000000000000000000000000bEEF' limit $2),
              i as (select id, row_number() over (order by id) - 1 as n from items where project_id = $1),
              pairs as (select i.id as item_id, k from i cross join generate_series(0, 2) k)
         insert into assignments (project_id, item_id, user_id, kind, status, leased_at, expires_at, closed_at)
         select $1, p.item_id, u.id, 'work', 'submitted', now(), now(), now()
         from pairs p join u on u.n = (p.item_id * 7 + p.k * 13) % $2`,
        [project.id, workers],
      );
      await pool.query(
        `insert into answers (project_id, item_id, assignment_id, user_id, kind, answer, created_at, ledger_seq)
         select $1, a.item_id, a.id, a.user_id, 'work',
           jsonb_build_object('choice', case when random() < 0.8 then 'a' else 'b' end), now(), a.id
         from assignments a where a.project_id = $1`,
        [project.id],
      );
      await pool.query('analyze');
      const count = Number(
        (await pool.query('select count(*) from answers where project_id = $1', [project.id])).rows[0].count,
      );
      let t0 = performance.now();
      const first = await runQualityPass(deps, project.id);
      const firstSeconds = (performance.now() - t0) / 1000;
      t0 = performance.now();
      await runQualityPass(deps, project.id);
      const againSeconds = (performance.now() - t0) / 1000;
      out.push({ answers: count, workers, firstSeconds, againSeconds, decided: first?.decided ?? 0 });
      log(`  ${count} answers: first pass ${firstSeconds.toFixed(2)} s, again ${againSeconds.toFixed(2)} s`);
    }
    return out;
  } finally {
    await pool.end();
    await target.close();
    await fs.rm(dataDir, { recursive: true, force: true });
  }
}

export function formatQualityPassCost(rows: PassCost[]): string {
  const base = rows[0];
  return [
    '| answers | workers | first pass s (decides all) | pass again s (nothing new) | decided | µs per answer | time ratio to smallest |',
    '|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.answers} | ${r.workers} | ${r.firstSeconds.toFixed(2)} | ${r.againSeconds.toFixed(2)} | ${r.decided} | ${((r.againSeconds * 1e6) / r.answers).toFixed(1)} | ${base ? (r.againSeconds / base.againSeconds).toFixed(1) : '-'} |`,
    ),
  ].join('\n');
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href;
if (invokedDirectly) {
  const sizes = (process.env.BENCH_PASS_SIZES ?? '10000,100000').split(',').map(Number);
  console.log(formatQualityPassCost(await qualityPassCost(sizes)));
}
