import { defineConfig } from 'vitest/config';

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
  },
});
