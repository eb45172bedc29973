import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Every test file creates its own database and queue prefix, so files may run in parallel.
    fileParallelism: true,
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['apps/*/src/**/*.test.ts', 'packages/*/src/**/*.test.ts'],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        // The console in real Chromium against a real server, worker, PostgreSQL and Redis.
        test: {
          name: 'e2e',
          include: ['apps/web/e2e/**/*.test.ts'],
          globalSetup: ['apps/web/e2e/support/build-console.ts'],
          testTimeout: 90_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
