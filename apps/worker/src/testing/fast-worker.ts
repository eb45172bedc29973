import type { WorkerRuntimeOptions } from '../worker-runtime';

/** Fast timings so retries, stalls and reconciliation happen within a test's patience. */
export const FAST_WORKER: WorkerRuntimeOptions = {
  concurrency: 8,
  lockDurationMs: 2000,
  stalledIntervalMs: 1000,
  heartbeatMs: 300,
  staleAfterMs: 1500,
  reconcileIntervalMs: 500,
  queuedGraceMs: 500,
  backoff: { baseMs: 50, maxMs: 400 },
};
