import { isInHand } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionService } from './execution-service';
import { DEFAULT_STALE_AFTER_MS, ExecutionLifecycle } from './lifecycle';

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

const DEFAULTS: Required<ReconcilerOptions> = { queuedGraceMs: 5000, staleAfterMs: DEFAULT_STALE_AFTER_MS, maxEnqueues: 10, batchSize: 500 };

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
  private readonly lifecycle: ExecutionLifecycle;

  constructor(
    private readonly deps: DomainDeps,
    private readonly executions: ExecutionService,
    options: ReconcilerOptions = {},
  ) {
    this.options = { ...DEFAULTS, ...options };
    this.lifecycle = new ExecutionLifecycle(() => deps.orm.em.fork(), this.options.staleAfterMs);
  }

  async reconcileOnce(): Promise<ReconcileReport> {
    const rows = await this.lifecycle.stranded(this.options.queuedGraceMs, this.options.batchSize);
    const report: ReconcileReport = { examined: rows.length, requeued: 0, abandoned: 0 };
    for (const row of rows) {
      const queue = row.kind === 'generation' ? this.deps.queues.generations : this.deps.queues.executions;
      const job = await queue.getJob(row.id);
      if (await isInHand(job)) continue;
      if (row.enqueue_count >= this.options.maxEnqueues) {
        if (await this.lifecycle.abandon(row.id)) report.abandoned++;
        continue;
      }
      if (!(await this.lifecycle.recover(row.id, row.status))) continue;
      // A finished job record with the same id would make the new add a no-op.
      if (job) await job.remove().catch(() => undefined);
      if (await this.executions.enqueue(row.id, row.kind, row.request_id ?? undefined)) report.requeued++;
    }
    if (report.requeued > 0 || report.abandoned > 0) this.deps.logger.info(report, 'reconciled stranded executions');
    return report;
  }
}
