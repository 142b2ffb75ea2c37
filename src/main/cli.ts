import fs from 'node:fs';
import { Command, InvalidArgumentError, Option } from 'commander';
import { aggregateFile } from '../cli/aggregate.ts';
import { credentialsPath, readCredentials, writeCredentials } from '../cli/credentials.ts';
import { exportDir } from '../cli/exportDir.ts';
import { EXPORT_FORMATS, type ExportFormat } from '../cli/exportManifest.ts';
import { importFile } from '../cli/importFile.ts';
import { login } from '../cli/login.ts';
import { progressBar } from '../cli/progress.ts';
import { type Config, loadConfig } from '../config/config.ts';
import { DomainError } from '../domain/errors.ts';
import {
  CATEGORICAL_METHODS,
  type CategoricalMethod,
} from '../domain/quality/aggregate/categoricalMethods.ts';
import { formatUnits } from '../shared/amount.ts';
import { createProjectBody, importFormatFromFileName } from '../shared/api.ts';
import { ApiError, createClient } from '../shared/client.ts';
import { addChainCommands } from './chainCommands.ts';

const env = process.env;
type Role = Config['role'];
const program = new Command('caravan')
  .description('Caravan: crowdsourced AI data with fair pay and provable contributions')
  .showHelpAfterError();

const port = (v: string) => {
  const n = Number(v);
  if (!Number.isInteger(n) || n < 0 || n > 65_535)
    throw new InvalidArgumentError('a port is a whole number from 0 to 65535');
  return n;
};

program
  .command('start')
  .description('run the platform: database, worker, API and web app on one port')
  .option('-p, --port <port>', 'port to listen on (0 picks a free one)', port)
  .option('-d, --data-dir <dir>', 'where the embedded database and files live')
  .option('--host <host>', 'interface to listen on')
  .option('--dev-wallets', 'allow signing in with local development keys (never on a public server)')
  .addOption(
    new Option(
      '--role <role>',
      'what this process runs: api (API and web app), worker (jobs and chain rounds) or all',
    ).choices(['all', 'api', 'worker'] as const),
  )
  .action(
    async (o: { port?: number; dataDir?: string; host?: string; devWallets?: boolean; role?: Role }) => {
      const overrides: Parameters<typeof loadConfig>[1] = {};
      if (o.role) overrides.role = o.role;
      if (o.port !== undefined) overrides.port = o.port;
      if (o.dataDir) overrides.dataDir = o.dataDir;
      if (o.host) overrides.host = o.host;
      if (o.devWallets) overrides.devWallets = true;
      const config = loadConfig(env, overrides);
      // The server is loaded only to start it: the other commands stay light (an export needs a fraction of it).
      const { startPlatform } = await import('./server.ts');
      const platform = await startPlatform(config);
      process.stdout.write(
        config.role === 'worker'
          ? `\nCaravan worker is running; health and metrics at ${platform.url}\n`
          : `\nCaravan${config.role === 'api' ? ' API' : ''} is running at ${platform.url}\n`,
      );
      if (config.devWallets)
        process.stdout.write(
          'Development wallets are on: sign in as "requester", "alice", "bob", "reviewer" or "admin" from the sign-in page.\n',
        );
      process.stdout.write('Press Ctrl+C to stop.\n\n');
      const stop = async () => {
        process.stdout.write('stopping…\n');
        await platform.stop();
        process.exit(0);
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    },
  );

const serverOption = () => new Option('--url <url>', 'the Caravan server').env('CARAVAN_URL');

program
  .command('login')
  .description('sign in and save an API key for the other commands')
  .addOption(serverOption().default('http://127.0.0.1:8787'))
  .option('--dev <account>', 'sign in as a development account (requester, alice, …)')
  .option('--org <id>', 'the organization to act for (default: your first)')
  .action(async (o: { url: string; dev?: string; org?: string }) => {
    const key = env.CARAVAN_PRIVATE_KEY;
    if (key !== undefined && !/^0x[0-9a-fA-F]{64}$/.test(key))
      throw new Error('CARAVAN_PRIVATE_KEY must be 0x followed by 64 hex digits');
    const credentials = await login({
      url: o.url.replace(/\/$/, ''),
      devAccount: o.dev,
      privateKey: key as `0x${string}` | undefined,
      orgId: o.org,
    });
    const file = credentialsPath(env);
    await writeCredentials(file, credentials);
    process.stdout.write(`Signed in as ${credentials.address}; API key saved to ${file}\n`);
  });

async function apiClient(url?: string) {
  const saved = await readCredentials(credentialsPath(env));
  const apiKey = env.CARAVAN_API_KEY ?? saved?.apiKey;
  if (!apiKey) throw new Error('no API key: run `caravan login` first, or set CARAVAN_API_KEY');
  const baseUrl = (url ?? saved?.url ?? 'http://127.0.0.1:8787').replace(/\/$/, '');
  return { client: createClient({ baseUrl, apiKey }), baseUrl, apiKey };
}

const project = program.command('project').description('create and list projects');
project
  .command('create')
  .description('create a project from a JSON file (the body of POST /api/projects)')
  .requiredOption('-f, --file <file>', 'project definition (JSON)')
  .addOption(serverOption())
  .action(async (o: { file: string; url?: string }) => {
    const text = fs.readFileSync(o.file, 'utf8');
    let raw: unknown;
    try {
      raw = JSON.parse(text);
    } catch (e) {
      throw new Error(`${o.file} is not valid JSON: ${(e as Error).message}`);
    }
    const parsed = createProjectBody.safeParse(raw);
    if (!parsed.success) {
      const lines = parsed.error.issues
        .map((i) => `  ${i.path.join('.') || '(file)'}: ${i.message}`)
        .join('\n');
      throw new Error(`${o.file} is not a valid project:\n${lines}`);
    }
    const { client } = await apiClient(o.url);
    const created = await client.createProject(raw as never);
    process.stdout.write(
      `${created.id}\tcreated "${created.name}" (${created.annotation.method}, overlap ${created.overlap})\n`,
    );
  });
project
  .command('list')
  .description('your organizations’ projects')
  .addOption(serverOption())
  .action(async (o: { url?: string }) => {
    const { client } = await apiClient(o.url);
    const { projects } = await client.listProjects();
    if (!projects.length)
      process.stdout.write(
        'No projects yet: create one with `caravan project create --file project.json`.\n',
      );
    for (const p of projects)
      process.stdout.write(
        `${p.id}\t${p.status}\t${p.itemCount} items\t${formatUnits(BigInt(p.rewardPerItemWei))} CRV/item\t${p.name}\n`,
      );
  });

const items = program.command('items').description('items of a project');
items
  .command('import')
  .description('import items from JSONL, CSV or Label Studio JSON, with progress')
  .argument('<projectId>', 'the project')
  .argument('<file>', 'the file to import')
  .addOption(
    new Option('--format <format>', 'file format (default: from the extension)').choices([
      'jsonl',
      'csv',
      'labelstudio',
    ]),
  )
  .addOption(serverOption())
  .action(async (projectId: string, file: string, o: { format?: string; url?: string }) => {
    if (!fs.existsSync(file)) throw new Error(`no file ${file}`);
    const format = o.format ?? importFormatFromFileName(file);
    if (!format) throw new Error('say the format with --format jsonl|csv|labelstudio');
    const { baseUrl, apiKey } = await apiClient(o.url);
    const started = Date.now();
    const result = await importFile({ url: baseUrl, apiKey, projectId, file, format });
    process.stdout.write(
      `Imported ${result.imported} items (${result.gold} gold) in ${((Date.now() - started) / 1000).toFixed(1)} s; the project has ${result.itemCount}.\n`,
    );
  });

program
  .command('export')
  .description(
    'export a project: a directory with the data (jsonl, csv, parquet, coco, yolo or labelstudio), proofs.jsonl and manifest.json; or one JSONL/CSV file of answers or labels',
  )
  .argument('<projectId>', 'the project')
  .addOption(new Option('--format <format>', 'output format').choices([...EXPORT_FORMATS]).default('jsonl'))
  .addOption(
    new Option('--what <what>', 'answers, or one aggregated label per item (a single file)')
      .choices(['answers', 'labels'])
      .default('answers'),
  )
  .option(
    '-o, --out <path>',
    'a directory for the export with its manifest; a name ending in .jsonl or .csv writes that one file; none: standard output',
  )
  .option('--license <id>', 'the license for the dataset card (a Hugging Face license id)', 'unknown')
  .addOption(serverOption())
  .action(
    async (
      projectId: string,
      o: { format: ExportFormat; what: 'answers' | 'labels'; out?: string; license: string; url?: string },
    ) => {
      const { client, baseUrl } = await apiClient(o.url);
      const stats = await client.projectStats(projectId);
      const single = !o.out || /\.(jsonl|ndjson|csv)$/i.test(o.out) || o.what === 'labels';
      if (!single) {
        const out = o.out!;
        const bar = progressBar('export', stats.answersTotal, 'answers');
        const started = Date.now();
        const result = await exportDir(
          {
            client,
            baseUrl,
            now: () => new Date(),
            onProgress: (n) => bar.update(Math.min(n, stats.answersTotal)),
          },
          { projectId, format: o.format, dir: out, license: o.license },
        );
        bar.stop();
        for (const w of result.warnings) process.stderr.write(`warning: ${w}\n`);
        process.stdout.write(
          `Exported ${result.rows} answers as ${o.format} to ${out} (${result.files} files, ${result.batches} anchored batch(es)) in ${((Date.now() - started) / 1000).toFixed(1)} s; check it with \`caravan verify --export ${out}\`\n`,
        );
        return;
      }
      if (o.format !== 'jsonl' && o.format !== 'csv')
        throw new Error(`--format ${o.format} writes a directory: give --out <dir>`);
      const response = await client.send('GET', `/api/projects/${projectId}/export`, undefined, {
        format: o.format,
        what: o.what,
      });
      const out = o.out ? fs.createWriteStream(o.out) : process.stdout;
      const total = o.what === 'labels' ? stats.itemCount - stats.goldCount : stats.answersTotal;
      const bar = o.out ? progressBar('export', total, o.what) : null;
      let rows = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) {
        out.write(chunk);
        for (const byte of chunk) if (byte === 10) rows++;
        bar?.update(Math.min(rows, total));
      }
      bar?.stop();
      if (o.out) {
        await new Promise<void>((resolve) => (out as fs.WriteStream).end(resolve));
        process.stderr.write(`Wrote ${o.format === 'csv' ? rows - 1 : rows} ${o.what} to ${o.out}\n`);
      }
    },
  );

program
  .command('aggregate')
  .description(
    "infer one label per item from a crowd's answers (CSV item,worker,label); writes item,label,confidence",
  )
  .argument('<answers>', 'CSV with the header item,worker,label')
  .addOption(
    new Option(
      '-m, --method <method>',
      Object.entries(CATEGORICAL_METHODS)
        .map(([k, v]) => `${k}: ${v.label}`)
        .join('; '),
    )
      .choices(Object.keys(CATEGORICAL_METHODS))
      .default('ds'),
  )
  .option('-t, --truth <file>', 'CSV item,truth: print the accuracy of the inferred labels')
  .option('-o, --out <file>', 'write the labels here instead of standard output')
  .option('--json', 'print a JSON summary (to standard error when the labels go to standard output)')
  .action(
    (answers: string, o: { method: CategoricalMethod; truth?: string; out?: string; json?: boolean }) => {
      const out = o.out ? fs.openSync(o.out, 'w') : null;
      const summary = aggregateFile({ answers, method: o.method, truth: o.truth }, (line) =>
        out === null ? process.stdout.write(line) : fs.writeSync(out, line),
      );
      if (out !== null) fs.closeSync(out);
      const report = o.out ? process.stdout : process.stderr;
      if (o.json) report.write(`${JSON.stringify(summary)}\n`);
      else {
        const accuracy =
          summary.accuracy === null
            ? ''
            : `; accuracy ${summary.accuracy.toFixed(4)} on ${summary.truthItems} items with truth`;
        report.write(
          `${CATEGORICAL_METHODS[summary.method].label}: ${summary.items} items, ${summary.workers} workers, ${summary.answers} answers, ` +
            `${summary.classes} classes in ${summary.seconds.toFixed(3)} s; mean confidence ${summary.meanConfidence.toFixed(3)}${accuracy}\n`,
        );
      }
    },
  );

addChainCommands(program, { env, apiClient, serverOption });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ApiError) process.stderr.write(`caravan: ${error.message} (${error.code})\n`);
  else if (error instanceof DomainError) process.stderr.write(`caravan: ${error.message}\n`);
  else process.stderr.write(`caravan: ${(error as Error).message}\n`);
  process.exit(1);
});
