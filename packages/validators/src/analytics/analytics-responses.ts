import { z } from '@hono/zod-openapi';
import { timestamp } from '../json';

export const ANALYTICS_BUCKETS = ['hour', 'day'] as const;
export const TOP_TEMPLATES_BY = ['cost', 'failures'] as const;

const nullableNumber = z.number().nullable();

const LatencySummarySchema = z.object({ p50: nullableNumber, p95: nullableNumber, p99: nullableNumber, mean: nullableNumber });

/** What a set of finished executions came to. */
const AnalyticsMetricsSchema = z
  .object({
    executions: z.number().int().openapi({ description: 'Executions that ended (succeeded, failed or cancelled)' }),
    succeeded: z.number().int(),
    failed: z.number().int(),
    cancelled: z.number().int(),
    // The rest of `failed` had no failure kind recorded.
    failures: z
      .object({ render: z.number().int(), validation: z.number().int(), provider: z.number().int(), timeout: z.number().int() })
      .openapi({ description: 'Failed executions by failure kind' }),
    // Cancelled executions do not count: they say nothing about whether the template works.
    success_rate: nullableNumber.openapi({ description: 'succeeded / (succeeded + failed); null with neither' }),
    prompt_tokens: z.number().int(),
    completion_tokens: z.number().int(),
    cost_usd: z.number(),
    cost_per_success_usd: nullableNumber.openapi({ description: 'cost_usd / succeeded: what a success costs, failed attempts included' }),
    latency_ms: LatencySummarySchema.openapi({
      description: 'Execution latency; percentiles from histograms (log-spaced buckets, about 31 % wide), interpolated within a bucket',
    }),
  })
  .openapi('AnalyticsMetrics');

/** `bucket_start` is the start of the hour or UTC day. */
const SeriesPointSchema = AnalyticsMetricsSchema.extend({ bucket_start: timestamp }).openapi('AnalyticsPoint');
const VersionMetricsSchema = AnalyticsMetricsSchema.extend({ version: z.number().int() }).openapi('AnalyticsVersion');

/** The range served is the asked one widened to whole buckets. */
export const AnalyticsSeriesSchema = z
  .object({
    scope: z.object({ template: z.string().nullable(), version: z.number().int().nullable(), provider: z.string().nullable(), model: z.string().nullable() }),
    bucket: z.enum(ANALYTICS_BUCKETS),
    from: timestamp.openapi({ description: 'Start of the range served (the first bucket)' }),
    to: timestamp.openapi({ description: 'End of the range served, exclusive' }),
    totals: AnalyticsMetricsSchema,
    series: z.array(SeriesPointSchema).openapi({ description: 'One point per bucket, empty ones included' }),
    versions: z.array(VersionMetricsSchema).nullable().openapi({ description: 'Per version, highest first, for a template without `version`; null otherwise' }),
  })
  .openapi('AnalyticsSeries');

const TopTemplateSchema = z.object({
  template_name: z.string(),
  executions: z.number().int(),
  succeeded: z.number().int(),
  failed: z.number().int(),
  success_rate: nullableNumber,
  cost_usd: z.number(),
});

export const TopTemplatesSchema = z
  .object({ by: z.enum(TOP_TEMPLATES_BY), from: timestamp, to: timestamp, items: z.array(TopTemplateSchema) })
  .openapi('AnalyticsTopTemplates');

export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];
export type TopTemplatesBy = (typeof TOP_TEMPLATES_BY)[number];
export type AnalyticsMetrics = z.infer<typeof AnalyticsMetricsSchema>;
export type AnalyticsSeries = z.infer<typeof AnalyticsSeriesSchema>;
export type TopTemplates = z.infer<typeof TopTemplatesSchema>;
