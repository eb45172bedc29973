import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared, type ExecutionAttempt, type ExecutionKind } from '@promptops/db';
import {
  ABANDON_SQL,
  CANCEL_RUN_SQL,
  CANCEL_SQL,
  CLAIM_SQL,
  FINISH_SQL,
  HEARTBEAT_SQL,
  RECOVER_SQL,
  RELEASE_SQL,
  STRANDED_SQL,
  WITHDRAW_SQL,
  type ClaimedExecution,
  type ExecutionResult,
} from './execution-sql';
import { eachGroupOnFailure, groupCommit } from '../../group-commit';

/** A running row whose heartbeat is older than this is taken to belong to a dead worker. */
export const DEFAULT_STALE_AFTER_MS = 15_000;

export interface StrandedExecution {
  id: string;
  kind: ExecutionKind;
  status: 'queued' | 'running';
  enqueue_count: number;
  request_id: string | null;
}

/** Which execution a finish is for: its template decides which statement of a batch it joins. */
export type FinishTarget = Pick<ClaimedExecution, 'id' | 'template_id'>;

interface PendingClaim {
  id: string;
  workerId: string;
}

interface PendingFinish {
  execution: FinishTarget;
  workerId: string;
  result: ExecutionResult;
}

/**
 * The state changes of single executions (see EXECUTIONS for the table). Each is one conditional
 * statement: whoever matches its WHERE wins, and a loser learns it from the answer. Methods that
 * may run inside a caller's transaction take its EntityManager. Claims and finishes, the two every
 * execution makes, go out by group commit: those of one worker made at once share a statement.
 */
export class ExecutionLifecycle {
  readonly #claims = groupCommit<PendingClaim, ClaimedExecution | null>((pending) =>
    eachGroupOnFailure(
      pending,
      (claim) => claim.workerId,
      (batch) => this.claimAll(batch),
    ),
  );
  /**
   * One statement per worker and template, each locking a single template row, so no two wait on
   * each other in a cycle.
   */
  readonly #finishes = groupCommit<PendingFinish, boolean>((pending) =>
    eachGroupOnFailure(
      pending,
      (finish) => `${finish.workerId}\u0000${finish.execution.template_id ?? ''}`,
      (batch) => this.finishAll(batch),
    ),
  );

  constructor(
    private readonly em: () => EntityManager,
    private readonly staleAfterMs: number = DEFAULT_STALE_AFTER_MS,
  ) {}

  /**
   * Null when the row is not (or no longer) claimable: another worker holds it, or it finished.
   * Concurrent claims of this process go out together, one statement per worker (group commit).
   */
  claim(id: string, workerId: string): Promise<ClaimedExecution | null> {
    return this.#claims.load({ id, workerId });
  }

  private async claimAll(batch: readonly PendingClaim[]): Promise<(ClaimedExecution | null)[]> {
    const ids = JSON.stringify(batch.map((claim) => claim.id));
    const rows = await queryPrepared<ClaimedExecution>(this.em(), 'execution_claim', CLAIM_SQL, [ids, batch[0]?.workerId, this.staleAfterMs / 1000]);
    const claimed = new Map(rows.map((row) => [row.id, row]));
    // The same row asked for twice in one batch is claimed once, as two statements one after the other would.
    return batch.map((claim) => {
      const row = claimed.get(claim.id) ?? null;
      claimed.delete(claim.id);
      return row;
    });
  }

  async heartbeat(id: string, workerId: string): Promise<void> {
    await queryPrepared(this.em(), 'execution_heartbeat', HEARTBEAT_SQL, [id, workerId]);
  }

  /** Hands the row back to the queue after a retryable failure, keeping what the attempts taught. */
  async release(id: string, workerId: string, attemptLog: ExecutionAttempt[], errorMessage: string): Promise<void> {
    await queryPrepared(this.em(), 'execution_release', RELEASE_SQL, [id, workerId, JSON.stringify(attemptLog), errorMessage]);
  }

  /**
   * Writes the terminal state and counts the template's use. False when the row was no longer
   * ours (cancelled, or taken over after our heartbeat went stale). Concurrent finishes of this
   * process go out together (group commit): every finish updates its template's row, so one
   * statement per template for many executions holds that row far less than one per execution.
   */
  finish(execution: FinishTarget, workerId: string, result: ExecutionResult): Promise<boolean> {
    return this.#finishes.load({ execution, workerId, result });
  }

  private async finishAll(batch: readonly PendingFinish[]): Promise<boolean[]> {
    // Members first: see bench/README.md on object spreads.
    const input = JSON.stringify(batch.map(({ execution, result }) => ({ execution_id: execution.id, ...result })));
    const rows = await queryPrepared<{ id: string }>(this.em(), 'execution_finish', FINISH_SQL, [input, batch[0]?.workerId]);
    const finished = new Set(rows.map((row) => row.id));
    return batch.map(({ execution }) => finished.has(execution.id));
  }

  /** False when the execution had already finished (or does not exist). */
  async cancel(id: string, reason: string, em: EntityManager = this.em()): Promise<boolean> {
    return (await em.getConnection().execute<{ id: string }[]>(CANCEL_SQL, [reason, id], 'all', em.getTransactionContext())).length > 0;
  }

  /** Cancels every unfinished execution of a run; returns how many. */
  async cancelRun(runId: string, reason: string, em: EntityManager = this.em()): Promise<number> {
    return (await em.getConnection().execute<{ id: string }[]>(CANCEL_RUN_SQL, [reason, runId], 'all', em.getTransactionContext())).length;
  }

  /** Unfinished executions no worker seems to hold, oldest first. */
  stranded(queuedGraceMs: number, limit: number): Promise<StrandedExecution[]> {
    return this.em()
      .getConnection()
      .execute<StrandedExecution[]>(STRANDED_SQL, [queuedGraceMs / 1000, this.staleAfterMs / 1000, limit]);
  }

  /** Back to `queued` for re-enqueueing, unless it moved since it was seen `seen`. */
  async recover(id: string, seen: StrandedExecution['status']): Promise<boolean> {
    return (
      (
        await this.em()
          .getConnection()
          .execute<{ id: string }[]>(RECOVER_SQL, [id, seen, this.staleAfterMs / 1000])
      ).length > 0
    );
  }

  /** Fails an execution re-enqueued too often, for good. */
  async abandon(id: string): Promise<boolean> {
    return (await this.em().getConnection().execute<{ id: string }[]>(ABANDON_SQL, [id])).length > 0;
  }

  /** Removes the rows of run items this worker claimed ahead but never started. */
  async withdraw(workerId: string, executionIds: string[], em: EntityManager = this.em()): Promise<void> {
    await em.getConnection().execute(WITHDRAW_SQL, [workerId, JSON.stringify(executionIds)], 'run', em.getTransactionContext());
  }
}
