import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type QueryOf, type ResponseOf, unwrap } from '../../api/client';

export type AnalyticsSeries = ResponseOf<'/v1/analytics/series', 'get'>;
export type AnalyticsMetrics = AnalyticsSeries['totals'];
export type SeriesParams = QueryOf<'/v1/analytics/series', 'get'>;
export type TopParams = QueryOf<'/v1/analytics/top', 'get'>;
export type TopTemplates = ResponseOf<'/v1/analytics/top', 'get'>;

/** Rollups change as executions finish; a minute-old chart is fine, and refreshes when the tab regains focus. */
const STALE_MS = 60_000;

export function analyticsSeriesQuery(params: SeriesParams) {
  return queryOptions({
    queryKey: ['analytics', 'series', params],
    queryFn: () => unwrap(api.GET('/v1/analytics/series', { params: { query: params } })),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}

export function analyticsTopQuery(params: TopParams) {
  return queryOptions({
    queryKey: ['analytics', 'top', params],
    queryFn: () => unwrap(api.GET('/v1/analytics/top', { params: { query: params } })),
    placeholderData: keepPreviousData,
    staleTime: STALE_MS,
  });
}
