import { z } from '@hono/zod-openapi';
import { ANALYTICS_BUCKETS, ANALYTICS_LIMITS, TOP_TEMPLATES_BY } from '@promptops/domain';

export const ANALYTICS_TAGS = ['Analytics'];

const timestamp = z.string().openapi({ format: 'date-time', example: '2026-12-01T00:00:00.000Z' });
const instant = (description: string) => z.iso.datetime({ offset: true }).optional().openapi({ description });

const RangeQuery = {
  from: instant('Start (ISO 8601), widened down to its bucket; default: 7 days before `to`'),
  to: instant('End, exclusive (ISO 8601), widened up to its bucket; default: now'),
};

const ScopeQuery = {
  provider: z.string().min(1).max(40).optional().openapi({ description: 'Only executions on this provider', example: 'openai' }),
  model: z.string().min(1).max(200).optional().openapi({ description: 'Only executions on this model', example: 'gpt-4o-mini' }),
};

export const SeriesQuerySchema = z.object({
  template: z.string().min(1).max(200).optional().openapi({ description: 'A template name (all its versions unless `version`)', example: 'Greeter' }),
  version: z.coerce.number().int().min(1).optional().openapi({ description: 'One version of `template`' }),
  ...ScopeQuery,
  ...RangeQuery,
  bucket: z
    .enum(ANALYTICS_BUCKETS)
    .optional()
    .openapi({ description: `Point width (UTC); default hour up to 7 days, day beyond. At most ${ANALYTICS_LIMITS.maxBuckets} points, else 400.` }),
});

export const TopQuerySchema = z.object({
  by: z
    .enum(TOP_TEMPLATES_BY)
    .openapi({ description: '`cost`: highest total cost first; `failures`: most failed executions first (templates without failures left out)' }),
  ...ScopeQuery,
  ...RangeQuery,
  limit: z.coerce.number().int().min(1).max(ANALYTICS_LIMITS.maxTop).default(ANALYTICS_LIMITS.defaultTop),
});

const nullableNumber = z.number().nullable();

const MetricsSchema = z
  .object({
    executions: z.number().int().openapi({ description: 'Executions that ended (succeeded, failed or cancelled)' }),
    succeeded: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    failures: z
      .object({ render: z.number().int(), validation: z.number().int(), provider: z.number().int(), timeout: z.number().int() })
      .openapi({ description: 'Failed executions by failure kind' }),
    success_rate: nullableNumber.openapi({ description: 'succeeded / (succeeded + failed); null with neither' }),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    cost_usd: z.number(),
    cost_per_success_usd: nullableNumber.openapi({ description: 'cost_usd / succeeded: what a success costs, failed attempts included' }),
    latency_ms: z
      .object({ p50: nullableNumber, p95: nullableNumber, p99: nullableNumber, mean: nullableNumber })
      .openapi({ description: 'Execution latency; percentiles from histograms (log-spaced buckets, about 31 % wide), interpolated within a bucket' }),
  })
  .openapi('AnalyticsMetrics');

const SeriesPointSchema = MetricsSchema.extend({ bucket_start: timestamp }).openapi('AnalyticsPoint');
const VersionMetricsSchema = MetricsSchema.extend({ version: z.number().int() }).openapi('AnalyticsVersion');

export const SeriesSchema = z
  .object({
    scope: z.object({ template: z.string().nullable(), version: z.number().int().nullable(), provider: z.string().nullable(), model: z.string().nullable() }),
    bucket: z.enum(ANALYTICS_BUCKETS),
    from: timestamp.openapi({ description: 'Start of the range served (the first bucket)' }),
    to: timestamp.openapi({ description: 'End of the range served, exclusive' }),
    totals: MetricsSchema,
    series: z.array(SeriesPointSchema).openapi({ description: 'One point per bucket, empty ones included' }),
    versions: z.array(VersionMetricsSchema).nullable().openapi({ description: 'Per version, highest first, for a template without `version`; null otherwise' }),
  })
  .openapi('AnalyticsSeries');

export const TopSchema = z
  .object({
    by: z.enum(TOP_TEMPLATES_BY),
    from: timestamp,
    to: timestamp,
    items: z.array(
      z.object({
        template_name: z.string(),
        executions: z.number().int(),
        succeeded: z.number().int(),
        failed: z.number().int(),
        success_rate: nullableNumber,
        cost_usd: z.number(),
      }),
    ),
  })
  .openapi('AnalyticsTopTemplates');
