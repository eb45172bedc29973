import type { RunComparison } from '@promptops/validators';
import type { DatasetService } from '../datasets/dataset-service';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionService } from '../executions/execution-service';
import type { Page, PageRequest } from '../pagination';
import type { TemplateService } from '../templates/template-service';
import type { ResultFilter, ResultView, RunListFilter, RunView, SubmitRunInput, SubmitRunResult } from './evaluation-types';
import { JudgeRunner } from './judge-runner';
import { cancelRun, resumeRun } from './run-cancellation';
import { compareRuns } from './run-comparison';
import { RunDriver, type DriveContext, type DriveOutcome } from './run-driver';
import { describeRun, listResults, listRuns, requireRun } from './run-queries';
import { RunSubmission, type CreatedRun, type RerunOptions } from './run-submission';
import { requireDataset } from '../datasets/dataset-records';

/**
 * Batch evaluation of a dataset: submission, driving a run's items through the execution path,
 * reads, cancellation and resumption, re-running failed items and comparing runs.
 */
export class EvaluationService {
  private readonly submission: RunSubmission;
  private readonly driver: RunDriver;

  constructor(
    private readonly deps: DomainDeps,
    templates: TemplateService,
    datasets: DatasetService,
    executions: ExecutionService,
  ) {
    this.submission = new RunSubmission(deps, templates, datasets, executions);
    this.driver = new RunDriver(deps, new JudgeRunner(templates, executions));
  }

  async submit(input: SubmitRunInput): Promise<SubmitRunResult> {
    return this.answer(await this.submission.submit(input));
  }

  async rerunFailed(runId: string, options: RerunOptions = {}): Promise<SubmitRunResult> {
    return this.answer(await this.submission.rerunFailed(runId, options));
  }

  async get(id: string): Promise<RunView> {
    const em = this.fork();
    return describeRun(em, await requireRun(em, id));
  }

  async listForDataset(datasetId: string, page: PageRequest): Promise<Page<RunView>> {
    const em = this.fork();
    await requireDataset(em, datasetId);
    return listRuns(em, { dataset_id: datasetId }, page);
  }

  /** Runs of every dataset (or of `filter.dataset_id`, which need not exist), newest first. */
  list(filter: RunListFilter, page: PageRequest): Promise<Page<RunView>> {
    return listRuns(this.fork(), filter, page);
  }

  results(runId: string, filter: ResultFilter): Promise<Page<ResultView>> {
    return listResults(this.fork(), runId, filter);
  }

  /** Cancels a queued or running run; a finished one is answered unchanged, as an execution is. */
  async cancel(id: string): Promise<RunView> {
    await cancelRun(this.fork(), this.deps.queues, id);
    return this.get(id);
  }

  /** Runs a cancelled run's unfinished items again under the same run. */
  async resume(id: string): Promise<RunView> {
    await resumeRun(this.fork(), this.deps.queues, this.deps.logger, id);
    return this.get(id);
  }

  compare(baseId: string, candidateId: string): Promise<RunComparison> {
    return compareRuns(this.fork(), baseId, candidateId);
  }

  /** Called by the evaluation-runs worker: runs the run's items until none is left, or the worker stops. */
  drive(runId: string, context: DriveContext): Promise<DriveOutcome> {
    return this.driver.drive(runId, context);
  }

  private async answer(created: CreatedRun): Promise<SubmitRunResult> {
    return { run: await this.get(created.runId), replayed: created.replayed };
  }

  private fork() {
    return this.deps.orm.em.fork();
  }
}
