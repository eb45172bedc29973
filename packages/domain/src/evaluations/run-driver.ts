import { setTimeout as sleep } from 'node:timers/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { queryPrepared, type EvaluationResultStatus, type ExecutionAttempt, type RunExecutionSettings } from '@promptops/db';
import type { DomainDeps } from '../domain-deps';
import type { Performed } from '../executions/execution-runner';
import type { ClaimedExecution, ExecutionResult } from '../executions/execution-store';
import { ADOPT_ITEMS_SQL, ADVANCE_SQL, HEARTBEAT_SQL, TAKE_RUN_SQL } from './run-driver-sql';
import { finaliseRun } from './run-summary';
import { createScorer, type ScorerDeps } from './scorers/create-scorer';
import { scoreItem, type ConfiguredScorer } from './scorers/score-item';
import type { ScorerConfig } from './scorers/scorer-types';

/** PostgreSQL hiccups are waited out this long before the drive gives the run back to the queue. */
const ADVANCE_RETRY_DELAYS_MS = [100, 250, 500, 1000, 2000, 4000, 8000];

export interface DriveContext {
  workerId: string;
  runner: { perform(execution: ClaimedExecution, finalAttempt: boolean): Promise<Performed> };
  /** Aborted when the worker shuts down: no new items are claimed, the ones in flight are finished. */
  signal: AbortSignal;
  heartbeatMs: number;
  /** Provider calls per item before a retryable failure becomes the item's result. */
  maxAttempts: number;
  retryDelayMs(attempt: number): number;
  onProgress?(progress: { done: number; total: number }): void;
}

/** `interrupted`: the worker is shutting down and items are left; the run must go back to the queue. */
export type DriveOutcome = 'finished' | 'cancelled' | 'interrupted' | 'gone';

interface TakenRun {
  template_id: string;
  execution_settings: RunExecutionSettings;
  scorers: ScorerConfig[];
  concurrency: number;
  request_id: string | null;
}

interface ClaimedItem {
  result_id: string;
  execution_id: string;
  input_context: Record<string, unknown>;
  expected_output: unknown;
  attempt_log?: ExecutionAttempt[];
}

interface AdvanceRow {
  run: { status: string; total_count: number; scored_count: number; failed_count: number } | null;
  claimed: ClaimedItem[];
}

/** One item's execution outcome and score, in the shape ADVANCE_SQL reads. */
interface FinishedItem {
  result_id: string;
  execution_id: string;
  status: ExecutionResult['status'];
  failure_kind: ExecutionResult['failureKind'];
  error_message: string | null;
  rendered_system_prompt: string | null;
  rendered_user_prompt: string | null;
  response_text: string | null;
  parsed_output: unknown;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number | null;
  execution_time_ms: number;
  attempt_log: ExecutionAttempt[];
  result_status: EvaluationResultStatus;
  scores: unknown[];
  passed: boolean;
  score: number;
  result_error: string | null;
}

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

/** The state of one drive; lives as long as the run's job is active in this worker. */
class RunDrive {
  /** Claimed and not yet recorded (running, or finished and waiting in `finished`). */
  private inFlight = 0;
  private readonly finished: FinishedItem[] = [];
  /** The last claim found fewer pending items than it asked for: nothing is left to claim. */
  private exhausted = false;
  private cancelled = false;
  private failure: { error: unknown } | null = null;
  /** Stops items waiting to retry once the drive ends for any reason. */
  private readonly halt = new AbortController();
  private wake: (() => void) | null = null;
  /** Set by a timer, acted on by the loop: a heartbeat racing a recording could deadlock with it. */
  private beatDue = false;

  constructor(
    private readonly deps: DomainDeps,
    private readonly em: EntityManager,
    private readonly runId: string,
    private readonly run: TakenRun,
    private readonly scorers: ConfiguredScorer[],
    private readonly context: DriveContext,
  ) {}

  async toTheEnd(adopted: ClaimedItem[]): Promise<DriveOutcome> {
    const onAbort = () => this.notify();
    this.context.signal.addEventListener('abort', onAbort);
    const heartbeat = setInterval(() => {
      this.beatDue = true;
      this.notify();
    }, this.context.heartbeatMs);
    try {
      for (const item of adopted) this.launch(item);
      return await this.loop();
    } finally {
      clearInterval(heartbeat);
      this.context.signal.removeEventListener('abort', onAbort);
      this.halt.abort();
    }
  }

  private async loop(): Promise<DriveOutcome> {
    for (;;) {
      if (this.failure) throw this.failure.error;
      if (this.beatDue) await this.beat();
      if (this.cancelled) return 'cancelled';
      const stopping = this.context.signal.aborted;
      const batch = this.finished.splice(0);
      const wanted = stopping || this.exhausted ? 0 : this.run.concurrency - (this.inFlight - batch.length);
      if (batch.length === 0 && wanted <= 0) {
        if (this.inFlight === 0) return this.exhausted ? 'finished' : 'interrupted';
        // Checked and armed in one synchronous step, so no finishing item can slip in between.
        await new Promise<void>((resolve) => (this.wake = resolve));
        continue;
      }
      const row = await this.advance(batch, Math.max(wanted, 0));
      this.inFlight -= batch.length;
      for (const item of batch) this.deps.telemetry.executionFinished({ kind: 'template', status: item.status, failureKind: item.failure_kind });
      if (!row.run || row.run.status !== 'running') {
        this.cancelled = true;
        continue;
      }
      if (row.claimed.length < wanted) this.exhausted = true;
      for (const item of row.claimed) this.launch(item);
      this.context.onProgress?.({ done: row.run.scored_count + row.run.failed_count, total: row.run.total_count });
    }
  }

  /** One ADVANCE_SQL round trip, retried while PostgreSQL is briefly away; the batch is never lost meanwhile. */
  private async advance(batch: FinishedItem[], limit: number): Promise<AdvanceRow> {
    const { workerId } = this.context;
    const params = [JSON.stringify(batch), workerId, this.runId, limit];
    for (let attempt = 0; ; attempt++) {
      try {
        const [row] = await queryPrepared<AdvanceRow>(this.em, 'run_advance', ADVANCE_SQL, params);
        return row ?? { run: null, claimed: [] };
      } catch (error) {
        const delay = ADVANCE_RETRY_DELAYS_MS[attempt];
        if (delay === undefined) throw error;
        this.deps.logger.warn({ err: error, run_id: this.runId }, 'recording run items failed; retrying');
        await sleep(delay);
      }
    }
  }

  private launch(item: ClaimedItem): void {
    this.inFlight++;
    this.perform(item).then(
      (finished) => {
        if (finished) this.finished.push(finished);
        else this.inFlight--;
        this.notify();
      },
      (error: unknown) => {
        this.failure ??= { error };
        this.notify();
      },
    );
  }

  /** Executes one item, retrying retryable provider failures; null when the drive ended first. */
  private async perform(item: ClaimedItem): Promise<FinishedItem | null> {
    const settings = this.run.execution_settings;
    let execution: ClaimedExecution = {
      id: item.execution_id,
      kind: 'template',
      template_id: this.run.template_id,
      input_context: item.input_context,
      provider: settings.provider,
      model: settings.model,
      temperature: settings.temperature,
      max_tokens: settings.max_tokens,
      max_validation_retries: settings.max_validation_retries,
      rendered_system_prompt: null,
      rendered_user_prompt: null,
      output_schema: settings.output_schema,
      attempt_log: item.attempt_log ?? [],
      attempts: item.attempt_log?.length ?? 0,
      request_id: this.run.request_id,
      run_id: this.runId,
    };
    const halted = AbortSignal.any([this.halt.signal, this.context.signal]);
    for (let attempt = 1; ; attempt++) {
      if (halted.aborted) return null;
      const performed = await this.context.runner.perform(execution, attempt >= this.context.maxAttempts);
      if (performed.kind === 'done') return this.score(item, performed.result);
      execution = { ...execution, attempt_log: performed.attemptLog };
      const { error } = performed;
      const delayMs = error.kind === 'rate_limited' ? (error.retryAfterMs ?? 1000) : this.context.retryDelayMs(attempt);
      try {
        // A driver shutting down leaves the item running in PostgreSQL; the next driver adopts it.
        await sleep(delayMs, undefined, { signal: halted });
      } catch {
        return null;
      }
    }
  }

  private async score(item: ClaimedItem, result: ExecutionResult): Promise<FinishedItem> {
    const succeeded = result.status === 'succeeded';
    const scored = succeeded
      ? await scoreItem(this.scorers, {
          output: this.run.execution_settings.output_schema ? result.parsedOutput : result.responseText,
          expected: item.expected_output,
          input: item.input_context,
        })
      : { scores: [], passed: false, score: 0 };
    this.deps.logger.info(
      { run_id: this.runId, execution_id: item.execution_id, request_id: this.run.request_id ?? undefined, status: result.status, failure_kind: result.failureKind ?? undefined },
      succeeded ? 'run item executed' : 'run item failed',
    );
    return {
      result_id: item.result_id,
      execution_id: item.execution_id,
      status: result.status,
      failure_kind: result.failureKind,
      error_message: result.errorMessage,
      rendered_system_prompt: result.renderedSystemPrompt,
      rendered_user_prompt: result.renderedUserPrompt,
      response_text: result.responseText,
      parsed_output: result.parsedOutput ?? null,
      prompt_tokens: result.promptTokens,
      completion_tokens: result.completionTokens,
      cost_usd: result.costUsd,
      execution_time_ms: result.executionTimeMs,
      attempt_log: result.attemptLog,
      result_status: succeeded ? 'scored' : 'failed',
      scores: scored.scores,
      passed: scored.passed,
      score: scored.score,
      result_error: succeeded ? null : `${result.failureKind ?? result.status}: ${result.errorMessage ?? 'execution did not succeed'}`,
    };
  }

  /** Keeps the run's heartbeat fresh while items are slow, and notices a cancellation between items. */
  private async beat(): Promise<void> {
    this.beatDue = false;
    try {
      const [row] = await this.em.getConnection().execute<{ status: string }[]>(HEARTBEAT_SQL, [this.runId]);
      if (row?.status !== 'running') {
        this.cancelled = true;
        this.notify();
      }
    } catch (error) {
      this.deps.logger.warn({ err: error, run_id: this.runId }, 'run heartbeat failed');
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }
}
