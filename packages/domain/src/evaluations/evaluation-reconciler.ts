import type { DomainDeps } from '../domain-deps';
import type { EvaluationService } from './evaluation-service';
import { finaliseRun } from './run-summary';

export interface EvaluationReconcilerOptions {
  /** Leave a queued run or a just-finished item this long to the worker that owns it. Default 5000. */
  graceMs?: number;
  /** Items looked at per pass. Default 500. */
  batchSize?: number;
}

export interface EvaluationReconcileReport {
  started: number;
  scored: number;
  finalised: number;
}

/**
 * Repairs runs whose worker died between steps, from PostgreSQL alone: starts queued runs whose
 * job was lost, scores items whose execution finished without its result being recorded, and
 * finalises running runs with nothing left to do. Every repair is one of the same conditional
 * steps the workers take, so running it from several processes at once is safe.
 */
export class EvaluationReconciler {
  private readonly options: Required<EvaluationReconcilerOptions>;

  constructor(
    private readonly deps: DomainDeps,
    private readonly evaluations: EvaluationService,
    options: EvaluationReconcilerOptions = {},
  ) {
    this.options = { graceMs: 5000, batchSize: 500, ...options };
  }

  async reconcileOnce(): Promise<EvaluationReconcileReport> {
    const em = this.deps.orm.em.fork();
    const connection = em.getConnection();
    const graceSeconds = this.options.graceMs / 1000;
    const report: EvaluationReconcileReport = { started: 0, scored: 0, finalised: 0 };

    const queued = await connection.execute<{ id: string }[]>(
      `select id from evaluation_runs where status = 'queued' and created_at < now() - make_interval(secs => ?) order by created_at limit ?`,
      [graceSeconds, this.options.batchSize],
    );
    for (const run of queued) {
      await this.evaluations.start(run.id);
      report.started++;
    }

    const unrecorded = await connection.execute<{ execution_id: string }[]>(
      `select e.id as execution_id
         from evaluation_runs run
         join evaluation_results r on r.run_id = run.id and r.status = 'running'
         join prompt_executions e on e.id = r.execution_id
        where run.status = 'running' and e.status in ('succeeded', 'failed', 'cancelled')
          and e.finished_at < now() - make_interval(secs => ?)
        limit ?`,
      [graceSeconds, this.options.batchSize],
    );
    for (const item of unrecorded) {
      await this.evaluations.onExecutionFinished(item.execution_id);
      report.scored++;
    }

    const idle = await connection.execute<{ id: string }[]>(
      `select id from evaluation_runs run
        where status = 'running'
          and not exists (select 1 from evaluation_results r where r.run_id = run.id and r.status in ('pending', 'running'))
        limit ?`,
      [this.options.batchSize],
    );
    for (const run of idle) if (await finaliseRun(em, run.id)) report.finalised++;

    if (report.started + report.scored + report.finalised > 0) this.deps.logger.info(report, 'reconciled evaluation runs');
    return report;
  }
}
