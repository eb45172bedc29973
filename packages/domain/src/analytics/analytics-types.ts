export const ANALYTICS_BUCKETS = ['hour', 'day'] as const;
export type AnalyticsBucket = (typeof ANALYTICS_BUCKETS)[number];

export const TOP_TEMPLATES_BY = ['cost', 'failures'] as const;
export type TopTemplatesBy = (typeof TOP_TEMPLATES_BY)[number];

export const ANALYTICS_LIMITS = {
  /** Points in one series: 41 days of hours, or 2.7 years of days. */
  maxBuckets: 1000,
  maxTop: 50,
  defaultTop: 10,
} as const;

/** Which executions: all of them, or those of a template name (one version), a provider, a model (combined with AND). */
export interface AnalyticsScope {
  template?: string;
  version?: number;
  provider?: string;
  model?: string;
}

/** [from, to); missing ends default to the last 7 days, the bucket to hours up to 7 days and days beyond. */
export interface AnalyticsRangeInput {
  from?: Date;
  to?: Date;
  bucket?: AnalyticsBucket;
}

export interface SeriesQuery extends AnalyticsScope, AnalyticsRangeInput {}

export interface TopQuery {
  from?: Date;
  to?: Date;
  by: TopTemplatesBy;
  provider?: string;
  model?: string;
  limit?: number;
}

export interface LatencySummary {
  p50: number | null;
  p95: number | null;
  p99: number | null;
  mean: number | null;
}

/** What a set of finished executions came to. */
export interface AnalyticsMetrics {
  executions: number;
  succeeded: number;
  failed: number;
  cancelled: number;
  /** Failed executions by failure kind (the rest of `failed` had none recorded). */
  failures: { render: number; validation: number; provider: number; timeout: number };
  /** succeeded / (succeeded + failed); cancelled ones do not count. Null with neither. */
  success_rate: number | null;
  prompt_tokens: number;
  completion_tokens: number;
  cost_usd: number;
  /** cost_usd / succeeded: what one success costs, failed attempts included. */
  cost_per_success_usd: number | null;
  latency_ms: LatencySummary;
}

export interface SeriesPoint extends AnalyticsMetrics {
  /** Start of the hour or UTC day. */
  bucket_start: string;
}

export interface VersionMetrics extends AnalyticsMetrics {
  version: number;
}

export interface AnalyticsSeries {
  scope: { template: string | null; version: number | null; provider: string | null; model: string | null };
  bucket: AnalyticsBucket;
  /** The range served: the asked one widened to whole buckets. */
  from: string;
  to: string;
  totals: AnalyticsMetrics;
  /** One point per bucket of the range, empty ones included. */
  series: SeriesPoint[];
  /** Per version, highest first, for a template scope without a version; null otherwise. */
  versions: VersionMetrics[] | null;
}

export interface TopTemplate {
  template_name: string;
  executions: number;
  succeeded: number;
  failed: number;
  success_rate: number | null;
  cost_usd: number;
}

export interface TopTemplates {
  by: TopTemplatesBy;
  from: string;
  to: string;
  items: TopTemplate[];
}
