import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { createPool } from '../../src/db/pool.ts';
import { type RunningPlatform, startPlatform } from '../../src/main/server.ts';
import { testDb } from '../setup/testDb.ts';

const run = promisify(execFile);
let platform: RunningPlatform;
let dir: string;
let drop: () => Promise<void>;
let env: NodeJS.ProcessEnv;
let databaseUrl: string;

/** Runs `caravan …` as a user would, in a child process. */
async function caravan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/caravan.js', ...args], {
      env,
      timeout: 120_000,
      maxBuffer: 64 * 1024 * 1024,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-cli-'));
  const database = await testDb();
  drop = database.drop;
  databaseUrl = database.url;
  await database.db.end().catch(() => {});
  platform = await startPlatform({
    ...loadConfig(
      {
        LOG_LEVEL: 'silent',
        CARAVAN_SEED_DEMO: 'false',
        CARAVAN_SETTLE_SECONDS: '1',
        CARAVAN_EPOCH_SECONDS: '0',
        CARAVAN_HOLD_SECONDS: '0',
        CARAVAN_ROOT_DELAY_SECONDS: '1',
        CARAVAN_QUALITY_DELAY_MS: '100',
      },
      { port: 0, dataDir: path.join(dir, 'data'), devWallets: true },
    ),
    databaseUrl: database.url,
  });
  env = { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), CARAVAN_URL: platform.url };
  delete env.CARAVAN_API_KEY;
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await drop?.().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

describe('caravan CLI', () => {
  it('prints help', async () => {
    const r = await caravan('--help');
    expect(r.code).toBe(0);
    for (const command of ['start', 'login', 'project', 'items', 'export'])
      expect(r.stdout).toContain(command);
  });

  it('asks for a login before talking to the server', async () => {
    const r = await caravan('project', 'list');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('run `caravan login` first');
  });

  it('logs in, creates a project, imports 100,000 items with progress, and exports', async () => {
    expect((await caravan('login', '--dev', 'requester')).code).toBe(0);
    const definition = path.join(dir, 'project.json');
    await fs.writeFile(
      definition,
      JSON.stringify({
        name: 'CLI project',
        modality: 'text',
        annotation: {
          method: 'single_choice',
          config: {
            choices: [
              { value: 'y', label: 'Yes' },
              { value: 'n', label: 'No' },
            ],
          },
        },
        overlap: 1,
        rewardPerItemWei: '7',
      }),
    );
    const created = await caravan('project', 'create', '--file', definition);
    expect(created.code).toBe(0);
    const projectId = created.stdout.split('\t')[0]!;
    expect(projectId).toMatch(/^[0-9a-f-]{36}$/);

    const items = path.join(dir, 'items.jsonl');
    await fs.writeFile(
      items,
      Array.from({ length: 100_000 }, (_, i) => JSON.stringify({ id: `q${i}`, text: `question ${i}` })).join(
        '\n',
      ),
    );
    const imported = await caravan('items', 'import', projectId, items);
    expect(imported.stderr).toContain('upload: 100%');
    expect(imported.stderr).toContain('store : 100% (100000/100000 items)');
    expect(imported.stdout).toContain('Imported 100000 items (0 gold)');
    expect(imported.code).toBe(0);

    const bad = path.join(dir, 'bad.csv');
    await fs.writeFile(bad, 'id,text\nx1,fine\nx2,\n');
    const refused = await caravan('items', 'import', projectId, bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 3: missing "text"');

    const listed = await caravan('project', 'list');
    expect(listed.stdout).toMatch(new RegExp(`${projectId}\\tactive\\t100000 items`));

    const out = path.join(dir, 'answers.csv');
    const exported = await caravan('export', projectId, '--format', 'csv', '--out', out);
    expect(exported.code).toBe(0);
    expect((await fs.readFile(out, 'utf8')).split('\r\n')[0]).toBe(
      'item_id,external_id,contributor,answer,status,duration_ms,created_at,ledger_seq,ledger_hash,data',
    );
  }, 90_000);

  it('funds a project, claims settled rewards through the relayer, and proves an answer (or fails loudly)', async () => {
    expect((await caravan('login', '--dev', 'requester')).code).toBe(0);
    const definition = path.join(dir, 'paid.json');
    await fs.writeFile(
      definition,
      JSON.stringify({
        name: 'CLI paid project',
        modality: 'text',
        annotation: {
          method: 'single_choice',
          config: {
            choices: [
              { value: 'y', label: 'Yes' },
              { value: 'n', label: 'No' },
            ],
          },
        },
        overlap: 1,
        rewardPerItemWei: '2000000000000000000',
        quality: {
          review: { enabled: false },
          aggregation: { method: 'mv', confidence: 0.5, minAnswers: 1 },
        },
      }),
    );
    const projectId = (await caravan('project', 'create', '--file', definition)).stdout.split('\t')[0]!;
    const items = path.join(dir, 'paid.jsonl');
    await fs.writeFile(items, '{"id":"a","text":"one"}\n{"id":"b","text":"two"}\n');
    expect((await caravan('items', 'import', projectId, items)).code).toBe(0);
    const badAmount = await caravan('fund', projectId, '--amount', 'lots');
    expect(badAmount.code).toBe(1);
    expect(badAmount.stderr).toContain('--amount lots is not a number of tokens');
    const funded = await caravan('fund', projectId, '--amount', '5');
    expect(funded.stdout, funded.stderr).toContain('CRV: funded 5');
    expect(funded.code).toBe(0);

    // Alice answers both items through the API.
    const signIn = await fetch(`${platform.url}/api/auth/dev`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ account: 'alice' }),
    });
    const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
    const call = async (method: string, url: string, body?: unknown) =>
      (
        await fetch(`${platform.url}${url}`, {
          method,
          headers: { cookie, 'content-type': 'application/json' },
          ...(body ? { body: JSON.stringify(body) } : {}),
        })
      ).json();
    const answerIds: string[] = [];
    for (let i = 0; i < 2; i++) {
      const lease = await call('POST', `/api/tasks/${projectId}/assignments`);
      answerIds.push(
        (
          await call('POST', `/api/assignments/${lease.id}/answer`, {
            answer: { choice: 'y' },
            durationMs: 9000,
          })
        ).answerId,
      );
    }
    // The quality pass approves, the chain rounds settle the epoch and anchor the ledger.
    for (let waited = 0; ; waited += 500) {
      const rewards = await call('GET', '/api/me/rewards');
      if (rewards.tokens?.[0]?.claimableWei === '4000000000000000000') break;
      if (waited > 60_000) throw new Error(`not settled: ${JSON.stringify(rewards)}`);
      await new Promise((r) => setTimeout(r, 500));
    }
    expect((await caravan('login', '--dev', 'alice')).code).toBe(0);
    const claimed = await caravan('claim', '--relay');
    expect(claimed.stdout, claimed.stderr).toContain('relayed 1 claim(s)');
    expect(claimed.stdout).toContain('CRV: claimed 4 now, 4 in all');

    const verified = await caravan('verify', answerIds[0]!);
    expect(verified.stdout, verified.stderr).toContain('VERIFIED against the chain');
    expect(verified.stdout).toMatch(/✓ anchor: the provenance registry holds root 0x[0-9a-f]{64}/);
    expect(verified.code).toBe(0);
    const pool = createPool(databaseUrl, 1);
    await pool.query(`update answers set answer = '{"choice":"n"}' where id = $1`, [answerIds[0]]);
    await pool.end();
    const tampered = await caravan('verify', answerIds[0]!);
    expect(tampered.stdout).toContain('✗ answer: the stored answer hashes to');
    expect(tampered.stdout).toContain('NOT VERIFIED');
    expect(tampered.code).toBe(1);
  }, 90_000);

  it('explains a bad project file field by field', async () => {
    const definition = path.join(dir, 'bad-project.json');
    await fs.writeFile(
      definition,
      JSON.stringify({ name: 'x', modality: 'smell', annotation: { method: 'rating', config: {} } }),
    );
    const r = await caravan('project', 'create', '--file', definition);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('name:');
    expect(r.stderr).toContain('modality:');
  });

  it('aggregates a crowd from CSV, scores it against the truth and names bad lines', async () => {
    // Two careful workers and one who always answers the opposite: Dawid-Skene learns to read him inverted.
    const rows = ['item,worker,label'];
    const truth = ['item,truth'];
    for (let i = 0; i < 30; i++) {
      const t = i % 3 === 0 ? 'cat' : 'dog';
      const other = t === 'cat' ? 'dog' : 'cat';
      truth.push(`q${i},${t}`);
      rows.push(
        `q${i},careful1,${i % 10 === 1 ? other : t}`,
        `q${i},careful2,${i % 10 === 6 ? other : t}`,
        `q${i},contrarian,${other}`,
      );
    }
    const answers = path.join(dir, 'crowd.csv');
    const truthFile = path.join(dir, 'truth.csv');
    await fs.writeFile(answers, `${rows.join('\n')}\n`);
    await fs.writeFile(truthFile, `${truth.join('\n')}\n`);
    const out = path.join(dir, 'labels.csv');
    const ds = await caravan(
      'aggregate',
      answers,
      '--method',
      'ds',
      '--truth',
      truthFile,
      '--out',
      out,
      '--json',
    );
    expect(ds.code).toBe(0);
    const summary = JSON.parse(ds.stdout);
    expect(summary).toMatchObject({
      method: 'ds',
      items: 30,
      workers: 3,
      answers: 90,
      classes: 2,
      accuracy: 1,
      truthItems: 30,
    });
    const lines = (await fs.readFile(out, 'utf8')).trim().split('\n');
    expect(lines[0]).toBe('item,label,confidence');
    expect(lines).toHaveLength(31);
    expect(lines[1]).toMatch(/^q0,cat,(0|1)\.\d{6}$/);
    // Majority vote is fooled where one careful worker slips and the contrarian sides with him: 6 of 30.
    const mv = await caravan(
      'aggregate',
      answers,
      '--method',
      'mv',
      '--truth',
      truthFile,
      '--json',
      '--out',
      out,
    );
    expect(JSON.parse(mv.stdout).accuracy).toBeCloseTo(24 / 30, 6);

    const bad = path.join(dir, 'bad-crowd.csv');
    await fs.writeFile(bad, 'item,worker,label\nq1,w1,cat\nq2,,dog\n');
    const refused = await caravan('aggregate', bad);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('line 3: "worker" is empty');
    const noHeader = await caravan('aggregate', truthFile);
    expect(noHeader.stderr).toContain('line 1 must be a header naming item,worker,label');
  });
});
