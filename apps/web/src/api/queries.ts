import { queryOptions } from '@tanstack/react-query';
import { detailRefetchInterval } from '../components/executions/execution-status';
import { isApiError } from './api-error';
import { api, type ResponseOf, unwrap } from './client';

/** Queries that several pages share; each page keeps its own lists and mutations beside it. */

export type Execution = ResponseOf<'/v1/executions/{id}', 'get'>;
export type Template = ResponseOf<'/v1/templates/{id}', 'get'>;
export type ProviderCatalog = ResponseOf<'/v1/providers', 'get'>;

/** The configured providers; they change only when the server restarts. */
export const providersQuery = queryOptions({
  queryKey: ['providers'],
  staleTime: 5 * 60_000,
  queryFn: () => unwrap(api.GET('/v1/providers')),
});

/** One execution; followed every second while queued or running, until it cannot be found. */
export function executionQuery(id: string) {
  return queryOptions({
    queryKey: ['execution', id],
    queryFn: () => unwrap(api.GET('/v1/executions/{id}', { params: { path: { id } } })),
    refetchInterval: (current) => detailRefetchInterval(current.state.data, isApiError(current.state.error) && current.state.error.status === 404),
    staleTime: 1000,
  });
}

/** A template version by any reference: an id, `name@N`, or a name (the version it resolves to now). */
export function templateQuery(ref: string) {
  return queryOptions({
    queryKey: ['template', ref],
    queryFn: () => unwrap(api.GET('/v1/templates/{id}', { params: { path: { id: ref } } })),
  });
}

/**
 * A template version by id. A version's name and content never change, so one fetch per id serves
 * every row and page; only its metadata (active flag) may go stale, which the lists using it do not show.
 */
export function templateByIdQuery(id: string) {
  return queryOptions({ ...templateQuery(id), staleTime: 5 * 60_000 });
}
