import path from 'node:path';
import pino, { type Logger } from 'pino';
import { localBlobStore } from '../blobs/localBlobStore.ts';
import { accountStore } from '../db/accountStore.ts';
import type { Db } from '../db/pool.ts';
import { projectStore } from '../db/projectStore.ts';
import { workStore } from '../db/workStore.ts';
import type { HttpDeps } from '../http/context.ts';
import { cacheSessions } from '../usecases/auth/cacheSessions.ts';
import type { Clock } from '../usecases/ports.ts';

export type WireOptions = {
  dataDir: string;
  chainId?: number;
  devWallets?: boolean;
  publicUrl?: string | undefined;
  clock?: Clock;
  log?: Logger;
};

/** Wires the real stores on a database into the dependencies every use case and route takes. */
export function wire(db: Db, o: WireOptions): HttpDeps {
  const clock = o.clock ?? { now: () => new Date() };
  return {
    accounts: cacheSessions(accountStore(db), clock),
    projects: projectStore(db),
    work: workStore(db),
    blobs: localBlobStore(path.join(o.dataDir, 'blobs')),
    clock,
    settings: {
      chainId: o.chainId ?? 31_337,
      devWallets: o.devWallets ?? false,
      maxLiveLeases: 2,
      sessionDays: 30,
    },
    log: o.log ?? pino({ level: 'silent' }),
    publicUrl: o.publicUrl,
  };
}
