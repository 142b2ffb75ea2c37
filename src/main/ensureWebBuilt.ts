import fs from 'node:fs/promises';
import path from 'node:path';
import type { Logger } from 'pino';

/** Builds the web app with Vite when its build is missing or older than its sources; returns the build directory. */
export async function ensureWebBuilt(root: string, log: Logger): Promise<string> {
  const out = path.join(root, 'dist/web');
  const src = path.join(root, 'src/web');
  const builtAt = await fs
    .stat(path.join(out, 'index.html'))
    .then((s) => s.mtimeMs)
    .catch(() => 0);
  const newest = Math.max(await newestMtime(src), await newestMtime(path.join(root, 'src/shared')));
  if (builtAt && builtAt >= newest) return out;
  const started = Date.now();
  log.info('building the web app (first start, or its sources changed)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(root, 'vite.config.ts'), logLevel: 'warn' });
  log.info({ ms: Date.now() - started }, 'web app built');
  return out;
}

async function newestMtime(dir: string): Promise<number> {
  let newest = 0;
  const entries = await fs.readdir(dir, { withFileTypes: true, recursive: true }).catch(() => []);
  for (const e of entries) {
    if (!e.isFile()) continue;
    const s = await fs.stat(path.join(e.parentPath, e.name));
    newest = Math.max(newest, s.mtimeMs);
  }
  return newest;
}
