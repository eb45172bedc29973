import { setTimeout as sleep } from 'node:timers/promises';
import type { EvaluationResultStatus, ExecutionAttempt, RunExecutionSettings } from '@promptops/db';
import type { Logger } from '@promptops/config';
import type { ClaimedExecution, ExecutionResult } from '../executions/execution-store';
import type { DriveContext } from './run-driver';
import { scoreItem, type ConfiguredScorer } from './scorers/score-item';
import type { ScorerConfig } from './scorers/scorer-types';

/** What a driver knows about its run once it has taken it. */
export interface TakenRun {
  template_id: string;
  execution_settings: RunExecutionSettings;
  scorers: ScorerConfig[];
  concurrency: number;
  request_id: string | null;
}

/** An item claimed for this driver: its result row, its (running) execution row and its entry. */
export interface ClaimedItem {
  result_id: string;
  execution_id: string;
  input_context: Record<string, unknown>;
  expected_output: unknown;
  attempt_log?: ExecutionAttempt[];
}

/** One item's execution outcome and score, in the shape ADVANCE_SQL reads. */
export interface FinishedItem {
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
  /** When the item really started and ended, as opposed to when it was claimed and recorded. */
  started_at: string;
  finished_at: string;
  result_status: EvaluationResultStatus;
  scores: unknown[];
  passed: boolean;
  score: number;
  result_error: string | null;
}

export interface ItemContext extends Pick<DriveContext, 'runner' | 'maxAttempts' | 'retryDelayMs'> {
  runId: string;
  run: TakenRun;
  scorers: ConfiguredScorer[];
  /** Aborted when the drive ends or the worker stops: an item waiting to retry gives up. */
  halted: AbortSignal;
  logger: Logger;
}

/**
 * Executes one item through the execution path, retrying retryable provider failures with the
 * queue's backoff (or the provider's Retry-After), and scores it. Null when the drive ended while
 * the item waited to retry: it stays running in PostgreSQL, for the next driver to adopt.
 */
export async function runItem(item: ClaimedItem, ctx: ItemContext): Promise<FinishedItem | null> {
  const startedAt = new Date();
  const settings = ctx.run.execution_settings;
  let execution: ClaimedExecution = {
    id: item.execution_id,
    kind: 'template',
    template_id: ctx.run.template_id,
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
    request_id: ctx.run.request_id,
    run_id: ctx.runId,
  };
  for (let attempt = 1; ; attempt++) {
    if (ctx.halted.aborted) return null;
    const performed = await ctx.runner.perform(execution, attempt >= ctx.maxAttempts);
    if (performed.kind === 'done') return scoreFinished(item, performed.result, startedAt, ctx);
    execution = { ...execution, attempt_log: performed.attemptLog };
    const { error } = performed;
    const delayMs = error.kind === 'rate_limited' ? (error.retryAfterMs ?? 1000) : ctx.retryDelayMs(attempt);
    try {
      await sleep(delayMs, undefined, { signal: ctx.halted });
    } catch {
      return null;
    }
  }
}

async function scoreFinished(item: ClaimedItem, result: ExecutionResult, startedAt: Date, ctx: ItemContext): Promise<FinishedItem> {
  const succeeded = result.status === 'succeeded';
  const scored = succeeded
    ? await scoreItem(ctx.scorers, {
        output: ctx.run.execution_settings.output_schema ? result.parsedOutput : result.responseText,
        expected: item.expected_output,
        input: item.input_context,
      })
    : { scores: [], passed: false, score: 0 };
  ctx.logger.info(
    { run_id: ctx.runId, execution_id: item.execution_id, request_id: ctx.run.request_id ?? undefined, status: result.status, failure_kind: result.failureKind ?? undefined },
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
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    result_status: succeeded ? 'scored' : 'failed',
    scores: scored.scores,
    passed: scored.passed,
    score: scored.score,
    result_error: succeeded ? null : `${result.failureKind ?? result.status}: ${result.errorMessage ?? 'execution did not succeed'}`,
  };
}
