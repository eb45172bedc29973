import { DelayedError, RateLimitError, UnrecoverableError, WaitingError, type Job } from 'bullmq';
import type { JobOutcome, Telemetry } from '@promptops/telemetry';

/** What BullMQ will do with the job after this error: fail it for good, retry it, wait out a rate limit, or hand it on. */
function outcomeOf(job: Job, error: unknown): JobOutcome {
  if (error instanceof RateLimitError || error instanceof DelayedError) return 'rate_limited';
  if (error instanceof WaitingError) return 'requeued';
  if (error instanceof UnrecoverableError) return 'failed';
  return job.attemptsMade + 1 >= (job.opts.attempts ?? 1) ? 'failed' : 'retried';
}

/**
 * Wraps a BullMQ processor to record each attempt's duration and outcome. Measured around the
 * processor rather than from the worker's events, because BullMQ emits no event for a rate-limited
 * attempt and does not say whether a failed one will be retried.
 */
export function timedProcessor<R>(
  queue: string,
  telemetry: Pick<Telemetry, 'jobFinished'>,
  processor: (job: Job, token?: string) => Promise<R>,
): (job: Job, token?: string) => Promise<R> {
  // The lock token is passed on: a processor that moves its own job (delay, hand back) must prove it holds it.
  return async function processTimed(job: Job, token?: string): Promise<R> {
    const started = performance.now();
    let outcome: JobOutcome = 'completed';
    try {
      return await processor(job, token);
    } catch (error) {
      outcome = outcomeOf(job, error);
      throw error;
    } finally {
      telemetry.jobFinished(queue, outcome, (performance.now() - started) / 1000);
    }
  };
}
