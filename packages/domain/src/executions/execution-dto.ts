import type { ExecutionKind, ExecutionStatus, FailureKind, PromptExecution } from '@promptops/db';

export interface ExecutionDto {
  id: string;
  kind: ExecutionKind;
  status: ExecutionStatus;
  failure_kind: FailureKind | null;
  error_message: string | null;
  template_id: string | null;
  dataset_entry_id: string | null;
  run_id: string | null;
  repetition: number;
  input_context: Record<string, unknown>;
  provider: string;
  model: string;
  temperature: number | null;
  max_tokens: number | null;
  rendered_system_prompt: string | null;
  rendered_user_prompt: string | null;
  output_schema: Record<string, unknown> | null;
  response_text: string | null;
  parsed_output: unknown;
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
  /** Same as total_tokens; the name the original system used. */
  tokens_used: number;
  cost_usd: number | null;
  execution_time_ms: number | null;
  attempts: number;
  attempt_log: unknown[];
  generated_template_id: string | null;
  request_id: string | null;
  executed_at: string;
  started_at: string | null;
  finished_at: string | null;
}

const iso = (value: Date | null | undefined) => (value ? new Date(value).toISOString() : null);

export function toExecutionDto(row: PromptExecution): ExecutionDto {
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
