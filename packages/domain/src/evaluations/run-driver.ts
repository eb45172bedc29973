import type { DomainDeps } from '../domain-deps';
import type { Performed } from '../executions/execution-runner';
import type { ClaimedExecution } from '../executions/execution-store';
import { RunDrive } from './run-drive';
import { ADOPT_ITEMS_SQL, SETTLE_ORPHANED_ITEMS_SQL, TAKE_RUN_SQL } from './run-driver-sql';
import type { ClaimedItem, TakenRun } from './run-item';
import { finaliseRun } from './run-summary';
import { createScorer, type ScorerDeps } from './scorers/create-scorer';

export interface DriveContext {
  workerId: string;
  runner: { perform(execution: ClaimedExecution, finalAttempt: boolean): Promise<Performed> };
  /** Aborted when the worker shuts down: no new items start, the ones executing are finished. */
  signal: AbortSignal;
  heartbeatMs: number;
  /** Provider calls per item before a retryable failure becomes the item's result. */
  maxAttempts: number;
  retryDelayMs(attempt: number): number;
  onProgress?(progress: { done: number; total: number }): void;
}

/** `interrupted`: the worker is shutting down and items are left; the run must go back to the queue. */
export type DriveOutcome = 'finished' | 'cancelled' | 'interrupted' | 'gone';

/**
 * Runs an evaluation run to its end inside one worker: keeps `concurrency` items in flight through
 * the ordinary execution path (render, provider, output validation with feedback), scores each,
 * and records finished items and claims new ones in one statement per round trip, however many
 * finished meanwhile. PostgreSQL holds every item's state, so a driver that dies is replaced by
 * one that adopts its items in flight.
 */
export class RunDriver {
  constructor(
    private readonly deps: DomainDeps,
    private readonly scorerDeps: ScorerDeps,
  ) {}

  async drive(runId: string, context: DriveContext): Promise<DriveOutcome> {
    const em = this.deps.orm.em.fork();
    const connection = em.getConnection();
    const [run] = await connection.execute<TakenRun[]>(TAKE_RUN_SQL, [runId]);
    if (!run) return 'gone';
    const scorers = run.scorers.map((config) => ({ config, scorer: createScorer(config, this.scorerDeps) }));
    await connection.execute(SETTLE_ORPHANED_ITEMS_SQL, [runId, runId]);
    const adopted = await connection.execute<ClaimedItem[]>(ADOPT_ITEMS_SQL, [context.workerId, runId]);
    const outcome = await new RunDrive(this.deps, em, runId, run, scorers, context).toTheEnd(adopted);
    if (outcome !== 'finished') return outcome;
    if (await finaliseRun(em, runId)) return 'finished';
    const [state] = await connection.execute<{ status: string }[]>(`select status from evaluation_runs where id = ?`, [runId]);
    if (state?.status !== 'running') return 'cancelled';
    // An item is still running without this driver knowing it (a claim whose answer was lost).
    throw new Error(`run ${runId} has items in flight that this worker does not hold; retrying adopts them`);
  }
}
