import type { EvaluationResultStatus } from '@promptops/db';
import { enqueueRunExecutions } from '@promptops/queue';
import { BoundedPromiseCache } from '../bounded-promise-cache';
import type { DomainDeps } from '../domain-deps';
import { withTimeout } from '../with-timeout';
import { DISPATCH_SQL, FINISHED_ITEM_SQL, RECORD_AND_ADVANCE_SQL } from './run-dispatch-sql';
import { finaliseRun } from './run-summary';
import { createScorer, type ScorerDeps } from './scorers/create-scorer';
import { scoreItem, type ConfiguredScorer, type ItemScore } from './scorers/score-item';
import type { ScorerConfig } from './scorers/scorer-types';

const ENQUEUE_TIMEOUT_MS = 2000;
/** Runs finished by another process stay cached here until this bound clears the map. */
const MAX_CACHED_RUNS = 200;
const TERMINAL_EXECUTION = new Set(['succeeded', 'failed', 'cancelled']);

interface FinishedItem {
  result_id: string;
  run_id: string;
  result_status: EvaluationResultStatus;
  status: string;
  failure_kind: string | null;
  error_message: string | null;
  response_text: string | null;
  parsed_output: unknown;
  structured: boolean;
  execution_time_ms: number | null;
  total_tokens: number;
  cost_usd: string | null;
  input_data: Record<string, unknown>;
  expected_output: unknown;
}

interface AdvanceRow {
  id: string;
  total_count: number;
  scored_count: number;
  failed_count: number;
  request_id: string | null;
  dispatched: string[];
}

/**
 * Moves runs forward from inside the worker: starts a run with `concurrency` executions, and as
 * each execution finishes, scores it and dispatches the next item in the same statement. Every
 * step is conditional in SQL, so replays (a retried job, the reconciler) change nothing twice.
 */
export class RunProgress {
  /** Scorers per run; a run's scorer list never changes, so it is built once per process. */
  private readonly scorers = new BoundedPromiseCache<string, ConfiguredScorer[]>(MAX_CACHED_RUNS);

  constructor(
    private readonly deps: DomainDeps,
    private readonly scorerDeps: ScorerDeps,
  ) {}

  /** Moves a queued run to running and dispatches its first items; a no-op for any other state. */
  async start(runId: string): Promise<void> {
    const em = this.deps.orm.em.fork();
    const started = await em.transactional(async (tx) => {
      const connection = tx.getConnection();
      const ctx = tx.getTransactionContext();
      const [run] = await connection.execute<{ concurrency: number; request_id: string | null }[]>(
        `update evaluation_runs set status = 'running', started_at = now() where id = ? and status = 'queued' returning concurrency, request_id`,
        [runId],
        'all',
        ctx,
      );
      if (!run) return null;
      const [row] = await connection.execute<{ dispatched: string[] }[]>(DISPATCH_SQL, [runId, runId, run.concurrency], 'all', ctx);
      return { dispatched: row?.dispatched ?? [], requestId: run.request_id };
    });
    if (!started) return;
    // Every item may already be settled (e.g. all inputs broke the template's input schema).
    if (started.dispatched.length === 0) await finaliseRun(em, runId);
    await this.enqueue(runId, started.dispatched, started.requestId);
  }

  /** Scores a finished execution of a run, records it, and tops the run up; ignores other executions. */
  async onExecutionFinished(executionId: string): Promise<void> {
    const em = this.deps.orm.em.fork();
    const connection = em.getConnection();
    const [item] = await connection.execute<FinishedItem[]>(FINISHED_ITEM_SQL, [executionId]);
    if (!item || item.result_status !== 'running' || !TERMINAL_EXECUTION.has(item.status)) return;
    const succeeded = item.status === 'succeeded';
    const scored: ItemScore = succeeded
      ? await scoreItem(await this.scorersFor(item.run_id), {
          output: item.structured ? item.parsed_output : item.response_text,
          expected: item.expected_output,
          input: item.input_data,
        })
      : { scores: [], passed: false, score: 0 };
    const status: EvaluationResultStatus = succeeded ? 'scored' : 'failed';
    const error = succeeded ? null : `${item.failure_kind ?? item.status}: ${item.error_message ?? 'execution did not succeed'}`;
    const [row] = await connection.execute<AdvanceRow[]>(RECORD_AND_ADVANCE_SQL, [
      status,
      JSON.stringify(scored.scores),
      scored.passed,
      scored.score,
      item.execution_time_ms,
      item.total_tokens,
      item.cost_usd,
      error,
      item.result_id,
      succeeded ? 1 : 0,
      succeeded ? 0 : 1,
    ]);
    if (!row) return;
    await this.enqueue(row.id, row.dispatched, row.request_id);
    if (row.scored_count + row.failed_count >= row.total_count) {
      await finaliseRun(em, row.id);
      this.scorers.delete(row.id);
    }
  }

  /** Best effort: an execution left queued without a job is re-enqueued by the execution reconciler. */
  private async enqueue(runId: string, executionIds: string[], requestId: string | null): Promise<void> {
    if (executionIds.length === 0) return;
    try {
      await withTimeout(
        enqueueRunExecutions(this.deps.queues.executions, runId, executionIds, requestId ?? undefined),
        ENQUEUE_TIMEOUT_MS,
        'enqueue timed out',
      );
    } catch (error) {
      this.deps.logger.warn({ err: error, run_id: runId, request_id: requestId ?? undefined }, 'enqueue of run executions failed; the reconciler will retry');
    }
  }

  private scorersFor(runId: string): Promise<ConfiguredScorer[]> {
    return this.scorers.get(runId, async (id) => {
      const [run] = await this.deps.orm.em.fork().getConnection().execute<{ scorers: ScorerConfig[] }[]>(`select scorers from evaluation_runs where id = ?`, [id]);
      return (run?.scorers ?? []).map((config) => ({ config, scorer: createScorer(config, this.scorerDeps) }));
    });
  }
}
