import type { EvaluationResultStatus, ExecutionAttempt, RunExecutionSettings } from '@promptops/db';
import type { Logger } from '@promptops/config';
import type { ExecutionResult, FinishedExecution } from '../executions/lifecycle';
import { JudgeInterrupted } from './judge-runner';
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
export interface FinishedItem extends FinishedExecution {
  result_id: string;
  /** When the item really started and ended, as opposed to when it was claimed and recorded. */
  started_at: string;
  finished_at: string;
  result_status: EvaluationResultStatus;
  scores: unknown[];
  passed: boolean;
  score: number;
  result_error: string | null;
}

export interface ItemContext extends Pick<DriveContext, 'runner'> {
  runId: string;
  run: TakenRun;
  scorers: ConfiguredScorer[];
  /** Aborted when the drive ends or the worker stops: an item waiting to retry gives up. */
  halted: AbortSignal;
  logger: Logger;
}

/**
 * Executes one item through the execution runner (retrying transient provider failures as a queue
 * job would) and scores it. Null when the drive ended while the item, or its judge, waited to
 * retry: it stays running in PostgreSQL, for the next driver to adopt.
 */
export async function runItem(item: ClaimedItem, ctx: ItemContext): Promise<FinishedItem | null> {
  const startedAt = new Date();
  const settings = ctx.run.execution_settings;
  const result = await ctx.runner.performRetrying(
    {
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
    },
    ctx.halted,
  );
  if (!result) return null;
  try {
    return await scoreFinished(item, result, startedAt, ctx);
  } catch (error) {
    if (error instanceof JudgeInterrupted) return null;
    throw error;
  }
}

async function scoreFinished(item: ClaimedItem, result: ExecutionResult, startedAt: Date, ctx: ItemContext): Promise<FinishedItem> {
  const succeeded = result.status === 'succeeded';
  const scored = succeeded
    ? await scoreItem(ctx.scorers, {
        output: ctx.run.execution_settings.output_schema ? result.parsed_output : result.response_text,
        expected: item.expected_output,
        input: item.input_context,
      })
    : { scores: [], passed: false, score: 0 };
  ctx.logger.info(
    {
      run_id: ctx.runId,
      execution_id: item.execution_id,
      request_id: ctx.run.request_id ?? undefined,
      status: result.status,
      failure_kind: result.failure_kind ?? undefined,
    },
    succeeded ? 'run item executed' : 'run item failed',
  );
  return {
    ...result,
    parsed_output: result.parsed_output ?? null,
    result_id: item.result_id,
    execution_id: item.execution_id,
    started_at: startedAt.toISOString(),
    finished_at: new Date().toISOString(),
    result_status: succeeded ? 'scored' : 'failed',
    scores: scored.scores,
    passed: scored.passed,
    score: scored.score,
    result_error: succeeded ? null : `${result.failure_kind ?? result.status}: ${result.error_message ?? 'execution did not succeed'}`,
  };
}
