import type { AccountStore, BlobStore, Clock, ProjectStore, WorkStore } from './ports.ts';

/** The real parts a use case may need; main wires them, tests pass their own. */
export type Deps = {
  accounts: AccountStore;
  projects: ProjectStore;
  work: WorkStore;
  blobs: BlobStore;
  clock: Clock;
  settings: Settings;
};

export type Settings = {
  chainId: number;
  devWallets: boolean;
  /** Leases a contributor may hold at once in one project: the item on screen and the one preloaded. */
  maxLiveLeases: number;
  sessionDays: number;
};
