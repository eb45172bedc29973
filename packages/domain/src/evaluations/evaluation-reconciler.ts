import { enqueueRun, isInHand } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import { finaliseRun } from './run-summary';
import { ITEMS } from './run-transitions';

export interface EvaluationReconcilerOptions {
  /** Leave a queued run this long to the job the API enqueued. Default 5000. */
  graceMs?: number;
  /** A running run whose driver has not beaten its heart for this long has lost its driver. Default 15000. */
  staleAfterMs?: number;
  /** Runs looked at per pass. Default 500. */
  batchSize?: number;
}

export interface EvaluationReconcileReport {
  requeued: number;
  finalised: number;
}

/**
 * Repairs runs from PostgreSQL alone: puts back on the queue the queued runs whose job was lost and
 * the running runs whose driver stopped beating (its job lost with Redis, or failed for good), and
 * finalises running runs with nothing left to do. A driver adopts the items its predecessor left
 * in flight, and every step is conditional, so running this from several processes is safe.
 */
export class EvaluationReconciler {
  private readonly options: Required<EvaluationReconcilerOptions>;

  constructor(
    private readonly deps: DomainDeps,
    options: EvaluationReconcilerOptions = {},
  ) {
    this.options = { graceMs: 5000, staleAfterMs: 15_000, batchSize: 500, ...options };
  }

  async reconcileOnce(): Promise<EvaluationReconcileReport> {
    const em = this.deps.orm.em.fork();
    const connection = em.getConnection();
    const report: EvaluationReconcileReport = { requeued: 0, finalised: 0 };

    // Raw: ages measured on the database's clock (now() - make_interval), as the heartbeats are written.
    const undriven = await connection.execute<{ id: string; request_id: string | null }[]>(
      `select id, request_id from evaluation_runs
        where (status = 'queued' and created_at < now() - make_interval(secs => ?))
           or (status = 'running' and coalesce(heartbeat_at, started_at) < now() - make_interval(secs => ?))
        order by created_at limit ?`,
      [this.options.graceMs / 1000, this.options.staleAfterMs / 1000, this.options.batchSize],
    );
    for (const run of undriven) {
      const job = await this.deps.queues.evaluationRuns.getJob(run.id);
      if (await isInHand(job)) continue;
      // A finished or failed job record with the same id would make the new add a no-op.
      if (job) await job.remove().catch(() => undefined);
      await enqueueRun(this.deps.queues.evaluationRuns, run.id, run.request_id ?? undefined);
      report.requeued++;
    }

    const idle = await connection.execute<{ id: string }[]>(
      `select id from evaluation_runs run
        where status = 'running'
          and not exists (select 1 from evaluation_results r where r.run_id = run.id and r.status ${ITEMS.sqlIn(ITEMS.live)})
        limit ?`,
      [this.options.batchSize],
    );
    for (const run of idle) if (await finaliseRun(em, run.id)) report.finalised++;

    if (report.requeued + report.finalised > 0) this.deps.logger.info(report, 'reconciled evaluation runs');
    return report;
  }
}
