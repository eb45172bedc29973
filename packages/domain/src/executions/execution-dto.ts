import type { PromptExecution } from '@promptops/db';
import type { ExecutionDto } from '@promptops/validators';

export type { ExecutionDto };

const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);

/** What an execution's answer is made of: an entity, or a row a statement returned (see insertQueuedExecution). */
export type ExecutionRecord = Pick<
  PromptExecution,
  | 'id'
  | 'kind'
  | 'status'
  | 'failure_kind'
  | 'error_message'
  | 'template'
  | 'dataset_entry'
  | 'run_id'
  | 'repetition'
  | 'input_context'
  | 'provider'
  | 'model'
  | 'temperature'
  | 'max_tokens'
  | 'rendered_system_prompt'
  | 'rendered_user_prompt'
  | 'output_schema'
  | 'response_text'
  | 'parsed_output'
  | 'prompt_tokens'
  | 'completion_tokens'
  | 'total_tokens'
  | 'cost_usd'
  | 'execution_time_ms'
  | 'attempts'
  | 'attempt_log'
  | 'generated_template_id'
  | 'request_id'
  | 'executed_at'
  | 'started_at'
  | 'finished_at'
>;

export function toExecutionDto(row: ExecutionRecord): ExecutionDto {
  return {
    id: row.id,
    kind: row.kind,
    status: row.status,
    failure_kind: row.failure_kind ?? null,
    error_message: row.error_message ?? null,
    template_id: row.template ?? null,
    dataset_entry_id: row.dataset_entry ?? null,
    run_id: row.run_id ?? null,
    repetition: row.repetition,
    input_context: row.input_context,
    provider: row.provider,
    model: row.model,
    temperature: row.temperature ?? null,
    max_tokens: row.max_tokens ?? null,
    rendered_system_prompt: row.rendered_system_prompt ?? null,
    rendered_user_prompt: row.rendered_user_prompt ?? null,
    output_schema: row.output_schema ?? null,
    response_text: row.response_text ?? null,
    parsed_output: row.parsed_output ?? null,
    prompt_tokens: row.prompt_tokens,
    completion_tokens: row.completion_tokens,
    total_tokens: row.total_tokens,
    tokens_used: row.total_tokens,
    cost_usd: row.cost_usd === null || row.cost_usd === undefined ? null : Number(row.cost_usd),
    execution_time_ms: row.execution_time_ms ?? null,
    attempts: row.attempts,
    attempt_log: row.attempt_log,
    generated_template_id: row.generated_template_id ?? null,
    request_id: row.request_id ?? null,
    executed_at: iso(row.executed_at) as string,
    started_at: iso(row.started_at),
    finished_at: iso(row.finished_at),
  };
}
