import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { PromptDataset } from './prompt-dataset';
import { PromptTemplate } from './prompt-template';

export const EVALUATION_RUN_STATUSES = ['queued', 'running', 'completed', 'failed', 'cancelled'] as const;
export type EvaluationRunStatus = (typeof EVALUATION_RUN_STATUSES)[number];

/**
 * What every execution of the run is created with, resolved once at submission so the run keeps
 * using the same version and settings even if the template's active version changes meanwhile.
 */
export interface RunExecutionSettings {
  provider: string;
  model: string;
  temperature: number | null;
  max_tokens: number | null;
  max_validation_retries: number;
  output_schema: Record<string, unknown> | null;
}

/** A dataset evaluated with one template version and a set of scorers. */
export const EvaluationRun = defineEntity({
  name: 'EvaluationRun',
  tableName: 'evaluation_runs',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    dataset: () => p.manyToOne(PromptDataset).mapToPk().deleteRule('cascade'),
    template: () => p.manyToOne(PromptTemplate).mapToPk().deleteRule('restrict'),
    /** The reference as the caller gave it (`name`, `name@N` or an id). */
    template_ref: p.string().length(250),
    execution_settings: p.json<RunExecutionSettings>().columnType('jsonb'),
    scorers: p.json<Record<string, unknown>[]>().columnType('jsonb'),
    concurrency: p.integer(),
    repetitions: p.integer().default(1),
    tag_filter: p.json<{ tags: string[]; match: 'any' | 'all' }>().columnType('jsonb').nullable(),
    status: p
      .enum([...EVALUATION_RUN_STATUSES])
      .nativeEnumName('evaluation_run_status')
      .default('queued'),
    total_count: p.integer().default(0),
    scored_count: p.integer().default(0),
    failed_count: p.integer().default(0),
    summary: p.json<Record<string, unknown>>().columnType('jsonb').nullable(),
    error_message: p.text().nullable(),
    /** The Idempotency-Key it was submitted with, if any (the key itself lives in idempotency_keys). */
    idempotency_key: p.string().length(255).nullable(),
    /** The run whose failed items this one re-runs. */
    parent_run_id: p.uuid().nullable(),
    request_id: p.string().length(100).nullable(),
    created_at: p.datetime().onCreate(() => new Date()),
    started_at: p.datetime().nullable(),
    /** Written by the worker driving the run; a stale one means that worker is gone. */
    heartbeat_at: p.datetime().nullable(),
    finished_at: p.datetime().nullable(),
  },
  indexes: [
    { name: 'evaluation_runs_dataset_created_idx', properties: ['dataset', 'created_at'] },
    { name: 'evaluation_runs_status_idx', properties: ['status'] },
  ],
});
export type EvaluationRun = InferEntity<typeof EvaluationRun>;
