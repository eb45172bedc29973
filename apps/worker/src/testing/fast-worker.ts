import type { RetryPolicy } from '@promptops/queue';
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
};

/** Retries a test waits out quickly: the default policy's shape at a twentieth of its delays. */
export const FAST_RETRY: RetryPolicy = { attempts: 6, backoff: { type: 'exponential', delay: 50, jitter: 0.5 } };
