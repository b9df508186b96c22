import { defineConfig } from 'vitest/config';

// The store's own tests, which run a second time on PostgreSQL; those that test SQLite itself
// (its file migrations, its packed score series) run on SQLite only.
const STORE_TESTS = 'test/unit/store/**/*.test.ts';
// Several `vitals` processes on one PostgreSQL database: they need the server, and only it.
const POSTGRES_ONLY = ['test/integration/scale-out/**/*.test.ts'];
const SQLITE_ONLY = [
  'test/unit/store/migrate-sqlite.test.ts',
  'test/unit/store/score-series.test.ts',
];

export default defineConfig({
  test: {
    // Test files share their worker's module cache instead of loading the sources again per file
    // (about a minute less on 2 cores). Nothing a test changes in the process outlives it: the
    // in-process CLI (test/support/run-cli.ts) restores the environment and the clock it sets.
    isolate: false,
    // Many tests wait on sockets, child processes and the sandbox's delays rather than the CPU, so
    // four workers on 2 cores finish in under half the time of the default one (cores − 1).
    maxWorkers: 4,
    // The few tests that start real `vitals` processes set their own, longer deadlines; on a busy
    // 2-core machine a process start alone can take seconds, which is not a failure of the code.
    testTimeout: 30_000,
    hookTimeout: 30_000,
    projects: [
      {
        extends: true,
        test: { name: 'sqlite', include: ['test/**/*.test.{ts,tsx}'], exclude: POSTGRES_ONLY },
      },
      {
        extends: true,
        test: {
          name: 'postgres',
          include: [STORE_TESTS, ...POSTGRES_ONLY],
          exclude: SQLITE_ONLY,
          // Starting a server takes a few seconds; the teardown waits for it to stop.
          globalSetup: ['test/support/postgres-global-setup.ts'],
        },
      },
    ],
  },
});
