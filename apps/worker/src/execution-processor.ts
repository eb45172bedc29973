import { DelayedError, UnrecoverableError, type Job, type Queue } from 'bullmq';
import type { Logger } from '@promptops/config';
import type { ExecutionRunner } from '@promptops/domain';
import { ProviderError } from '@promptops/providers';
import { ExecutionJobSchema } from '@promptops/queue';

export interface ExecutionProcessorOptions {
  runner: ExecutionRunner;
  /** The queue this processor consumes; a provider 429 pauses it through BullMQ's rate limiter. */
  queue: Queue;
  logger: Logger;
  workerId: string;
  /** Starts (including rate-limited ones) after which retryable failures become final. Default 30. */
  maxStarts?: number;
}

/**
 * Thin BullMQ processor: validate the payload, run the execution, and translate the outcome into
 * what BullMQ understands (return = done, UnrecoverableError = failed for good, other errors = retry
 * with backoff, DelayedError = delayed by the provider's Retry-After while the whole queue pauses).
 */
export function createExecutionProcessor(options: ExecutionProcessorOptions) {
  const maxStarts = options.maxStarts ?? 30;
  // For lines whose fields are only ids, counts and kinds this file sets: pino's redaction parses every
  // path again for every field of every line (bench/README.md), and these hold nothing to redact.
  // Lines that carry an error keep it.
  const idsLogger = options.logger.child({}, { redact: [] });
  return async function processExecution(job: Job, token?: string): Promise<{ execution_id: string; status: string }> {
    const payload = ExecutionJobSchema.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid job payload: ${payload.error.message}`);
    const { execution_id: executionId, request_id: requestId } = payload.data;
    // Fields on each line rather than a child logger per job: most jobs log one line, and a child
    // costs as much again as the line it would serve.
    const ids = { execution_id: executionId, request_id: requestId, job_id: job.id, attempt: job.attemptsMade + 1 };
    const finalAttempt = job.attemptsMade + 1 >= (job.opts.attempts ?? 1) || job.attemptsStarted >= maxStarts;
    try {
      const outcome = await options.runner.run(executionId, { workerId: options.workerId, finalAttempt });
      if (outcome.kind === 'skipped') {
        idsLogger.debug(ids, 'execution already handled elsewhere');
        return { execution_id: executionId, status: 'skipped' };
      }
      if (outcome.kind === 'finished' && outcome.status === 'failed') {
        idsLogger.warn({ failure_kind: outcome.failureKind, ...ids }, 'execution failed');
        throw new UnrecoverableError(`execution ${executionId} failed (${outcome.failureKind})`);
      }
      idsLogger.info(ids, 'execution succeeded');
      return { execution_id: executionId, status: 'succeeded' };
    } catch (error) {
      if (error instanceof ProviderError && error.kind === 'rate_limited') {
        const delayMs = error.retryAfterMs ?? 1000;
        idsLogger.warn({ retry_after_ms: delayMs, ...ids }, 'provider rate limited; pausing queue');
        // The whole queue slows down, and this job waits exactly as long as the provider asked.
        await options.queue.rateLimit(delayMs);
        await job.moveToDelayed(Date.now() + delayMs, token);
        throw new DelayedError();
      }
      if (!(error instanceof UnrecoverableError)) options.logger.warn({ err: error, ...ids }, 'execution attempt failed; will retry');
      throw error;
    }
  };
}
