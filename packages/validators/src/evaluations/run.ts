import { z } from '@hono/zod-openapi';
import { EVALUATION_RESULT_STATUSES, EVALUATION_RUN_STATUSES } from '@promptops/db';
import { JsonObjectSchema, timestamp } from '../json';
import { ScorerConfigSchema } from '../scorers/scorer-config';

const TAG_MATCHES = ['any', 'all'] as const;

export const RunProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int().openapi({ description: 'Finished items: scored plus failed' }),
  scored: z.number().int(),
  failed: z.number().int(),
  running: z.number().int().openapi({ description: 'Items a worker holds: executing, or claimed ahead to start the moment a slot frees' }),
  pending: z.number().int(),
  cancelled: z.number().int(),
});

export type RunProgressView = z.infer<typeof RunProgressSchema>;

const ScorerSummarySchema = z.object({ mean_score: z.number(), pass_rate: z.number() });

export type ScorerSummary = z.infer<typeof ScorerSummarySchema>;

/**
 * Aggregates of a run's finished items. An item whose execution failed counts as not passed with
 * score 0 in `pass_rate` and `mean_score`; per-scorer figures cover scored items only.
 */
export const RunSummarySchema = z
  .object({
    finished: z.number().int(),
    scored: z.number().int(),
    failed: z.number().int(),
    passed: z.number().int(),
    pass_rate: z.number().nullable(),
    mean_score: z.number().nullable(),
    scorers: z.record(z.string(), ScorerSummarySchema),
    latency_ms: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), mean: z.number().nullable() }),
    tokens: z.object({ total: z.number(), mean: z.number().nullable() }),
    cost_usd: z.number().nullable(),
  })
  .openapi('RunSummary');

export type RunSummary = z.infer<typeof RunSummarySchema>;

export const RunSchema = z
  .object({
    id: z.uuid(),
    dataset_id: z.string(),
    template_id: z.string(),
    template_ref: z.string(),
    status: z.enum(EVALUATION_RUN_STATUSES),
    scorers: z.array(ScorerConfigSchema),
    concurrency: z.number().int(),
    repetitions: z.number().int(),
    tags: z.array(z.string()).nullable(),
    tag_match: z.enum(TAG_MATCHES).nullable(),
    provider: z.string(),
    model: z.string(),
    parent_run_id: z.string().nullable(),
    progress: RunProgressSchema,
    summary: RunSummarySchema.openapi({ description: 'Live while the run is going, final once it is terminal' }),
    error_message: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: timestamp,
    started_at: timestamp.nullable(),
    finished_at: timestamp.nullable(),
  })
  .openapi('Run');

export type RunView = z.infer<typeof RunSchema>;

const ScoreRecordSchema = z.object({ scorer: z.string(), type: z.string(), score: z.number(), passed: z.boolean(), reason: z.string() });

/** One (entry, repetition) of a run: its input, expected output, output and scores. */
export const RunResultSchema = z
  .object({
    id: z.uuid(),
    dataset_entry_id: z.string(),
    repetition: z.number().int(),
    status: z.enum(EVALUATION_RESULT_STATUSES),
    execution_id: z.string().nullable(),
    input: JsonObjectSchema,
    expected_output: z.unknown(),
    output: z.unknown(),
    scores: z.array(ScoreRecordSchema),
    passed: z.boolean().nullable(),
    score: z.number().nullable(),
    latency_ms: z.number().nullable(),
    total_tokens: z.number().int(),
    cost_usd: z.number().nullable(),
    error_message: z.string().nullable(),
    finished_at: timestamp.nullable(),
  })
  .openapi('RunResult');

export type ResultView = z.infer<typeof RunResultSchema>;
