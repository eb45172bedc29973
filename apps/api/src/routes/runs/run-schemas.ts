import { z } from '@hono/zod-openapi';
import { EVALUATION_RESULT_STATUSES, EVALUATION_RUN_STATUSES } from '@promptops/db';
import { RERUN_INCLUDES, RUN_LIMITS, SCORER_TYPES } from '@promptops/domain';
import { PaginationQuerySchema } from '../../http/common-schemas';
import { ModelOverridesSchema } from '../executions/execution-schemas';

export const RUN_TAGS = ['Evaluation runs'];

const ScorerSchema = z
  .object({ type: z.enum(SCORER_TYPES as [string, ...string[]]), name: z.string().optional(), field: z.string().optional() })
  .passthrough()
  .openapi('Scorer', {
    description:
      'A scorer and its options; each gives a score in [0, 1], pass/fail and a reason. Options by type: ' +
      'exact_match {ignore_case, normalize_whitespace}; contains / not_contains {value | values, match: all|any, ignore_case} ' +
      '(without a value, the expected output is the needle); regex {pattern, flags}; json_equal {}; json_schema {schema}; ' +
      'json_field_match {fields: {path: expected}}; numeric {tolerance, relative}; similarity {metric: levenshtein|token_f1, threshold, ignore_case}; ' +
      'llm_judge {rubric, threshold, template, provider, model}. `field` scores a dotted path of the output (and of the expected output when it is an object); ' +
      '`name` labels the scorer in results (required when a type appears twice).',
    example: { type: 'exact_match', ignore_case: true, normalize_whitespace: true },
  });

export const SubmitRunBodySchema = z
  .strictObject({
    template: z
      .string()
      .min(1)
      .max(250)
      .optional()
      .openapi({ description: "Template id, `name` (highest active version) or `name@N`; default: the dataset's template, resolved now", example: 'Chat Assistant@1' }),
    scorers: z.array(ScorerSchema).min(1).max(20),
    concurrency: z.number().int().min(1).max(RUN_LIMITS.maxConcurrency).optional().openapi({ description: `Executions in flight at once (default ${RUN_LIMITS.defaultConcurrency})` }),
    repetitions: z.number().int().min(1).max(RUN_LIMITS.maxRepetitions).optional().openapi({ description: 'Times each entry is executed (default 1)' }),
    tags: z.array(z.string().min(1).max(100)).max(50).optional().openapi({ description: 'Only entries with these tags' }),
    tag_match: z.enum(['any', 'all']).optional().openapi({ description: 'Entries with any (default) or all of `tags`' }),
    provider: ModelOverridesSchema.provider,
    model: ModelOverridesSchema.model,
  })
  .openapi('SubmitRun');

const ProgressSchema = z.object({
  total: z.number().int(),
  done: z.number().int().openapi({ description: 'Finished items: scored plus failed' }),
  scored: z.number().int(),
  failed: z.number().int(),
  running: z.number().int().openapi({ description: 'Items a worker holds: executing, or claimed ahead to start the moment a slot frees' }),
  pending: z.number().int(),
  cancelled: z.number().int(),
});

const SummarySchema = z
  .object({
    finished: z.number().int(),
    scored: z.number().int(),
    failed: z.number().int(),
    passed: z.number().int(),
    pass_rate: z.number().nullable(),
    mean_score: z.number().nullable(),
    scorers: z.record(z.string(), z.object({ mean_score: z.number(), pass_rate: z.number() })),
    latency_ms: z.object({ p50: z.number().nullable(), p95: z.number().nullable(), mean: z.number().nullable() }),
    tokens: z.object({ total: z.number(), mean: z.number().nullable() }),
    cost_usd: z.number().nullable(),
  })
  .openapi('RunSummary');

export const RunSchema = z
  .object({
    id: z.uuid(),
    dataset_id: z.string(),
    template_id: z.string(),
    template_ref: z.string(),
    status: z.enum(EVALUATION_RUN_STATUSES),
    scorers: z.array(ScorerSchema),
    concurrency: z.number().int(),
    repetitions: z.number().int(),
    tags: z.array(z.string()).nullable(),
    tag_match: z.enum(['any', 'all']).nullable(),
    provider: z.string(),
    model: z.string(),
    parent_run_id: z.string().nullable(),
    progress: ProgressSchema,
    summary: SummarySchema,
    error_message: z.string().nullable(),
    request_id: z.string().nullable(),
    created_at: z.string(),
    started_at: z.string().nullable(),
    finished_at: z.string().nullable(),
  })
  .openapi('Run');

export const ResultSchema = z
  .object({
    id: z.uuid(),
    dataset_entry_id: z.string(),
    repetition: z.number().int(),
    status: z.enum(EVALUATION_RESULT_STATUSES),
    execution_id: z.string().nullable(),
    input: z.record(z.string(), z.unknown()),
    expected_output: z.unknown(),
    output: z.unknown(),
    scores: z.array(z.object({ scorer: z.string(), type: z.string(), score: z.number(), passed: z.boolean(), reason: z.string() })),
    passed: z.boolean().nullable(),
    score: z.number().nullable(),
    latency_ms: z.number().nullable(),
    total_tokens: z.number().int(),
    cost_usd: z.number().nullable(),
    error_message: z.string().nullable(),
    finished_at: z.string().nullable(),
  })
  .openapi('RunResult');

export const RerunFailedBodySchema = z
  .strictObject({
    include: z
      .array(z.enum(RERUN_INCLUDES))
      .max(RERUN_INCLUDES.length)
      .optional()
      .openapi({
        description:
          'Items to re-run beyond those whose execution failed (the default): `not_passed` adds items that were scored but did not pass ' +
          '(a scorer that could not score them, such as a judge that failed to answer, included); `cancelled` adds items cancelled with their run',
        example: ['not_passed'],
      }),
  })
  .openapi('RerunFailed');

export const ListResultsQuerySchema = PaginationQuerySchema.extend({
  status: z.enum(EVALUATION_RESULT_STATUSES).optional(),
  passed: z
    .enum(['true', 'false'])
    .transform((value) => value === 'true')
    .optional()
    .openapi({ description: '`false` includes items whose execution failed' }),
  dataset_entry_ids: z
    .string()
    .max(200 * 37)
    .transform((raw) => raw.split(',').map((id) => id.trim()).filter((id) => id !== ''))
    .pipe(z.array(z.uuid()).min(1).max(200))
    .optional()
    .openapi({ type: 'string', description: 'Comma-separated entry ids (at most 200): only their items, every repetition' }),
});

export const ListRunsQuerySchema = PaginationQuerySchema.extend({
  dataset_id: z.uuid().optional().openapi({ description: "Only this dataset's runs" }),
  status: z.enum(EVALUATION_RUN_STATUSES).optional(),
});

const Side = z.object({ passed: z.boolean(), score: z.number() });
const Rates = z.object({ pass_rate: z.number().nullable(), mean_score: z.number().nullable() });

export const CompareQuerySchema = z.object({
  base: z.uuid().openapi({ description: 'Run compared against' }),
  candidate: z.uuid().openapi({ description: 'Run being judged' }),
});

export const ComparisonSchema = z
  .object({
    base_run_id: z.string(),
    candidate_run_id: z.string(),
    dataset_id: z.string(),
    pairs: z.number().int().openapi({ description: '(entry, repetition) items finished in both runs' }),
    counts: z.object({ improved: z.number().int(), regressed: z.number().int(), unchanged: z.number().int() }),
    base: Rates,
    candidate: Rates,
    deltas: z.object({
      pass_rate: z.number().nullable(),
      mean_score: z.number().nullable(),
      scorers: z.record(z.string(), z.number()),
      latency_p50_ms: z.number().nullable(),
      cost_usd: z.number().nullable(),
    }),
    mcnemar: z.object({ b: z.number().int(), c: z.number().int(), p_value: z.number() }).openapi({ description: 'Exact McNemar test on paired pass/fail (b: base only, c: candidate only)' }),
    bootstrap: z
      .object({ mean_difference: z.number(), lower: z.number(), upper: z.number(), confidence: z.number(), resamples: z.number().int(), seed: z.number().int() })
      .openapi({ description: 'Seeded paired bootstrap interval of the mean score difference (candidate − base)' }),
    alpha: z.number(),
    verdict: z.enum(['better', 'worse', 'no_significant_difference']),
    entries: z.array(z.object({ dataset_entry_id: z.string(), repetition: z.number().int(), base: Side, candidate: Side, change: z.enum(['improved', 'regressed', 'unchanged']) })),
  })
  .openapi('RunComparison');
