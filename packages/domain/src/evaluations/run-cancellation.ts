import type { EntityManager } from '@mikro-orm/postgresql';
import { PromptConflictError } from '@promptops/errors';
import type { QueueSet } from '@promptops/queue';
import { requireRun } from './run-queries';
import { summariseRun } from './run-summary';

/**
 * Cancels a queued or running run in one transaction: the run, its pending items, its unfinished
 * executions, and then its running items. The order matters: a worker that claimed a pending
 * item concurrently has committed it by the time the running items are cancelled.
 */
export async function cancelRun(em: EntityManager, queues: QueueSet, runId: string): Promise<void> {
  const cancelledExecutions = await em.transactional(async (tx) => {
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
    const executions = await connection.execute<{ id: string }[]>(
      `update prompt_executions set status = 'cancelled', failure_kind = 'cancelled', error_message = 'run cancelled',
              finished_at = now(), worker_id = null, heartbeat_at = null
        where run_id = ? and status in ('queued', 'running') returning id`,
      [runId],
      'all',
      ctx,
    );
    await connection.execute(`update evaluation_results set status = 'cancelled', finished_at = now() where run_id = ? and status = 'running'`, [runId], 'run', ctx);
    const summary = await summariseRun(tx, runId);
    await connection.execute(`update evaluation_runs set summary = ?::jsonb where id = ?`, [JSON.stringify(summary), runId], 'run', ctx);
    return executions.map((row) => row.id);
  });
  // Waiting jobs would only find their rows cancelled; removing them keeps the dashboard honest.
  await Promise.all([
    queues.evaluationRuns.remove(runId).catch(() => undefined),
    ...cancelledExecutions.map((id) => queues.executions.remove(id).catch(() => undefined)),
  ]);
}
