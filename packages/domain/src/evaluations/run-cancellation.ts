import type { EntityManager } from '@mikro-orm/postgresql';
import { EvaluationRun } from '@promptops/db';
import type { Logger } from '@promptops/config';
import { PromptConflictError } from '@promptops/errors';
import { enqueueRun, isInHand, type QueueSet } from '@promptops/queue';
import { ENQUEUE_TIMEOUT_MS } from '../executions/submission-batches';
import { ExecutionLifecycle } from '../executions/lifecycle';
import { withTimeout } from '../with-timeout';
import { requireRun } from './run-queries';
import { summariseRun } from './run-summary';
import { ITEMS, RUNS } from './run-transitions';

/**
 * Cancels a queued or running run in one transaction: the run, its pending items, its unfinished
 * executions, and then its running items. The order matters: a driver that claimed a pending
 * item concurrently has committed it by the time the running items are cancelled. The driver
 * sees the run cancelled at its next round trip and stops; its late results match nothing.
 * A run that had already finished is left as it is (the caller answers with it unchanged). The
 * status changes are raw: conditional updates built from the RUNS and ITEMS transition tables.
 */
export async function cancelRun(em: EntityManager, queues: QueueSet, runId: string): Promise<void> {
  const cancelled = await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const [run] = await connection.execute<{ id: string }[]>(
      `update evaluation_runs set status = ${RUNS.to('cancel')}, finished_at = now(), error_message = 'cancelled by request'
        where id = ? and status ${RUNS.from('cancel')} returning id`,
      [runId],
      'all',
      ctx,
    );
    if (!run) {
      await requireRun(tx, runId);
      return false;
    }
    const cancelItems = (status: string) =>
      connection.execute(
        `update evaluation_results set status = ${ITEMS.to('cancel')}, finished_at = now() where run_id = ? and status = ?`,
        [runId, status],
        'run',
        ctx,
      );
    await cancelItems('pending');
    await new ExecutionLifecycle(() => tx).cancelRun(runId, 'run cancelled', tx);
    await cancelItems('running');
    const summary = await summariseRun(tx, runId);
    await tx.nativeUpdate(EvaluationRun, { id: runId }, { summary });
    return true;
  });
  // A waiting job would only find its run cancelled; removing it keeps the dashboard honest (an
  // active one is locked by its driver and stays, to complete as soon as the driver notices).
  if (cancelled) await withTimeout(queues.evaluationRuns.remove(runId), ENQUEUE_TIMEOUT_MS, 'queue remove timed out').catch(() => undefined);
}

/**
 * Resumes a cancelled run under the same id: its cancelled items wait again (each gets a new
 * execution when it runs; the cancelled ones stay as history) and the run is queued for a driver.
 * Finished items keep their results. 409 for a run that is not cancelled or has nothing left to run.
 */
export async function resumeRun(em: EntityManager, queues: QueueSet, logger: Logger, runId: string): Promise<void> {
  const resumed = await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const [run] = await connection.execute<{ request_id: string | null }[]>(
      `update evaluation_runs set status = ${RUNS.to('resume')}, finished_at = null, heartbeat_at = null, error_message = null, summary = null
        where id = ? and status ${RUNS.from('resume')}
          and exists (select 1 from evaluation_results r where r.run_id = evaluation_runs.id and r.status ${ITEMS.from('resume')})
        returning request_id`,
      [runId],
      'all',
      ctx,
    );
    if (!run) {
      const existing = await requireRun(tx, runId);
      const why = existing.status === 'cancelled' ? 'has no unfinished items to resume' : `is ${existing.status}; only a cancelled run can be resumed`;
      throw new PromptConflictError(`Run ${runId} ${why}`, { id: runId, status: existing.status });
    }
    await connection.execute(
      `update evaluation_results set status = ${ITEMS.to('resume')}, execution_id = null, started_at = null, finished_at = null
        where run_id = ? and status ${ITEMS.from('resume')}`,
      [runId],
      'run',
      ctx,
    );
    return run;
  });
  try {
    await withTimeout(requeue(queues, runId, resumed.request_id), ENQUEUE_TIMEOUT_MS, 'enqueue timed out');
  } catch (error) {
    logger.warn({ err: error, run_id: runId }, 'enqueue of resumed evaluation run failed; the reconciler will start it');
  }
}

/** The run's old job record would make a new add a no-op; an active one belongs to a driver that will drive the resumed run. */
async function requeue(queues: QueueSet, runId: string, requestId: string | null): Promise<void> {
  const job = await queues.evaluationRuns.getJob(runId);
  if (await isInHand(job)) return;
  if (job) await job.remove().catch(() => undefined);
  await enqueueRun(queues.evaluationRuns, runId, requestId ?? undefined);
}
