import { EvaluationRun } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import type { ExecutionRunner } from '../executions/execution-runner';
import { ExecutionLifecycle } from '../executions/lifecycle';
import type { JudgeRunner } from './judge-runner';
import { RunDrive } from './run-drive';
import { adoptItems, settleOrphanedItems, takeRun } from './run-driver-sql';
import { finaliseRun } from './run-summary';
import { createScorer } from './scorers/create-scorer';

export interface DriveContext {
  workerId: string;
  /** The worker's execution runner: items and judge calls take the same path as every execution. */
  runner: Pick<ExecutionRunner, 'performRetrying'>;
  /** Aborted when the worker shuts down: no new items start, the ones executing are finished. */
  signal: AbortSignal;
  heartbeatMs: number;
  onProgress?(progress: { done: number; total: number }): void;
}

/** `interrupted`: the worker is shutting down and items are left; the run must go back to the queue. */
export type DriveOutcome = 'finished' | 'cancelled' | 'interrupted' | 'gone';

/**
 * Runs an evaluation run to its end inside one worker: keeps `concurrency` items in flight through
 * the execution runner (render, provider, output validation with feedback, retries), scores each,
 * and records finished items and claims new ones in one statement per round trip, however many
 * finished meanwhile. PostgreSQL holds every item's state, so a driver that dies is replaced by
 * one that adopts its items in flight.
 */
export class RunDriver {
  private readonly lifecycle: ExecutionLifecycle;

  constructor(
    private readonly deps: DomainDeps,
    private readonly judges: JudgeRunner,
  ) {
    this.lifecycle = new ExecutionLifecycle(() => deps.orm.em.fork());
  }

  async drive(runId: string, context: DriveContext): Promise<DriveOutcome> {
    const em = this.deps.orm.em.fork();
    const run = await takeRun(em, runId);
    if (!run) return 'gone';
    const scorers = (halted: AbortSignal) => {
      const judge = this.judges.bind(context.runner, { run_id: runId, request_id: run.request_id }, halted);
      return run.scorers.map((config) => ({ config, scorer: createScorer(config, { validator: this.deps.validator, judge }) }));
    };
    await settleOrphanedItems(em, runId);
    const adopted = await adoptItems(em, context.workerId, runId);
    const outcome = await new RunDrive(this.deps, em, runId, run, scorers, context, this.lifecycle).toTheEnd(adopted);
    if (outcome === 'cancelled' && (await this.statusOf(runId)) === 'queued') {
      // Cancelled and resumed before this drive noticed: the resumed run is this job's to drive.
      return this.drive(runId, context);
    }
    if (outcome !== 'finished') return outcome;
    if (await finaliseRun(em, runId)) return 'finished';
    const status = await this.statusOf(runId);
    if (status === 'queued') return this.drive(runId, context);
    if (status !== 'running') return 'cancelled';
    // An item is still running without this driver knowing it (a claim whose answer was lost).
    throw new Error(`run ${runId} has items in flight that this worker does not hold; retrying adopts them`);
  }

  private async statusOf(runId: string): Promise<string | undefined> {
    const run = await this.deps.orm.em.fork().findOne(EvaluationRun, runId, { fields: ['status'] });
    return run?.status;
  }
}
