import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    // Every test file creates its own database and queue prefix, so files may run in parallel.
    fileParallelism: true,
    maxWorkers: 2,
  },
});
