import type { EntityManager } from '@mikro-orm/postgresql';
import type { ExecutionAttempt, FailureKind } from '@promptops/db';

/** The columns a worker needs to run an execution, as PostgreSQL returns them. */
export interface ClaimedExecution {
  id: string;
  kind: 'template' | 'raw' | 'generation';
  template_id: string | null;
  input_context: Record<string, unknown>;
  provider: string;
  model: string;
  temperature: number | null;
  max_tokens: number | null;
  max_validation_retries: number;
  rendered_system_prompt: string | null;
  rendered_user_prompt: string | null;
  output_schema: Record<string, unknown> | null;
  attempt_log: ExecutionAttempt[];
  attempts: number;
  request_id: string | null;
  /** Evaluation run the execution belongs to; its result is scored once the execution finishes. */
  run_id: string | null;
}

export interface ExecutionResult {
  status: 'succeeded' | 'failed';
  failureKind: FailureKind | null;
  errorMessage: string | null;
  renderedSystemPrompt: string | null;
  renderedUserPrompt: string | null;
  responseText: string | null;
  parsedOutput: unknown;
  promptTokens: number;
  completionTokens: number;
  costUsd: number | null;
  executionTimeMs: number;
  attemptLog: ExecutionAttempt[];
  generatedTemplateId?: string | null;
}

/**
 * Every state change of an execution is one conditional UPDATE, so two workers (or a worker and
 * the reconciler, or a cancel) can never both move the same row: whoever matches the WHERE wins.
 */
export class ExecutionStore {
  constructor(
    private readonly em: () => EntityManager,
    /** A running row whose heartbeat is older than this is taken to belong to a dead worker. */
    private readonly staleAfterMs: number,
  ) {}

  async claim(id: string, workerId: string): Promise<ClaimedExecution | null> {
    const rows = await this.em().getConnection().execute<ClaimedExecution[]>(
      `update prompt_executions
          set status = 'running', worker_id = ?, heartbeat_at = now(), started_at = coalesce(started_at, now())
        where id = ?
          and (status = 'queued'
               or (status = 'running' and (heartbeat_at is null or heartbeat_at < now() - make_interval(secs => ?))))
        returning id, kind, template_id, input_context, provider, model, temperature, max_tokens,
                  max_validation_retries, rendered_system_prompt, rendered_user_prompt, output_schema,
                  attempt_log, attempts, request_id, run_id`,
      [workerId, id, this.staleAfterMs / 1000],
    );
    return rows[0] ?? null;
  }

  async heartbeat(id: string, workerId: string): Promise<void> {
    await this.em()
      .getConnection()
      .execute(`update prompt_executions set heartbeat_at = now() where id = ? and worker_id = ? and status = 'running'`, [
        id,
        workerId,
      ]);
  }

  /** Hands the row back to the queue after a retryable failure, keeping what the attempts taught. */
  async release(id: string, workerId: string, attemptLog: ExecutionAttempt[], errorMessage: string): Promise<void> {
    await this.em()
      .getConnection()
      .execute(
        `update prompt_executions
            set status = 'queued', worker_id = null, heartbeat_at = null, attempt_log = ?::jsonb,
                attempts = jsonb_array_length(?::jsonb), error_message = ?
          where id = ? and worker_id = ? and status = 'running'`,
        [JSON.stringify(attemptLog), JSON.stringify(attemptLog), errorMessage, id, workerId],
      );
  }

  /**
   * Writes the terminal state and counts the template's use in one statement (so one round trip,
   * atomic, and the template row is locked only for that statement: no lost increments, no lock
   * held across round trips). Returns false when the row was no longer ours (cancelled, or taken
   * over after our heartbeat went stale).
   */
  async finish(id: string, workerId: string, result: ExecutionResult): Promise<boolean> {
    const rows = await this.em().getConnection().execute<{ id: string }[]>(
      `with finished as (
         update prompt_executions
            set status = ?, failure_kind = ?, error_message = ?, rendered_system_prompt = ?, rendered_user_prompt = ?,
                response_text = ?, parsed_output = ?::jsonb, prompt_tokens = ?, completion_tokens = ?,
                total_tokens = ?, cost_usd = ?, execution_time_ms = ?, attempt_log = ?::jsonb,
                attempts = jsonb_array_length(?::jsonb), generated_template_id = ?, finished_at = now(),
                worker_id = null, heartbeat_at = null
          where id = ? and worker_id = ? and status = 'running'
          returning id, template_id
       ), counted as (
         update prompt_templates t set usage_count = usage_count + 1, last_used_at = now()
           from finished f where t.id = f.template_id
       )
       select id from finished`,
      [
        result.status,
        result.failureKind,
        result.errorMessage,
        result.renderedSystemPrompt,
        result.renderedUserPrompt,
        result.responseText,
        result.parsedOutput === undefined ? null : JSON.stringify(result.parsedOutput),
        result.promptTokens,
        result.completionTokens,
        result.promptTokens + result.completionTokens,
        result.costUsd,
        result.executionTimeMs,
        JSON.stringify(result.attemptLog),
        JSON.stringify(result.attemptLog),
        result.generatedTemplateId ?? null,
        id,
        workerId,
      ],
    );
    return rows.length > 0;
  }
}
