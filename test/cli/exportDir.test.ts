import { execFile } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { asyncBufferFromFile, parquetReadObjects } from 'hyparquet';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.ts';
import { answerFromLabelStudio } from '../../src/domain/export/answerFromLabelStudio.ts';
import { type RunningPlatform, startPlatform } from '../../src/main/server.ts';
import { testDb } from '../setup/testDb.ts';

// `caravan export --out DIR` in every format from a real server whose ledger is anchored on a real anvil,
// then `caravan verify --export DIR`, untouched and tampered.
const run = promisify(execFile);
let platform: RunningPlatform;
let dir: string;
let drop: () => Promise<void>;
let env: NodeJS.ProcessEnv;

async function caravan(...args: string[]) {
  try {
    const { stdout, stderr } = await run(process.execPath, ['bin/caravan.js', ...args], {
      env,
      timeout: 120_000,
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

async function signedIn(account: string) {
  const r = await fetch(`${platform.url}/api/auth/dev`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ account }),
  });
  const cookie = r.headers.get('set-cookie')!.split(';')[0]!;
  return async (method: string, url: string, body?: unknown) =>
    (
      await fetch(`${platform.url}${url}`, {
        method,
        headers: { cookie, 'content-type': 'application/json' },
        ...(body ? { body: JSON.stringify(body) } : {}),
      })
    ).json();
}

const definition = {
  name: 'Export boxes',
  description: 'Cars in three photos.',
  taskType: 'community',
  rewardPerItemWei: '0',
  modality: 'image',
  annotation: {
    method: 'bbox',
    config: {
      labels: [
        { value: 'car', label: 'Car' },
        { value: 'bus', label: 'Bus' },
      ],
    },
  },
  overlap: 2,
};
let projectId = '';
const answers = new Map<string, unknown>();

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'caravan-export-'));
  const database = await testDb();
  drop = database.drop;
  await database.db.end().catch(() => {});
  platform = await startPlatform({
    ...loadConfig(
      {
        LOG_LEVEL: 'silent',
        CARAVAN_SEED_DEMO: 'false',
        CARAVAN_SETTLE_SECONDS: '1',
        CARAVAN_QUALITY_DELAY_MS: '100',
      },
      { port: 0, dataDir: path.join(dir, 'data'), devWallets: true },
    ),
    databaseUrl: database.url,
  });
  env = { ...process.env, XDG_CONFIG_HOME: path.join(dir, 'config'), CARAVAN_URL: platform.url };
  delete env.CARAVAN_API_KEY;
  expect((await caravan('login', '--dev', 'requester')).code).toBe(0);
  const file = path.join(dir, 'project.json');
  await fs.writeFile(file, JSON.stringify(definition));
  projectId = (await caravan('project', 'create', '--file', file)).stdout.split('\t')[0]!;
  const items = path.join(dir, 'items.jsonl');
  await fs.writeFile(
    items,
    [0, 1, 2]
      .map((i) =>
        JSON.stringify({
          id: `photo${i}`,
          image: `https://images.test/photo${i}.jpg`,
          width: 640,
          height: 480,
        }),
      )
      .join('\n'),
  );
  expect((await caravan('items', 'import', projectId, items)).code).toBe(0);
  for (const [k, account] of ['alice', 'bob'].entries()) {
    const call = await signedIn(account);
    for (let i = 0; i < 3; i++) {
      const lease = await call('POST', `/api/tasks/${projectId}/assignments`);
      const answer = {
        boxes: [
          { x: 0.1 + i / 10, y: 0.29, w: 0.12345678901234568, h: 0.3, label: 'car' },
          ...(k ? [{ x: 0.5, y: 0.5, w: 0.25, h: 0.25, label: 'bus' }] : []),
        ],
      };
      const stored = await call('POST', `/api/assignments/${lease.id}/answer`, { answer, durationMs: 4000 });
      answers.set(stored.answerId, answer);
    }
  }
  // The worker's chain round batches the ledger and anchors it.
  const last = [...answers.keys()].at(-1)!;
  for (let waited = 0; ; waited += 500) {
    const proof = await (await fetch(`${platform.url}/api/answers/${last}/proof`)).json();
    if (proof.batch?.status === 'anchored') break;
    if (waited > 60_000) throw new Error(`not anchored: ${JSON.stringify(proof)}`);
    await new Promise((r) => setTimeout(r, 500));
  }
}, 120_000);
afterAll(async () => {
  await platform?.stop();
  await drop?.().catch(() => {});
  await fs.rm(dir, { recursive: true, force: true });
});

describe('caravan export --out DIR and caravan verify --export', () => {
  for (const format of ['jsonl', 'csv', 'parquet', 'coco', 'yolo', 'labelstudio'])
    it(`${format}: writes the data, proofs and manifest, and verifies against the chain`, async () => {
      const out = path.join(dir, `out-${format}`);
      const exported = await caravan(
        'export',
        projectId,
        '--format',
        format,
        '--out',
        out,
        '--license',
        'cc-by-4.0',
      );
      expect(exported.stdout, exported.stderr).toContain(`Exported 6 answers as ${format}`);
      const manifest = JSON.parse(await fs.readFile(path.join(out, 'manifest.json'), 'utf8'));
      expect(manifest).toMatchObject({
        format,
        project: { id: projectId, method: 'bbox' },
        records: { count: 6 },
      });
      expect(manifest.batches.length).toBeGreaterThan(0);
      expect(manifest.batches[0]).toMatchObject({
        txHash: expect.stringMatching(/^0x/),
        blockNumber: expect.any(Number),
      });
      const verified = await caravan('verify', '--export', out);
      expect(verified.stdout, verified.stderr).toContain(
        'VERIFIED: every file, record and proof checks out, against the chain',
      );
      expect(verified.stdout).toContain('6 answers re-hashed');
      expect(verified.code).toBe(0);
    }, 60_000);

  it('writes formats readers take: Parquet rows, COCO pixels, YOLO lines, a dataset card', async () => {
    const rows = await parquetReadObjects({
      file: await asyncBufferFromFile(path.join(dir, 'out-parquet', 'data.parquet')),
    });
    expect(rows).toHaveLength(6);
    for (const r of rows) expect(JSON.parse(r.answer as string)).toEqual(answers.get(r.answer_id as string));
    const coco = JSON.parse(await fs.readFile(path.join(dir, 'out-coco', 'annotations.json'), 'utf8'));
    expect(coco.images).toHaveLength(3);
    expect(coco.categories).toEqual([
      { id: 1, name: 'car', supercategory: '' },
      { id: 2, name: 'bus', supercategory: '' },
    ]);
    expect(coco.annotations).toHaveLength(9);
    expect(coco.annotations.find((a: { category_id: number }) => a.category_id === 2).bbox).toEqual([
      320, 240, 160, 120,
    ]);
    const yaml = await fs.readFile(path.join(dir, 'out-yolo', 'data.yaml'), 'utf8');
    expect(yaml).toContain('nc: 2');
    const labels = await fs.readdir(path.join(dir, 'out-yolo', 'labels'));
    expect(labels).toHaveLength(6);
    const card = await fs.readFile(path.join(dir, 'out-parquet', 'README.md'), 'utf8');
    expect(card).toContain('license: cc-by-4.0');
    expect(card).toContain('task_categories:\n- "object-detection"');
    expect(card).toContain('6 answers from 2 contributor(s) on 3 items');
  });

  it('Label Studio round trip: the tasks import into a new project and their annotations read back identical', async () => {
    const tasksFile = path.join(dir, 'out-labelstudio', 'tasks.json');
    const tasks = JSON.parse(await fs.readFile(tasksFile, 'utf8')) as {
      annotations: { id: number; result: unknown }[];
    }[];
    const read = tasks.flatMap((t) =>
      t.annotations.map((a) => [String(a.id), answerFromLabelStudio('bbox', a.result)] as const),
    );
    expect(read).toHaveLength(6);
    for (const [id, r] of read) expect(r).toEqual({ ok: true, answer: answers.get(id) });
    const file = path.join(dir, 'second.json');
    await fs.writeFile(file, JSON.stringify({ ...definition, name: 'Export boxes again' }));
    const second = (await caravan('project', 'create', '--file', file)).stdout.split('\t')[0]!;
    const imported = await caravan('items', 'import', second, tasksFile);
    expect(imported.stdout, imported.stderr).toContain('Imported 3 items (0 gold)');
  });

  it('fails with a clear message when a record or a file is tampered with', async () => {
    const out = path.join(dir, 'out-jsonl');
    const dataFile = path.join(out, 'data.jsonl');
    const lines = (await fs.readFile(dataFile, 'utf8')).trim().split('\n');
    const row = JSON.parse(lines[1]!);
    row.answer.boxes[0].label = 'bus';
    lines[1] = JSON.stringify(row);
    await fs.writeFile(dataFile, `${lines.join('\n')}\n`);
    const tampered = await caravan('verify', '--export', out);
    expect(tampered.code).toBe(1);
    expect(tampered.stdout).toContain('✗ data.jsonl has sha256');
    expect(tampered.stdout).toContain(`✗ answer ${row.answer_id}: the exported answer hashes to`);
    expect(tampered.stderr).toContain(`first answers: ${row.answer_id}`);

    const cardDir = path.join(dir, 'out-csv');
    await fs.appendFile(path.join(cardDir, 'README.md'), 'one more line\n');
    const file = await caravan('verify', '--export', cardDir);
    expect(file.code).toBe(1);
    expect(file.stdout).toMatch(/✗ README\.md is \d+ bytes, the manifest says \d+/);

    // A Parquet file cut short cannot even be read: said once, with the size, not a crash.
    const parquet = path.join(dir, 'out-parquet', 'data.parquet');
    await fs.writeFile(parquet, (await fs.readFile(parquet)).subarray(0, 100));
    const cut = await caravan('verify', '--export', path.join(dir, 'out-parquet'));
    expect(cut.code).toBe(1);
    expect(cut.stdout).toMatch(/✗ data\.parquet is 100 bytes, the manifest says \d+/);
    expect(cut.stdout).toContain('✗ data.parquet cannot be read');
  });
});
