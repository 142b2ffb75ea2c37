import { defineConfig } from 'vitest/config';

// unit: pure code beside its source; db: stores on a real PostgreSQL (embedded, or DATABASE_URL);
// api: HTTP through the app on a real database; processes: real `caravan start` processes killed and scaled
// out on one database and one anvil; e2e: the web app in Chromium.
export default defineConfig({
  test: {
    env: { TZ: 'UTC' },
    projects: [
      { test: { name: 'unit', include: ['src/**/*.test.ts'], exclude: ['src/**/*.db.test.ts'] } },
      {
        test: {
          name: 'db',
          include: ['src/**/*.db.test.ts', 'test/api/**/*.test.ts', 'test/cli/**/*.test.ts'],
          globalSetup: ['test/setup/postgres.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: 'processes',
          include: ['test/processes/**/*.test.ts'],
          globalSetup: ['test/setup/postgres.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['test/e2e/**/*.e2e.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
