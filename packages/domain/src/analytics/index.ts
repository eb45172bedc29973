export { AnalyticsService } from './analytics-service';
export {
  ANALYTICS_BUCKETS,
  ANALYTICS_LIMITS,
  TOP_TEMPLATES_BY,
  type AnalyticsBucket,
  type AnalyticsMetrics,
  type AnalyticsSeries,
  type SeriesQuery,
  type TopQuery,
  type TopTemplates,
  type TopTemplatesBy,
} from './analytics-types';
