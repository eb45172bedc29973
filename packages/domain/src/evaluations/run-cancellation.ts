import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptConflictError } from '@promptops/errors';
import type { QueueSet } from '@promptops/queue';
import { requireRun } from './run-queries';
import { summariseRun } from './run-summary';

/**
 * Cancels a queued or running run in one transaction: the run, its pending items, its unfinished
 * executions, and then its running items. The order matters: a driver that claimed a pending
 * item concurrently has committed it by the time the running items are cancelled. The driver
 * sees the run cancelled at its next round trip and stops; its late results match nothing.
 */
export async function cancelRun(em: EntityManager, queues: QueueSet, runId: string): Promise<void> {
  await em.transactional(async (tx) => {
    const connection = tx.getConnection();
    const ctx = tx.getTransactionContext();
    const run = (await connection.execute<{ id: string }[]>(
      `update evaluation_runs set status = 'cancelled', finished_at = now(), error_message = 'cancelled by request'
        where id = ? and status in ('queued', 'running') returning id`,
      [runId],
      'all',
      ctx,
    ))[0];
    if (!run) {
      const existing = await requireRun(tx, runId);
      throw new PromptConflictError(`Run ${runId} is already ${existing.status}`, { id: runId, status: existing.status });
    }
    await connection.execute(`update evaluation_results set status = 'cancelled', finished_at = now() where run_id = ? and status = 'pending'`, [runId], 'run', ctx);
    await connection.execute(
      `update prompt_executions set status = 'cancelled', failure_kind = 'cancelled', error_message = 'run cancelled',
              finished_at = now(), worker_id = null, heartbeat_at = null
        where run_id = ? and status in ('queued', 'running')`,
      [runId],
      'run',
      ctx,
    );
    await connection.execute(`update evaluation_results set status = 'cancelled', finished_at = now() where run_id = ? and status = 'running'`, [runId], 'run', ctx);
    const summary = await summariseRun(tx, runId);
    await connection.execute(`update evaluation_runs set summary = ?::jsonb where id = ?`, [JSON.stringify(summary), runId], 'run', ctx);
  });
  // A waiting job would only find its run cancelled; removing it keeps the dashboard honest (an
  // active one is locked by its driver and stays, to complete as soon as the driver notices).
  await queues.evaluationRuns.remove(runId).catch(() => undefined);
}
