import { keepPreviousData, queryOptions } from '@tanstack/react-query';
import { isApiError } from '../../api/api-error';
import { api, type ResponseOf, unwrap } from '../../api/client';
import type { ExecutionsQuery } from './execution-filters';
import { detailRefetchInterval, listRefetchInterval } from './execution-status';

export type Execution = ResponseOf<'/v1/executions/{id}', 'get'>;
export type Template = ResponseOf<'/v1/templates/{id}', 'get'>;

/** A page of executions; refreshed every 2 s while any of its rows is queued or running. */
export function executionsListQuery(query: ExecutionsQuery) {
  return queryOptions({
    queryKey: ['executions', 'list', query],
    queryFn: () => unwrap(api.GET('/v1/executions', { params: { query } })),
    // Filters and pages change the key; keep the previous rows on screen instead of flashing a spinner.
    placeholderData: keepPreviousData,
    refetchInterval: (current) => listRefetchInterval(current.state.data?.items),
    staleTime: 2000,
  });
}

/** One execution; followed every second while queued or running, until it cannot be found. */
export function executionQuery(id: string) {
  return queryOptions({
    queryKey: ['execution', id],
    queryFn: () => unwrap(api.GET('/v1/executions/{id}', { params: { path: { id } } })),
    refetchInterval: (current) => detailRefetchInterval(current.state.data, isApiError(current.state.error) && current.state.error.status === 404),
    staleTime: 1000,
  });
}

/**
 * A template version by id. A version's name and content never change, so one fetch per id serves
 * every row and page; only its metadata (active flag) may go stale, which the lists here do not show.
 */
export function templateByIdQuery(id: string) {
  return queryOptions({
    queryKey: ['template', id],
    queryFn: () => unwrap(api.GET('/v1/templates/{id}', { params: { path: { id } } })),
    staleTime: 5 * 60_000,
  });
}
