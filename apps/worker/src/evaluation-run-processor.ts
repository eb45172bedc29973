import { UnrecoverableError, type Job } from 'bullmq';
import type { Logger } from '@promptops/config';
import type { EvaluationService } from '@promptops/domain';
import { EvaluationRunJobSchema } from '@promptops/queue';

export interface EvaluationRunProcessorOptions {
  evaluations: Pick<EvaluationService, 'start'>;
  logger: Logger;
}

/**
 * Thin BullMQ processor for the evaluation-runs queue: validate the payload and start the run.
 * Starting is a conditional update in PostgreSQL, so a replayed job changes nothing; any other
 * error (PostgreSQL briefly away) is retried with backoff, and the reconciler starts runs whose
 * job is gone for good.
 */
export function createEvaluationRunProcessor(options: EvaluationRunProcessorOptions) {
  return async function processEvaluationRun(job: Job): Promise<{ run_id: string }> {
    const payload = EvaluationRunJobSchema.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid job payload: ${payload.error.message}`);
    const { run_id: runId, request_id: requestId } = payload.data;
    await options.evaluations.start(runId);
    options.logger.info({ run_id: runId, request_id: requestId, job_id: job.id }, 'evaluation run started');
    return { run_id: runId };
  };
}
