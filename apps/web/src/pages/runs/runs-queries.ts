import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { api, type ResponseOf, unwrap } from '../../api/client';
import { runListRefetchInterval, runRefetchInterval } from './run-status';
import { type RunsSearch, runsQueryFor } from './runs-search';

export type Run = ResponseOf<'/v1/runs/{id}', 'get'>;

/** Run lists live under ['runs', ...], one run under ['run', id, ...]: a write refreshes both roots. */
export const runKeys = {
  lists: ['runs'] as const,
  one: (id: string) => ['run', id] as const,
};

export function runsListQuery(search: RunsSearch) {
  const query = runsQueryFor(search);
  return queryOptions({
    queryKey: [...runKeys.lists, 'all', query],
    queryFn: () => unwrap(api.GET('/v1/runs', { params: { query } })),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => runListRefetchInterval(current.state.data?.items),
  });
}

/** A page of a dataset's runs, newest first; refreshed while any of them is live. */
export function datasetRunsQuery(datasetId: string, page: { limit: number; offset: number }) {
  return queryOptions({
    queryKey: [...runKeys.lists, 'dataset', datasetId, page],
    queryFn: () => unwrap(api.GET('/v1/datasets/{id}/runs', { params: { path: { id: datasetId }, query: page } })),
    placeholderData: keepPreviousData,
    refetchInterval: (current) => runListRefetchInterval(current.state.data?.items),
  });
}

/** One run, followed every second while it is queued or running. */
export function runQuery(id: string) {
  return queryOptions({
    queryKey: runKeys.one(id),
    queryFn: () => unwrap(api.GET('/v1/runs/{id}', { params: { path: { id } } })),
    refetchInterval: (current) => runRefetchInterval(current.state.data, isApiError(current.state.error) && current.state.error.status === 404),
  });
}
