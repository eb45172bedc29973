import type { WorkerRuntimeOptions } from '../worker-runtime';

/**
 * Fast timings so retries, stalls and reconciliation happen within a test's patience, yet loose
 * enough that a busy CI machine (a whole suite on two cores) never mistakes a slow worker for a dead one.
 */
export const FAST_WORKER: WorkerRuntimeOptions = {
  concurrency: 8,
  lockDurationMs: 5000,
  stalledIntervalMs: 2000,
  heartbeatMs: 500,
  staleAfterMs: 4000,
  reconcileIntervalMs: 500,
  queuedGraceMs: 500,
  backoff: { baseMs: 50, maxMs: 400 },
};
