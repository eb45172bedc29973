import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { api, type ResponseOf, unwrap } from '../../api/client';

export type Comparison = ResponseOf<'/v1/runs/compare', 'get'>;

/** Two finished runs never change, so their comparison is fetched once. */
export function comparisonQuery(base: string, candidate: string) {
  return queryOptions({
    queryKey: ['comparison', base, candidate],
    queryFn: () => unwrap(api.GET('/v1/runs/compare', { params: { query: { base, candidate } } })),
    staleTime: Number.POSITIVE_INFINITY,
    retry: false,
  });
}

/** One run's results for the entries on a page of the comparison (every repetition of each). */
export function pageResultsQuery(runId: string, entryIds: string[]) {
  return queryOptions({
    queryKey: ['run', runId, 'results', 'entries', entryIds],
    queryFn: () => unwrap(api.GET('/v1/runs/{id}/results', { params: { path: { id: runId }, query: { dataset_entry_ids: entryIds.join(','), limit: 200 } } })),
    enabled: entryIds.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Number.POSITIVE_INFINITY,
  });
}
