import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 300_000,
    // Site builds write into dist/ and src/generated/: run test files one at a time.
    fileParallelism: false,
    // Temporary folders under one per run, removed at its end.
    globalSetup: ['test/helpers/temp-root.ts'],
  },
});
