import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EvaluationRun } from './evaluation-run';
import { PromptDatasetEntry } from './prompt-dataset-entry';
import { PromptTemplate } from './prompt-template';

export const EXECUTION_STATUSES = ['queued', 'running', 'succeeded', 'failed', 'cancelled'] as const;
export type ExecutionStatus = (typeof EXECUTION_STATUSES)[number];

export const FAILURE_KINDS = ['render', 'validation', 'provider', 'timeout', 'cancelled'] as const;
export type FailureKind = (typeof FAILURE_KINDS)[number];

export const EXECUTION_KINDS = ['template', 'raw', 'generation'] as const;
export type ExecutionKind = (typeof EXECUTION_KINDS)[number];

/** One call attempt to the provider, kept so users can see why a retry happened. */
export interface ExecutionAttempt {
  attempt: number;
  started_at: string;
  duration_ms: number;
  outcome: 'succeeded' | 'invalid_output' | 'provider_error';
  error?: string;
  validation_errors?: unknown[];
  prompt_tokens?: number;
  completion_tokens?: number;
}

/**
 * One prompt run, from submission to a terminal state. PostgreSQL is the source of truth: a row
 * is written as `queued` before the job is enqueued, so a lost queue can always be rebuilt.
 */
export const PromptExecution = defineEntity({
  name: 'PromptExecution',
  tableName: 'prompt_executions',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    kind: p
      .enum([...EXECUTION_KINDS])
      .nativeEnumName('execution_kind')
      .default('template'),
    template: () => p.manyToOne(PromptTemplate).mapToPk().nullable().deleteRule('restrict'),
    dataset_entry: () => p.manyToOne(PromptDatasetEntry).mapToPk().nullable().deleteRule('set null'),
    /** Evaluation run this execution belongs to, with the repetition number inside that run. */
    run_id: () => p.manyToOne(EvaluationRun).mapToPk().joinColumn('run_id').nullable().deleteRule('set null'),
    repetition: p.integer().default(0),
    input_context: p.json<Record<string, unknown>>().columnType('jsonb'),
    provider: p.string().length(40),
    model: p.string().length(200),
    temperature: p.double().$type<number>().nullable(),
    max_tokens: p.integer().nullable(),
    max_validation_retries: p.integer().default(2),
    /** Raw prompts for `kind = raw`; rendered from the template otherwise. */
    rendered_system_prompt: p.text().nullable(),
    rendered_user_prompt: p.text().nullable(),
    output_schema: p.json<Record<string, unknown>>().columnType('jsonb').nullable(),
    response_text: p.text().nullable(),
    parsed_output: p.json<unknown>().columnType('jsonb').nullable(),
    prompt_tokens: p.integer().default(0),
    completion_tokens: p.integer().default(0),
    total_tokens: p.integer().default(0),
    cost_usd: p.decimal('number').precision(16).scale(8).nullable(),
    execution_time_ms: p.integer().nullable(),
    status: p
      .enum([...EXECUTION_STATUSES])
      .nativeEnumName('execution_status')
      .default('queued'),
    failure_kind: p
      .enum([...FAILURE_KINDS])
      .nativeEnumName('failure_kind')
      .nullable(),
    error_message: p.text().nullable(),
    attempts: p.integer().default(0),
    attempt_log: p.json<ExecutionAttempt[]>().columnType('jsonb').default('[]'),
    /** The Idempotency-Key it was submitted with, if any (the key itself lives in idempotency_keys). */
    idempotency_key: p.string().length(255).nullable(),
    request_id: p.string().length(100).nullable(),
    /** Draft template created by a prompt-generation execution. */
    generated_template_id: p.uuid().nullable(),
    /** Set while a worker holds the job; a stale heartbeat tells the reconciler the worker died. */
    worker_id: p.string().length(100).nullable(),
    heartbeat_at: p.datetime().nullable(),
    enqueue_count: p.integer().default(0),
    executed_at: p.datetime().onCreate(() => new Date()),
    started_at: p.datetime().nullable(),
    finished_at: p.datetime().nullable(),
  },
  // One execution per evaluation item, besides the ones cancelled with its run (a resumed item gets a new one).
  uniques: [
    {
      name: 'prompt_executions_run_item_unique',
      expression: `create unique index "prompt_executions_run_item_unique" on "prompt_executions" ("run_id", "dataset_entry_id", "repetition") where "status" <> 'cancelled'`,
    },
  ],
  indexes: [
    { name: 'prompt_executions_template_executed_idx', properties: ['template', 'executed_at'] },
    { name: 'prompt_executions_status_executed_idx', properties: ['status', 'executed_at'] },
    { name: 'prompt_executions_run_idx', properties: ['run_id'] },
  ],
});
export type PromptExecution = InferEntity<typeof PromptExecution>;
