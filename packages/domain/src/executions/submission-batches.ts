import type DataLoader from 'dataloader';
import type { ExecutionKind } from '@promptops/db';
import { enqueueExecutions, type ExecutionJob } from '@promptops/queue';
import type { DomainDeps } from '../domain-deps';
import { eachOnFailure, groupBy, groupCommit } from '../group-commit';
import { withTimeout } from '../with-timeout';
import type { ExecutionRecord } from './execution-dto';
import { insertQueuedExecutions, type QueuedExecutionRow } from './execution-insert';

/** How long the API waits for Redis before leaving a queued row (execution or run) to a reconciler. */
export const ENQUEUE_TIMEOUT_MS = 2000;

export interface QueuedJob {
  kind: ExecutionKind;
  job: ExecutionJob;
}

/**
 * Submissions by group commit (see groupCommit): those waiting together are inserted by one
 * statement and enqueued by one round trip to Redis. Each keeps its own outcome.
 */
export class SubmissionBatches {
  readonly #inserts: DataLoader<QueuedExecutionRow, ExecutionRecord | null>;
  readonly #enqueues: DataLoader<QueuedJob, boolean>;

  constructor(private readonly deps: DomainDeps) {
    this.#inserts = groupCommit((rows) => eachOnFailure(rows, (batch) => this.insertAll(batch)));
    this.#enqueues = groupCommit((jobs) => this.enqueueAll(jobs));
  }

  /** Inserts the row as `queued`; null when its template version was deleted meanwhile. */
  insert(row: QueuedExecutionRow): Promise<ExecutionRecord | null> {
    return this.#inserts.load(row);
  }

  /** Adds the job to its queue; false (logged) when Redis did not take it, for the reconciler to repair. */
  enqueue(job: QueuedJob): Promise<boolean> {
    return this.#enqueues.load(job);
  }

  private async insertAll(rows: readonly QueuedExecutionRow[]): Promise<(ExecutionRecord | null)[]> {
    const inserted = await insertQueuedExecutions(this.deps.orm.em.fork(), rows);
    return rows.map((row) => inserted.get(row.id) ?? null);
  }

  private async enqueueAll(jobs: readonly QueuedJob[]): Promise<boolean[]> {
    const byKind = groupBy(jobs, (entry) => entry.kind);
    const taken = new Map<ExecutionKind, boolean>();
    await Promise.all(
      [...byKind].map(async ([kind, entries]) => {
        const queue = kind === 'generation' ? this.deps.queues.generations : this.deps.queues.executions;
        try {
          const added = enqueueExecutions(
            queue,
            entries.map((entry) => entry.job),
          );
          await withTimeout(added, ENQUEUE_TIMEOUT_MS, 'enqueue timed out');
          taken.set(kind, true);
        } catch (error) {
          const ids = entries.map((entry) => entry.job.execution_id);
          this.deps.logger.warn({ err: error, execution_ids: ids }, 'enqueue failed; the reconciler will retry');
          taken.set(kind, false);
        }
      }),
    );
    return jobs.map((entry) => taken.get(entry.kind) ?? false);
  }
}
