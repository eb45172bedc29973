import { UnrecoverableError, WaitingError, type Job } from 'bullmq';
import type { Logger } from '@promptops/config';
import type { DriveContext, EvaluationService } from '@promptops/domain';
import { EvaluationRunJobSchema } from '@promptops/queue';

export interface EvaluationRunProcessorOptions {
  evaluations: Pick<EvaluationService, 'drive'>;
  /** Everything a drive needs but the progress callback, which is the job's own. */
  drive: Omit<DriveContext, 'onProgress'>;
  logger: Logger;
  /** Least time between two progress writes to Redis for one job. Default 500. */
  progressEveryMs?: number;
}

/**
 * Thin BullMQ processor for the evaluation-runs queue: validate the payload and drive the run for
 * as long as it has items. The job stays active meanwhile (its lock proves the driver alive to
 * BullMQ, which hands a stalled one to another worker) and reports the run's progress, so Bull
 * Board shows each run as it goes. A worker shutting down finishes the items in flight and puts
 * the job back in the waiting list, for any worker to resume.
 */
export function createEvaluationRunProcessor(options: EvaluationRunProcessorOptions) {
  const progressEveryMs = options.progressEveryMs ?? 500;
  return async function processEvaluationRun(job: Job, token?: string): Promise<{ run_id: string; outcome: string }> {
    const payload = EvaluationRunJobSchema.safeParse(job.data);
    if (!payload.success) throw new UnrecoverableError(`invalid job payload: ${payload.error.message}`);
    const { run_id: runId, request_id: requestId } = payload.data;
    const log = options.logger.child({ run_id: runId, request_id: requestId, job_id: job.id });
    let reportedAt = 0;
    log.info('evaluation run started');
    const outcome = await options.evaluations.drive(runId, {
      ...options.drive,
      onProgress: (progress) => {
        const now = Date.now();
        if (now - reportedAt < progressEveryMs && progress.done < progress.total) return;
        reportedAt = now;
        job.updateProgress(progress).catch((error: unknown) => log.debug({ err: error }, 'progress update failed'));
      },
    });
    if (outcome === 'interrupted') {
      log.info('worker stopping; evaluation run handed back to the queue');
      await job.moveToWait(token);
      throw new WaitingError();
    }
    log.info({ outcome }, 'evaluation run left this worker');
    return { run_id: runId, outcome };
  };
}
