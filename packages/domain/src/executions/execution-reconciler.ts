import type { ExecutionKind } from '@promptops/db';
import { isInHand } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionService } from './execution-service';

export interface ReconcilerOptions {
  /** A queued row younger than this may still be on its way to Redis; leave it. Default 5000. */
  queuedGraceMs?: number;
  /** A running row whose heartbeat is older than this lost its worker. Default 15000. */
  staleAfterMs?: number;
  /** Re-enqueues per execution before it is failed for good. Default 10. */
  maxEnqueues?: number;
  /** Rows looked at per pass. Default 500. */
  batchSize?: number;
}

const DEFAULTS: Required<ReconcilerOptions> = { queuedGraceMs: 5000, staleAfterMs: 15_000, maxEnqueues: 10, batchSize: 500 };

interface StrandedRow {
  id: string;
  kind: ExecutionKind;
  status: 'queued' | 'running';
  enqueue_count: number;
  request_id: string | null;
}

export interface ReconcileReport {
  examined: number;
  requeued: number;
  abandoned: number;
}

/**
 * Finds executions PostgreSQL says are unfinished but no queue is working on: Redis lost its data,
 * a worker was killed, or the API could not reach Redis. PostgreSQL is the truth; the queue is
 * rebuilt from it. Safe to run from several workers at once: enqueueing uses the execution id as
 * the job id, and the worker's claim is a conditional update.
 */
export class ExecutionReconciler {
  private readonly options: Required<ReconcilerOptions>;

  constructor(
    private readonly deps: DomainDeps,
    private readonly executions: ExecutionService,
    options: ReconcilerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
  }

  async reconcileOnce(): Promise<ReconcileReport> {
    const connection = this.deps.orm.em.fork().getConnection();
    const rows = await connection.execute<StrandedRow[]>(
      `select id, kind, status, enqueue_count, request_id from prompt_executions
        where run_id is null -- an evaluation run's executions belong to the worker driving the run
          and ((status = 'queued' and executed_at < now() - make_interval(secs => ?))
               or (status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))))
        order by executed_at
        limit ?`,
      [this.options.queuedGraceMs / 1000, this.options.staleAfterMs / 1000, this.options.batchSize],
    );
    const report: ReconcileReport = { examined: rows.length, requeued: 0, abandoned: 0 };
    for (const row of rows) {
      const queue = row.kind === 'generation' ? this.deps.queues.generations : this.deps.queues.executions;
      const job = await queue.getJob(row.id);
      if (await isInHand(job)) continue;
      if (row.enqueue_count >= this.options.maxEnqueues) {
        await connection.execute(
          `update prompt_executions set status = 'failed', failure_kind = 'provider', finished_at = now(), worker_id = null,
                  error_message = coalesce(error_message || '; ', '') || 'gave up after ' || enqueue_count || ' re-enqueues'
            where id = ? and status in ('queued', 'running')`,
          [row.id],
        );
        report.abandoned++;
        continue;
      }
      const reclaimed = await connection.execute<{ id: string }[]>(
        `update prompt_executions set status = 'queued', worker_id = null, heartbeat_at = null, enqueue_count = enqueue_count + 1
          where id = ? and status = ? and (status = 'queued' or heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))
          returning id`,
        [row.id, row.status, this.options.staleAfterMs / 1000],
      );
      if (reclaimed.length === 0) continue;
      // A finished job record with the same id would make the new add a no-op.
      if (job) await job.remove().catch(() => undefined);
      if (await this.executions.enqueue(row.id, row.kind, row.request_id ?? undefined)) report.requeued++;
    }
    if (report.requeued > 0 || report.abandoned > 0) this.deps.logger.info(report, 'reconciled stranded executions');
    return report;
  }
}
