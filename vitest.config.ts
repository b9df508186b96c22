import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Integration tests start the CLI and sandbox servers as real processes; on a busy 2-core
    // machine one start can take several seconds, which is not a failure of the code under test.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
