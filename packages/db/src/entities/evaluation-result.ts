import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EvaluationRun } from './evaluation-run';
import { PromptDatasetEntry } from './prompt-dataset-entry';
import { PromptExecution } from './prompt-execution';

export const EVALUATION_RESULT_STATUSES = ['pending', 'running', 'scored', 'failed', 'cancelled'] as const;
export type EvaluationResultStatus = (typeof EVALUATION_RESULT_STATUSES)[number];

/** One scorer's verdict on one output. */
export interface ScoreRecord {
  scorer: string;
  type: string;
  score: number;
  passed: boolean;
  reason: string;
}

/**
 * One (entry, repetition) of a run. The unique key is what makes a run hold at most one result per
 * item whatever retries or crashes happen; every state change is a conditional UPDATE.
 */
export const EvaluationResult = defineEntity({
  name: 'EvaluationResult',
  tableName: 'evaluation_results',
  properties: {
    id: p
      .uuid()
      .primary()
      .onCreate(() => crypto.randomUUID()),
    run: () => p.manyToOne(EvaluationRun).mapToPk().deleteRule('cascade'),
    dataset_entry: () => p.manyToOne(PromptDatasetEntry).mapToPk().deleteRule('cascade'),
    repetition: p.integer().default(0),
    /** Dispatch order inside the run, so items start oldest entry first. */
    position: p.integer(),
    execution: () => p.manyToOne(PromptExecution).mapToPk().nullable().deleteRule('set null'),
    status: p
      .enum([...EVALUATION_RESULT_STATUSES])
      .nativeEnumName('evaluation_result_status')
      .default('pending'),
    scores: p.json<ScoreRecord[]>().columnType('jsonb').default('[]'),
    passed: p.boolean().nullable(),
    score: p.double().$type<number>().nullable(),
    latency_ms: p.integer().nullable(),
    total_tokens: p.integer().default(0),
    cost_usd: p.decimal('number').precision(16).scale(8).nullable(),
    error_message: p.text().nullable(),
    started_at: p.datetime().nullable(),
    finished_at: p.datetime().nullable(),
  },
  uniques: [{ name: 'evaluation_results_run_entry_repetition_unique', properties: ['run', 'dataset_entry', 'repetition'] }],
  indexes: [
    { name: 'evaluation_results_run_status_position_idx', properties: ['run', 'status', 'position'] },
    { name: 'evaluation_results_execution_idx', properties: ['execution'] },
  ],
});
export type EvaluationResult = InferEntity<typeof EvaluationResult>;
