import type { AnalyticsBucket, TopTemplatesBy } from '@promptops/validators';

export {
  ANALYTICS_BUCKETS,
  type AnalyticsBucket,
  type AnalyticsMetrics,
  type AnalyticsSeries,
  TOP_TEMPLATES_BY,
  type TopTemplates,
  type TopTemplatesBy,
} from '@promptops/validators';

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
